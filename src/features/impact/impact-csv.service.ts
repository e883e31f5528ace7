import type { I18n } from '../../platform/i18n/i18n.ts';
import { toCsv } from '../../platform/lib/csv.ts';
import { type Dimension, rowLabel } from './impact.model.ts';
import type { YearRange } from './impact.queries.ts';
import { type Impact, MEASURES } from './impact.service.ts';

// Each table of the impact page as a CSV file for reports: the same rows and columns as on the page,
// headers in the reader's language, numbers unformatted (a spreadsheet formats them itself). The file
// is UTF-8 with a byte-order mark, comma-separated and CRLF-ended (platform/lib/csv.ts): Excel needs
// the mark to read Arabic or "Städte" correctly, and every other program skips it.

const ROWS = { year: 'byYear', theme: 'byTheme', region: 'byRegion' } as const;

export function impactTableCsv(i18n: I18n, impact: Impact, dimension: Dimension, themeLabels: Map<string, string>): string {
  const header = [i18n.t(`impact.column.${dimension}`), ...MEASURES.map((m) => i18n.t(`impact.measure.${m}`))];
  const rows = impact[ROWS[dimension]].map((r) => [rowLabel(i18n, dimension, r.key, themeLabels), ...MEASURES.map((m) => r.figures[m])]);
  return toCsv(header, rows);
}

/** `impact-per-year-2019-2021.csv`: which table and which years, ASCII only so every browser keeps the name. */
export function impactCsvFileName(dimension: Dimension, range: YearRange): string {
  const years = range.from === null && range.to === null ? '' : `-${range.from ?? 'start'}-${range.to ?? 'now'}`;
  return `impact-per-${dimension}${years}.csv`;
}
