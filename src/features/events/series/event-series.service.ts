import type { Database } from '../../../platform/db/client.ts';
import { extensionPoint } from '../../../platform/extension.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { slugify } from '../../../platform/lib/slug.ts';
import { listPracticesByIds, type PracticeSummary } from '../../practices/index.ts';
import type { EventGroupKind, GroupTexts } from '../events.table.ts';
import type { EventOutcomeSection } from '../page/event-page.service.ts';
import type { EventSummary } from '../search/event-search.service.ts';
import type { EventGroupForm } from './event-series.forms.ts';
import * as q from './event-series.queries.ts';

// Series and learning processes: their pages (sessions, recordings, documentation, the practices
// presented), the calendar's filter, and the editors' creation and changes. Events join one in the
// event form (or an import); the group itself is written here.

/** The address part of each kind: /<locale>/events/series/<slug>, /<locale>/events/learning-processes/<slug>. */
export const GROUP_PATHS: Record<EventGroupKind, string> = { series: 'series', process: 'learning-processes' };

export function groupPagePath(locale: string, kind: EventGroupKind, slug: string): string {
  return `/${locale}/events/${GROUP_PATHS[kind]}/${slug}`;
}

/**
 * What other modules add to a series' or learning process's page from its sessions that were held (their
 * event ids, in the order they were held), as `eventOutcomes` does for one event: the videos module
 * lists the sessions' recordings here.
 */
export const groupOutcomes =
  extensionPoint<(db: Database, i18n: I18n, eventIds: number[]) => Promise<EventOutcomeSection | null>>('events.groupOutcomes');

export type GroupSession = EventSummary & Pick<q.SessionRow, 'recordings' | 'documents' | 'status'>;

export type GroupPage = {
  kind: EventGroupKind;
  slug: string;
  text: GroupTexts & { locale: string };
  startsOn: string | null;
  endsOn: string | null;
  upcoming: GroupSession[];
  past: GroupSession[];
  /** The event ids of the sessions held, for the other modules' sections (groupOutcomes). */
  pastIds: number[];
  practices: PracticeSummary[];
};

/** A series or learning process as its page shows it, or nothing when there is none by that slug. */
export async function loadGroupPage(
  db: Database,
  kind: EventGroupKind,
  slug: string,
  locale: Locale,
  now = new Date(),
): Promise<GroupPage | undefined> {
  const group = await q.findGroupBySlug(db, kind, slug);
  const text = group && (group.texts.find((t) => t.locale === locale) ?? group.texts.find((t) => t.locale === 'en') ?? group.texts[0]);
  if (!group || !text) return undefined;
  const [rows, practiceIds] = await Promise.all([
    q.listGroupSessions(db, kind, group.id, locale),
    q.listGroupPracticeIds(db, kind, group.id),
  ]);
  const sessions = rows.map((r): GroupSession => {
    const over = r.ends_at < now;
    return {
      slug: r.slug,
      kind: r.kind,
      format: r.format,
      status: r.status,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      timeZone: r.time_zone,
      title: r.title,
      summary: r.summary,
      contentLocale: r.content_locale,
      city: r.city_name ? (r.city_names?.[locale] ?? r.city_name) : null,
      countryCode: r.country_code,
      regionSlug: null,
      recorded: over && r.recordings.length > 0,
      documented: over && (r.documented || r.documents.length > 0),
      recordings: r.recordings,
      documents: r.documents,
    };
  });
  return {
    kind,
    slug: group.slug,
    text,
    startsOn: group.starts_on,
    endsOn: group.ends_on,
    // Both in the order they are held: a series reads as a programme, first session first.
    upcoming: sessions.filter((s) => s.endsAt >= now),
    past: sessions.filter((s) => s.endsAt < now),
    pastIds: rows.filter((r) => r.ends_at < now).map((r) => r.id),
    practices: await listPracticesByIds(db, practiceIds, locale),
  };
}

export type GroupOption = { slug: string; title: string };

/** Series and learning processes to filter the calendar by, titled in the reader's language. */
export async function listGroupOptions(db: Database, locale: Locale): Promise<Record<EventGroupKind, GroupOption[]>> {
  const [series, process] = await Promise.all([q.listGroups(db, 'series', locale), q.listGroups(db, 'process', locale)]);
  const options = (rows: q.GroupListRow[]) => rows.map((r) => ({ slug: r.slug, title: r.title }));
  return { series: options(series), process: options(process) };
}

/** Both kinds for the editors' list, with their number of sessions. */
export async function listGroupsForEditors(db: Database, locale: Locale) {
  const [series, process] = await Promise.all([q.listGroups(db, 'series', locale), q.listGroups(db, 'process', locale)]);
  return { series, process };
}

/** The group with its texts in every language, for the editors' form. */
export function findEditableGroup(db: Database, kind: EventGroupKind, slug: string) {
  return q.findGroupBySlug(db, kind, slug);
}

export type GroupSaveOutcome = { ok: true; slug: string } | { ok: false; reason: 'forbidden' | 'not-found' };

/**
 * Creates a group (its slug from the title) or changes one: the texts of one language and, for a
 * series, its period. One transaction; a change locks the group's row.
 */
export async function saveEventGroup(
  ctx: { db: Database; user: CurrentUser },
  kind: EventGroupKind,
  slug: string | null,
  f: EventGroupForm,
): Promise<GroupSaveOutcome> {
  if (!can(ctx.user, 'edit-content')) return { ok: false, reason: 'forbidden' };
  return ctx.db.transaction().execute(async (trx): Promise<GroupSaveOutcome> => {
    const group = slug === null ? await q.insertGroup(trx, kind, slugify(f.title, kind)) : await lockedGroup(trx, kind, slug);
    if (!group) return { ok: false, reason: 'not-found' };
    await q.saveGroupTexts(trx, kind, group.id, f.lang, { title: f.title, summary: f.summary });
    if (kind === 'series') await q.saveSeriesPeriod(trx, group.id, f.startsOn, f.endsOn);
    return { ok: true, slug: group.slug };
  });
}

async function lockedGroup(db: Database, kind: EventGroupKind, slug: string) {
  const id = await q.lockGroup(db, kind, slug);
  return id === undefined ? undefined : { id, slug };
}
