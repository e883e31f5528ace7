import type { CitySectionSource } from '../../core/cities/index.ts';
import { listProjectIdeasOfCity } from './city-project-ideas.queries.ts';

/** A municipality's published project ideas with their stage, as a section of its city page (cities' extension point). */
export const projectIdeasOfCity: CitySectionSource = async ({ db, i18n }, city) => {
  const ideas = await listProjectIdeasOfCity(db, i18n.locale, city.id, 100);
  return {
    heading: i18n.t('projectIdeas.title'),
    links: ideas.map((p) => ({
      href: `/${i18n.locale}/project-ideas/${p.slug}`,
      title: p.title,
      lang: p.content_locale,
      detail: i18n.t(`projectIdeas.stage.${p.stage}`),
    })),
  };
};
