import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { KnownInterests } from './subscription.forms.ts';

/** A theme or region a subscriber can be interested in, named in the reader's language. */
export type InterestOption = { slug: string; name: string };

/** The themes (in the taxonomy's order) and regions (in the reader's alphabetical order) the subscribe forms offer. */
export async function loadInterestOptions(db: Database, i18n: I18n): Promise<{ themes: InterestOption[]; regions: InterestOption[] }> {
  const [themes, index] = await Promise.all([listThemesWithTopics(db, i18n.locale), loadTaxonomyIndex(db)]);
  return {
    themes: themes.map((th) => ({ slug: th.slug, name: th.label })),
    regions: [...index.regions]
      .map((slug) => ({ slug, name: i18n.t(`common.regions.${slug}`) }))
      .sort((a, b) => a.name.localeCompare(b.name, i18n.locale)),
  };
}

/** The slugs a submitted form may name. */
export async function loadKnownInterests(db: Database): Promise<KnownInterests> {
  const index = await loadTaxonomyIndex(db);
  return { themes: index.themes, regions: index.regions };
}
