import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import * as editions from '../editions/editions.queries.ts';
import type { Edition } from '../editions/editions.service.ts';
import {
  type EditionStatus,
  type ItemSuggestion,
  type NewsletterItemSource,
  parseItemRef,
  SECTION_KINDS,
  type SectionKind,
} from '../newsletter.model.ts';

// What the editors' pages show: the list of editions, the suggestions for an edition and the titles of
// its items in the editor's language. Reads only.

/** Without an edition sent before, suggestions reach this far back. */
export const SUGGESTION_DAYS = 60;
/** Per section: more would bury the page; the newest come first. */
const SUGGESTIONS_PER_SECTION = 40;

export type EditionListRow = {
  number: number;
  date: string;
  status: EditionStatus;
  /** In the editor's language, else English, else the first written; `locale` says which. */
  subject: { text: string; locale: string } | null;
};

export async function listEditionsForEditors(db: Database, locale: Locale): Promise<EditionListRow[]> {
  const rows = await editions.listEditionRows(db);
  const texts = await editions.listEditionTranslations(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const mine = texts.filter((t) => t.edition_id === row.id && t.subject.trim());
    const pick = mine.find((t) => t.locale === locale) ?? mine.find((t) => t.locale === 'en') ?? mine[0];
    return {
      number: row.number,
      date: row.edition_date,
      status: row.status,
      subject: pick ? { text: pick.subject, locale: pick.locale } : null,
    };
  });
}

/** What the form for a new edition offers: the number after the highest, and today. */
export async function newEditionDefaults(db: Database, now = new Date()): Promise<{ number: string; date: string }> {
  return { number: String((await editions.highestEditionNumber(db)) + 1), date: now.toISOString().slice(0, 10) };
}

/** Since the previous edition that was sent (its date), else SUGGESTION_DAYS back; until now. */
export async function suggestionWindow(db: Database, edition: Edition, now = new Date()): Promise<{ since: Date; until: Date }> {
  const previous = await editions.findPreviousSentEdition(db, edition.number);
  const since = previous ? new Date(`${previous.edition_date}T00:00:00Z`) : new Date(now.getTime() - SUGGESTION_DAYS * 86_400_000);
  return { since, until: now };
}

/** Every source's suggestions by section, newest first, without what the edition holds already. */
export async function suggestItems(
  db: Database,
  sources: Map<string, NewsletterItemSource>,
  edition: Edition,
  locale: Locale,
  now = new Date(),
): Promise<Record<SectionKind, ItemSuggestion[]>> {
  const window = await suggestionWindow(db, edition, now);
  const held = new Set(SECTION_KINDS.flatMap((kind) => edition.sections[kind].map((i) => i.ref)).filter(Boolean));
  const all = (await Promise.all([...sources.values()].map((source) => source.suggest(db, window, locale)))).flat();
  const bySection = Object.fromEntries(SECTION_KINDS.map((kind) => [kind, [] as ItemSuggestion[]])) as Record<
    SectionKind,
    ItemSuggestion[]
  >;
  const seen = new Set<string>();
  for (const s of all.sort((a, b) => b.at.getTime() - a.at.getTime())) {
    const key = `${s.section}|${s.ref}`;
    if (held.has(s.ref) || seen.has(key) || !bySection[s.section]) continue;
    seen.add(key);
    if (bySection[s.section].length < SUGGESTIONS_PER_SECTION) bySection[s.section].push(s);
  }
  return bySection;
}

/** How the editor sees an item: its title (in another language when theirs is missing) or, gone, its ref. */
export type ItemLabel = { title: string; locale: string | null; url: string | null; kind: 'content' | 'free' | 'missing' };

export async function labelItems(
  db: Database,
  sources: Map<string, NewsletterItemSource>,
  edition: Edition,
  locale: Locale,
  baseUrl: string,
): Promise<Map<number, ItemLabel>> {
  const items = SECTION_KINDS.flatMap((kind) => edition.sections[kind]);
  const idsByKind = new Map<string, string[]>();
  for (const item of items) {
    const ref = item.ref ? parseItemRef(item.ref) : null;
    if (ref) idsByKind.set(ref.kind, [...(idsByKind.get(ref.kind) ?? []), ref.externalId]);
  }
  const rendered = new Map<string, { title: string; locale: string; url: string | null }>();
  await Promise.all(
    [...idsByKind].map(async ([kind, ids]) => {
      const source = sources.get(kind);
      if (!source) return;
      for (const [id, item] of await source.render(db, ids, locale, baseUrl)) rendered.set(`${kind}:${id}`, item);
    }),
  );
  const labels = new Map<number, ItemLabel>();
  for (const item of items) {
    if (item.ref) {
      const r = rendered.get(item.ref);
      labels.set(
        item.id,
        r
          ? { title: r.title, locale: r.locale, url: r.url, kind: 'content' }
          : { title: item.ref, locale: null, url: null, kind: 'missing' },
      );
      continue;
    }
    const written = Object.keys(item.translations);
    const lang = written.includes(locale) ? locale : written.includes('en') ? 'en' : (written[0] ?? null);
    labels.set(item.id, { title: lang ? (item.translations[lang]?.title ?? '') : '', locale: lang, url: item.url, kind: 'free' });
  }
  return labels;
}
