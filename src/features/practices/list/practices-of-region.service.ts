import type { RegionSectionSource } from '../../network/index.ts';
import { practiceSearchParams } from '../search/practice-search.forms.ts';
import { searchPractices } from '../search/practice-search.service.ts';

/** A regional network's page: the region's newest published good practices (network's `regionSections`). */
export const practicesOfRegion: RegionSectionSource = async ({ db, i18n }, region) => {
  const result = await searchPractices(db, practiceSearchParams.parse({ region: [region.slug] }), i18n.locale);
  return {
    heading: i18n.t('network.regionSections.practices'),
    links: result.items.slice(0, 10).map((p) => ({ href: `/${i18n.locale}/practices/${p.slug}`, title: p.title, lang: p.contentLocale })),
  };
};
