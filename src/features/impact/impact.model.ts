import type { I18n } from '../../platform/i18n/i18n.ts';

// The three breakdowns of the impact page, each a chart, a table and a CSV file with the same rows.

export const DIMENSIONS = ['year', 'theme', 'region'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What a row of a breakdown is called on the page and in its CSV file: the year, the theme's or the region's name. */
export function rowLabel(i18n: I18n, dimension: Dimension, key: string, themeLabels: Map<string, string>): string {
  if (dimension === 'theme') return themeLabels.get(key) ?? key;
  if (dimension === 'region') return i18n.t(`common.regions.${key}`);
  return key;
}
