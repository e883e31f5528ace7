import { findOrAddCity } from '../../../core/cities/cities.service.ts';
import { loadTaxonomyIndex, type TaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import { importRecords } from '../../../platform/exchange.ts';
import { ISO_639_1 } from '../../../platform/i18n/language-codes.ts';
import { slugify } from '../../../platform/lib/slug.ts';
import { instantToWallClock, wallClockToInstant } from '../../../platform/lib/time-zones.ts';
import type { ImportReport } from '../../../platform/module.ts';
import { notifyEventChange, promoteAfterEventChange, type RegistrationContext } from '../registration/event-registration.service.ts';
import * as q from './event-import.queries.ts';
import { type ExportedEvent, type ImportedEvent, importedEvent } from './event-record.forms.ts';

// The events part of the exchange format (docs/import-format.md): `npm run cli -- import` / `export`,
// and the demo seed. Idempotent by `externalId`. Times without an offset are wall-clock times in
// `timeZone`; with an offset (or Z) they are instants. The record's schema: event-record.forms.ts.

export { type ExportedEvent, type ImportedEvent, importedEvent };

function instant(value: string, zone: string): Date | null {
  return /(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : wallClockToInstant(value, zone);
}

function problemsOf(e: ImportedEvent, index: TaxonomyIndex, regions: Set<string>): string[] {
  const problems: string[] = [];
  const starts = instant(e.startsAt, e.timeZone);
  const ends = instant(e.endsAt, e.timeZone);
  if (!starts) problems.push('startsAt: not a valid time');
  if (!ends) problems.push('endsAt: not a valid time');
  if (starts && ends && ends <= starts) problems.push('endsAt: must be after startsAt');
  for (const t of e.themes) if (!index.themes.has(t)) problems.push(`themes: unknown theme ${t}`);
  for (const t of e.topics) if (!index.themeOfTopic.has(t)) problems.push(`topics: unknown topic ${t}`);
  for (const l of e.languages) if (!ISO_639_1.has(l)) problems.push(`languages: ${l} is not an ISO 639-1 code`);
  if (e.country && !index.countries.has(e.country)) problems.push(`country: unknown country ${e.country}`);
  for (const h of e.hosts) if (!index.countries.has(h.country)) problems.push(`hosts: unknown country ${h.country}`);
  if (e.region && !regions.has(e.region)) problems.push(`region: unknown region ${e.region}`);
  if (e.city && !e.country) problems.push('country: required with a city');
  return problems;
}

async function saveOne(
  db: Database,
  e: ImportedEvent,
  practiceIds: number[],
  notify: RegistrationContext | undefined,
): Promise<{ id: number; slug: string; outcome: 'created' | 'updated' }> {
  const existing = await q.findEventByExternalId(db, e.externalId);
  const title = e.translations.en?.title ?? Object.values(e.translations)[0]?.title ?? e.externalId;
  const slug = existing?.slug ?? (await q.freeEventSlug(db, e.slug ?? slugify(title, 'event')));
  const seriesId = e.series
    ? await q.upsertGroup(db, 'series', {
        ...e.series,
        slug: e.series.slug ?? slugify(e.series.translations.en?.title ?? e.series.externalId, 'series'),
      })
    : null;
  const processId = e.learningProcess
    ? await q.upsertGroup(db, 'process', {
        ...e.learningProcess,
        slug: e.learningProcess.slug ?? slugify(e.learningProcess.translations.en?.title ?? e.learningProcess.externalId, 'process'),
      })
    : null;
  const { id, sequence } = await q.upsertEvent(db, {
    slug,
    external_id: e.externalId,
    kind: e.kind,
    format: e.format,
    status: e.status,
    starts_at: instant(e.startsAt, e.timeZone) as Date,
    ends_at: instant(e.endsAt, e.timeZone) as Date,
    time_zone: e.timeZone,
    city_id: e.city && e.country ? await findOrAddCity(db, e.country, e.city) : null,
    country_code: e.country,
    region_slug: e.region,
    venue: e.venue,
    join_url: e.joinUrl,
    capacity: e.capacity,
    registration_opens_at: e.registrationOpensAt ? instant(e.registrationOpensAt, e.timeZone) : null,
    registration_closes_at: e.registrationClosesAt ? instant(e.registrationClosesAt, e.timeZone) : null,
    questions: e.questions,
    partners: JSON.stringify(e.partners),
    recordings: JSON.stringify(e.recordings),
    reported_figures: JSON.stringify(e.reportedFigures),
    series_id: seriesId,
    learning_process_id: processId,
  });
  const hostIds = [];
  for (const h of e.hosts) hostIds.push(await findOrAddCity(db, h.country, h.city));
  // A topic implies its theme.
  await q.replaceEventLinks(db, id, {
    themes: e.themes,
    topics: e.topics,
    languages: [...new Set(e.languages)],
    hosts: [...new Set(hostIds)],
  });
  await q.replaceEventTranslations(db, id, e.translations);
  await q.replaceEventPractices(db, id, practiceIds);
  // People already registered hear of a new time, place or format, and of a cancellation or postponement.
  if (notify && existing && sequence !== existing.sequence) {
    const calledOff = (e.status === 'cancelled' || e.status === 'postponed') && existing.status !== e.status;
    await notifyEventChange(db, notify, id, calledOff ? 'called-off' : 'changed');
  }
  // More places (or none limited any more): the waiting list moves up, in arrival order.
  if (notify && existing) await promoteAfterEventChange(db, notify, id);
  return { id, slug, outcome: existing ? 'updated' : 'created' };
}

export type EventProblem = { field: string; message: string };
export type SaveEventResult =
  | { ok: true; id: number; slug: string; outcome: 'created' | 'updated' }
  | { ok: false; externalId: string; problems: EventProblem[] };

/** The reference data every check needs, read once per import rather than once per event. */
export async function loadEventReferences(db: Database) {
  const index = await loadTaxonomyIndex(db);
  return { index, regions: new Set(index.regions) };
}
type EventReferences = Awaited<ReturnType<typeof loadEventReferences>>;
type CheckedEvent = { problems: string[]; found: { event: ImportedEvent; practiceIds: number[] } };

/** What only the database can tell about a valid record; a topic implies its theme. */
async function checkEvent(db: Database, e: ImportedEvent, { index, regions }: EventReferences): Promise<CheckedEvent> {
  const topicsThemes = e.topics.flatMap((t) => (index.themeOfTopic.has(t) ? [index.themeOfTopic.get(t) as string] : []));
  const complete = { ...e, themes: [...new Set([...e.themes, ...topicsThemes])] };
  const practiceIds = await q.findPracticeIdsByExternalId(db, e.practices);
  const problems = problemsOf(complete, index, regions);
  for (const p of e.practices) if (!practiceIds.has(p)) problems.push(`practices: no good practice with externalId ${p}`);
  return { problems, found: { event: complete, practiceIds: [...practiceIds.values()] } };
}

/**
 * Checks one event of the exchange format and saves it with `db` (the caller's transaction, so nothing
 * is half-written): the importer and the editors' form share this, and so the same rules and the same
 * notice to registrants when the time, place, format or status changes (with `notify`).
 */
export async function saveImportedEvent(
  db: Database,
  record: unknown,
  options: { notify?: RegistrationContext; references?: EventReferences } = {},
): Promise<SaveEventResult> {
  const parsed = importedEvent.safeParse(record);
  if (!parsed.success) {
    return {
      ok: false,
      externalId: String((record as { externalId?: unknown })?.externalId ?? ''),
      problems: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'record', message: i.message })),
    };
  }
  const { problems, found } = await checkEvent(db, parsed.data, options.references ?? (await loadEventReferences(db)));
  if (problems.length) {
    return {
      ok: false,
      externalId: parsed.data.externalId,
      problems: problems.map((p) => ({ field: p.slice(0, p.indexOf(':')), message: p.slice(p.indexOf(':') + 2) })),
    };
  }
  return { ok: true, ...(await saveOne(db, found.event, found.practiceIds, options.notify)) };
}

