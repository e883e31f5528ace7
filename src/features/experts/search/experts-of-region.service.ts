import type { RegionSectionSource } from '../../network/index.ts';
import { expertSearchParams } from './expert-search.forms.ts';
import { searchExperts } from './expert-search.service.ts';

/** A regional network's page: the region's experts this reader may see (network's `regionSections`). */
export const expertsOfRegion: RegionSectionSource = async ({ db, i18n, viewer }, region) => {
  const result = await searchExperts(db, expertSearchParams.parse({ region: [region.slug] }), i18n.locale, viewer);
  return {
    heading: i18n.t('network.regionSections.experts'),
    links: result.items.slice(0, 10).map((e) => ({
      href: `/${i18n.locale}/experts/${e.slug}`,
      // A person's name is in no language of its own.
      title: e.name,
      lang: i18n.locale,
      detail: e.organisation || undefined,
    })),
  };
};
