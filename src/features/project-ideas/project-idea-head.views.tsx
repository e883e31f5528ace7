import { type ShareImage, shareCardImage } from '../../platform/http/share-card.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { JsonLd } from '../../platform/ui/json-ld.tsx';
import type { ProjectIdeaRecord, ProjectIdeaText } from './project-ideas.queries.ts';

/** The address of a project idea's share card (ideas have no picture of their own). */
export const projectIdeaCardPath = (locale: string, slug: string) => `/${locale}/project-ideas/${slug}/card.png`;

/** What the card of an idea is drawn from: which idea, in which language, with which title. */
export const projectIdeaCardKey = (idea: ProjectIdeaRecord, text: ProjectIdeaText) =>
  `project-idea:${idea.id}:${text.locale}:${text.title}`;

export function projectIdeaShareImage(i18n: I18n, idea: ProjectIdeaRecord, text: ProjectIdeaText, baseUrl: string): ShareImage {
  return shareCardImage(baseUrl, projectIdeaCardPath(i18n.locale, idea.slug), projectIdeaCardKey(idea, text), text.title);
}

/**
 * schema.org for a project idea: a `CreativeWork` (a written proposal by a city), not `Project`, which is
 * still a pending type that search engines do not read and describes an organisation carrying a project
 * out, not an idea looking for partners. The stage is its `creativeWorkStatus`, the city its
 * `spatialCoverage`, the workshops it came from `isBasedOn`.
 */
export function ProjectIdeaHead(props: { i18n: I18n; idea: ProjectIdeaRecord; text: ProjectIdeaText; url: string; baseUrl: string }) {
  const { i18n, idea, text, url, baseUrl } = props;
  return (
    <JsonLd
      data={{
        '@context': 'https://schema.org',
        '@type': 'CreativeWork',
        name: text.title,
        abstract: text.summary || undefined,
        inLanguage: text.locale,
        url,
        creativeWorkStatus: idea.stage,
        datePublished: idea.published_at?.toISOString(),
        dateModified: idea.updated_at.toISOString(),
        keywords: [...idea.themes, ...idea.topics].join(', ') || undefined,
        spatialCoverage: {
          '@type': 'Place',
          address: { '@type': 'PostalAddress', addressLocality: idea.city_name, addressCountry: idea.country_code },
        },
        isBasedOn: idea.events.length
          ? idea.events.map((e) => ({ '@type': 'Event', url: `${baseUrl}/${i18n.locale}/events/${e.slug}` }))
          : undefined,
        publisher: { '@type': 'Organization', name: i18n.t('common.siteName'), url: `${baseUrl}/${i18n.locale}/` },
      }}
    />
  );
}
