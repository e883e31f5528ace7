import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage, placeLabel } from '../../../platform/ui/components/content.tsx';
import { Facet } from '../../../platform/ui/components/search.tsx';
import { SearchPage } from '../../../platform/ui/components/search-page.tsx';
import { type ExpertFacetName, FACETS } from '../directory-index/expert-index.model.ts';
import { type ExpertSearchParams, expertQueryString } from './expert-search.forms.ts';
import type { ExpertHit, ExpertSearchResult } from './expert-search.service.ts';

function listHref(locale: string, params: ExpertSearchParams, page: number): string {
  const qs = expertQueryString(params, page);
  return `/${locale}/experts${qs ? `?${qs}` : ''}`;
}

/** One expert in a list: name (linking to the profile), headline, role and place, languages. */
export function ExpertCard({ i18n, hit, heading = 'h3' }: { i18n: I18n; hit: ExpertHit; heading?: 'h3' | 'h4' }) {
  const { t, locale } = i18n;
  const Heading = heading;
  return (
    <>
      <Heading>
        <a href={`/${locale}/experts/${hit.slug}`} dir="auto">
          {hit.name}
        </a>
      </Heading>
      {hit.headline && hit.contentLocale ? (
        <InLanguage i18n={i18n} contentLocale={hit.contentLocale}>
          <p>{hit.headline}</p>
        </InLanguage>
      ) : null}
      <p class="meta">
        {[[hit.position, hit.organisation].filter(Boolean).join(', '), placeLabel(i18n, hit.city, hit.countryCode)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {hit.languages.length ? (
        <p class="meta">
          {t('experts.speaks', {
            languages: hit.languages.map((l) => i18n.languageName(l.code)).join(t('common.listSeparator')),
          })}
        </p>
      ) : null}
      {hit.contentLocale ? <FallbackNote i18n={i18n} contentLocale={hit.contentLocale} /> : null}
    </>
  );
}

export type ExpertSearchPageProps = {
  i18n: I18n;
  params: ExpertSearchParams;
  /** The query parameters that were not understood (named on the page). */
  ignored: string[];
  result: ExpertSearchResult;
  themes: ThemeWithTopics[];
  /** What the reader's role lets them see, said on the page so nobody wonders where the others are. */
  scope: 'public' | 'members' | 'all';
};

/** The directory: search, facets and results in one GET form (shareable URLs, no JavaScript). */
export function ExpertSearchPage({ i18n, params, ignored, result, themes, scope }: ExpertSearchPageProps) {
  const { t, locale } = i18n;
  const themeLabel = new Map(themes.map((th) => [th.slug, th.label]));
  const topicLabel = new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
  const options = (facet: ExpertFacetName, label: (v: string) => string) =>
    result.facets[facet].map((f) => ({ value: f.value, count: f.count, label: label(f.value) }));
  const applied = FACETS.reduce((sum, facet) => sum + params[facet].length, 0);
  // In the order of FACETS: each with its legend and how its values read.
  const facets: Array<[ExpertFacetName, string, (v: string) => string]> = [
    ['theme', t('practices.facetTheme'), (v) => themeLabel.get(v) ?? v],
    ['topic', t('practices.facetTopic'), (v) => topicLabel.get(v) ?? v],
    ['language', t('experts.facetLanguage'), (v) => i18n.languageName(v)],
    ['region', t('experts.facetRegion'), (v) => t(`common.regions.${v}`)],
    ['country', t('experts.facetCountry'), (v) => i18n.countryName(v)],
    ['availability', t('experts.facetAvailability'), (v) => t(`experts.availability.${v}`)],
  ];
  return (
    <SearchPage
      i18n={i18n}
      title={t('experts.title')}
      lead={t('experts.intro')}
      intro={
        <p>
          {t(`experts.scope.${scope}`)} <a href={`/${locale}/my/expert-profile`}>{t('experts.joinDirectory')}</a>
        </p>
      }
      ignored={ignored}
      action={`/${locale}/experts`}
      layout="facets"
      search={{
        prefix: 'expert',
        label: t('experts.searchLabel'),
        q: params.q,
        sort: { value: params.sort, others: [['name', t('experts.sortName')]] },
      }}
      filters={facets.map(([name, legend, label]) => (
        <Facet i18n={i18n} name={name} legend={legend} options={options(name, label)} selected={params[name]} />
      ))}
      applied={applied}
      clearHref={applied > 0 || params.q ? `/${locale}/experts` : false}
      results={{
        result,
        count: t('experts.resultCount', { count: result.total }),
        empty: t('experts.noResults'),
        emptyAction: params.q ? <MatchOffer i18n={i18n} challenge={params.q} /> : undefined,
        card: (hit) => <ExpertCard i18n={i18n} hit={hit} />,
        ranked: true,
        href: (page) => listHref(locale, params, page),
      }}
    />
  );
}

/**
 * When words find no profile, they are often a challenge described in a sentence: the matching reads
 * it for topics and suggests peers even when no profile uses the same words. A link, not a form: the
 * results stand inside the directory's own form.
 */
function MatchOffer({ i18n, challenge }: { i18n: I18n; challenge: string }) {
  const { t, locale } = i18n;
  return (
    <p class="match-offer">
      {t('experts.matchOffer')} <a href={`/${locale}/experts/match?${new URLSearchParams({ challenge })}`}>{t('experts.matchOfferLink')}</a>
    </p>
  );
}
