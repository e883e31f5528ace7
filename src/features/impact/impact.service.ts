import { z } from 'zod';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../platform/db/client.ts';
import { createResultCache } from '../../platform/db/result-cache.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import * as q from './impact.queries.ts';

// The network's impact in numbers: totals, and the same figures per year, per theme and per region.
// A record with several themes counts under each of them; one without a year or region is left out of
// that table only (so the theme or region columns may add up to more, or less, than the totals).

export const MEASURES = ['events', 'participants', 'practices', 'experts', 'projectIdeas'] as const;
export type Measure = (typeof MEASURES)[number];
export type Figures = Record<Measure, number>;
export type ImpactRow = { key: string; figures: Figures };

export type Impact = {
  totals: Figures;
  byYear: ImpactRow[];
  byTheme: ImpactRow[];
  byRegion: ImpactRow[];
};

const zero = (): Figures => ({ events: 0, participants: 0, practices: 0, experts: 0, projectIdeas: 0 });

export type { NetworkNumbers, YearRange } from './impact.queries.ts';
export const OPEN_RANGE: q.YearRange = { from: null, to: null };

/**
 * Everything the impact page shows, counted from the records at `now`; with a range, only what falls
 * in those years (every figure and table, the totals included).
 */
export function computeImpact(
  db: Database,
  locale: Locale,
  { now, range = OPEN_RANGE }: { now?: Date; range?: q.YearRange } = {},
): Promise<Impact> {
  if (now) return countImpact(db, locale, now, range);
  return figures.get(db, `impact|${locale}|${range.from}|${range.to}`, () => countImpact(db, locale, new Date(), range));
}

// The figures are counted over every record: kept per process until a content counter moves (ADR 015)
// and for at most a minute, since "events held" also moves with the clock.
const figures = createResultCache({ ttlMs: 60_000, maxEntries: 100 });

async function countImpact(db: Database, locale: Locale, now: Date, range: q.YearRange): Promise<Impact> {
  const [events, practices, experts, ideas, themes, taxonomy] = await Promise.all([
    q.tallyEvents(db, now, range),
    q.tallyPractices(db, range),
    q.tallyExperts(db, range),
    q.tallyProjectIdeas(db, range),
    listThemesWithTopics(db, locale),
    loadTaxonomyIndex(db),
  ]);
  const totals = zero();
  const tables = { year: new Map<string, Figures>(), region: new Map<string, Figures>(), theme: new Map<string, Figures>() };
  // Every theme and region is listed, with zeros: a gap is a finding too.
  for (const th of themes) tables.theme.set(th.slug, zero());
  for (const r of taxonomy.regions) tables.region.set(r, zero());
  const add = (rows: q.TallyRow[], measure: Measure, value: (r: q.TallyRow) => number) => {
    for (const row of rows) {
      if (row.dim === 'total') {
        totals[measure] += value(row);
        continue;
      }
      const table = tables[row.dim];
      const figures = table.get(row.key as string) ?? zero();
      figures[measure] += value(row);
      table.set(row.key as string, figures);
    }
  };
  add(events, 'events', (r) => r.records);
  add(events, 'participants', (r) => r.amount);
  add(practices, 'practices', (r) => r.records);
  add(experts, 'experts', (r) => r.records);
  add(ideas, 'projectIdeas', (r) => r.records);
  const list = (table: Map<string, Figures>, order: string[]): ImpactRow[] =>
    order.flatMap((key) => {
      const figures = table.get(key);
      return figures ? [{ key, figures }] : [];
    });
  return {
    totals,
    byYear: list(tables.year, [...tables.year.keys()].sort()),
    byTheme: list(
      tables.theme,
      themes.map((th) => th.slug),
    ),
    byRegion: list(tables.region, [...taxonomy.regions].sort()),
  };
}

/**
 * The home page's figures: experts, practices and events held counted exactly as on the impact page
 * (one definition, so the two never disagree), and the cities and countries they are in.
 */
export function getNetworkNumbers(db: Database, now?: Date): Promise<q.NetworkNumbers> {
  if (now) return q.countNetwork(db, now);
  return figures.get(db, 'network', () => q.countNetwork(db, new Date()));
}

const measure = z.enum(MEASURES).catch('events');

/** Which measure each chart shows (?year=participants&theme=practices), leniently: anything else is the default. */
export function readChartChoice(url: URL): { year: Measure; theme: Measure; region: Measure } {
  return {
    year: url.searchParams.has('year') ? measure.parse(url.searchParams.get('year')) : 'participants',
    theme: url.searchParams.has('theme') ? measure.parse(url.searchParams.get('theme')) : 'events',
    region: url.searchParams.has('region') ? measure.parse(url.searchParams.get('region')) : 'events',
  };
}