/**
 * Imports events one by one, each in its own transaction; a bad record is reported, never half-saved.
 * With `notify`, registrants of an event whose time, place, format or status changed are mailed.
 */
export async function importEvents(db: Database, records: unknown[], notify?: RegistrationContext): Promise<ImportReport> {
  const references = await loadEventReferences(db);
  return importRecords(db, records, importedEvent, {
    check: (_db, e) => checkEvent(db, e, references),
    save: async (trx, _e, found) => (await saveOne(trx, found.event, found.practiceIds, notify)).outcome,
  });
}

/**
 * Every event in the import format (drafts included: an export is a backup). Times are wall-clock in
 * the event's zone, as a person would write them; the join link is included (it is the editors' data).
 */
export async function exportEvents(db: Database): Promise<{ events: ExportedEvent[] }> {
  const rows = await q.listEventsForExport(db);
  return { events: rows.map(toExported) };
}

/** One event in the import format, for the editors' form: what they change is merged into it and saved. */
export async function exportEvent(db: Database, slug: string): Promise<{ id: number; record: ExportedEvent } | undefined> {
  const [row] = await q.listEventsForExport(db, slug);
  return row ? { id: row.id, record: toExported(row) } : undefined;
}

function toExported(r: q.EventExportRow): ExportedEvent {
  return {
    externalId: r.external_id ?? `event-${r.id}`,
    slug: r.slug,
    kind: r.kind,
    format: r.format,
    status: r.status,
    startsAt: instantToWallClock(r.starts_at, r.time_zone),
    endsAt: instantToWallClock(r.ends_at, r.time_zone),
    timeZone: r.time_zone,
    city: r.city_name,
    country: r.country_code,
    region: r.region_slug,
    venue: r.venue,
    joinUrl: r.join_url,
    capacity: r.capacity,
    registrationOpensAt: r.registration_opens_at ? instantToWallClock(r.registration_opens_at, r.time_zone) : null,
    registrationClosesAt: r.registration_closes_at ? instantToWallClock(r.registration_closes_at, r.time_zone) : null,
    questions: r.questions,
    themes: r.themes,
    topics: r.topics,
    languages: r.languages,
    hosts: r.hosts,
    partners: r.partners,
    series: r.series,
    learningProcess: r.learning_process,
    reportedFigures: r.reported_figures,
    recordings: r.recordings,
    practices: r.practices,
    translations: r.translations,
  };
}
