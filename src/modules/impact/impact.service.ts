import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Locale } from '../../i18n/locales.ts';
import { listThemesWithTopics, loadTaxonomyIndex } from '../taxonomy/taxonomy.service.ts';
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

class Tally {
  private rows = new Map<string, Figures>();
  constructor(keys: string[] = []) {
    for (const k of keys) this.rows.set(k, zero());
  }
  add(key: string | number | null, measure: Measure, amount = 1) {
    if (key === null) return;
    const k = String(key);
    const figures = this.rows.get(k) ?? zero();
    figures[measure] += amount;
    this.rows.set(k, figures);
  }
  list(order?: string[]): ImpactRow[] {
    const keys = order ?? [...this.rows.keys()].sort();
    return keys.flatMap((key) => {
      const figures = this.rows.get(key);
      return figures ? [{ key, figures }] : [];
    });
  }
}

/** Everything the impact page shows, computed from the records at `now`. */
export async function computeImpact(db: Database, locale: Locale, now = new Date()): Promise<Impact> {
  const [events, practices, experts, ideas, themes, taxonomy] = await Promise.all([
    q.listEventImpact(db, now),
    q.listPracticeImpact(db),
    q.listExpertImpact(db),
    q.listProjectIdeaImpact(db),
    listThemesWithTopics(db, locale),
    loadTaxonomyIndex(db),
  ]);
  const themeOrder = themes.map((t) => t.slug);
  const regionOrder = [...taxonomy.regions].sort();
  const totals = zero();
  const byYear = new Tally();
  const byTheme = new Tally(themeOrder);
  const byRegion = new Tally(regionOrder);
  const count = (row: q.RecordImpactRow, measure: Measure, amount = 1) => {
    totals[measure] += amount;
    byYear.add(row.year, measure, amount);
    byRegion.add(row.region, measure, amount);
    for (const theme of row.themes) byTheme.add(theme, measure, amount);
  };
  for (const e of events) {
    count(e, 'events');
    count(e, 'participants', e.participants);
  }
  for (const p of practices) count(p, 'practices');
  for (const x of experts) count(x, 'experts');
  for (const i of ideas) count(i, 'projectIdeas');
  return { totals, byYear: byYear.list(), byTheme: byTheme.list(themeOrder), byRegion: byRegion.list(regionOrder) };
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
