import { cityName } from '../../core/cities/cities.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage, placeLabel } from '../../platform/ui/components/content.tsx';
import { Facet, FilterSelect } from '../../platform/ui/components/search.tsx';
import { SearchPage } from '../../platform/ui/components/search-page.tsx';
import type { ProjectIdeaParams } from './project-ideas.forms.ts';
import type { ProjectIdeaListRow } from './project-ideas.queries.ts';
import type { ProjectIdeaSearchResult } from './project-ideas.service.ts';
import { PROJECT_STAGES, type ProjectStage } from './project-ideas.table.ts';

// The list of project ideas: a GET form (words, stage with counts, theme, region) and the ideas as
// cards, all without JavaScript; the URL is shareable.

export function projectIdeaQueryString(params: ProjectIdeaParams, page = 1): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const s of params.stage) query.append('stage', s);
  for (const s of params.theme) query.append('theme', s);
  for (const s of params.region) query.append('region', s);
  if (page > 1) query.set('page', String(page));
  return query.toString();
}

/** The four stages as a path, the current one marked (a list, so screen readers count the steps). */
export function StagePath({ i18n, stage, reached }: { i18n: I18n; stage: ProjectStage; reached?: Map<ProjectStage, string> }) {
  const { t } = i18n;
  const current = PROJECT_STAGES.indexOf(stage);
  return (
    <ol class="stage-path" aria-label={t('projectIdeas.stageLabel')}>
      {PROJECT_STAGES.map((s, i) => (
        <li class={i < current ? 'done' : i === current ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
          <span>{t(`projectIdeas.stage.${s}`)}</span>
          {reached?.get(s) ? <span class="meta"> {i18n.formatDate(reached.get(s) as string, 'medium')}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export type ProjectIdeasPageProps = {
  i18n: I18n;
  params: ProjectIdeaParams;
  /** The query parameters that were not understood (named on the page). */
  ignored: string[];
  result: ProjectIdeaSearchResult;
  themes: Array<{ slug: string; label: string }>;
  regions: string[];
};

export function ProjectIdeasPage({ i18n, params, ignored, result, themes, regions }: ProjectIdeasPageProps) {
  const { t, locale } = i18n;
  const themeLabel = new Map(themes.map((th) => [th.slug, th.label]));
  const applied = params.stage.length + params.theme.length + params.region.length;
  return (
    <SearchPage
      i18n={i18n}
      title={t('projectIdeas.title')}
      lead={t('projectIdeas.intro')}
      ignored={ignored}
      action={`/${locale}/project-ideas`}
      layout="facets"
      search={{ prefix: 'project', label: t('projectIdeas.search'), q: params.q }}
      applied={applied}
      filters={
        <>
          <Facet
            i18n={i18n}
            name="stage"
            legend={t('projectIdeas.stageLabel')}
            options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`projectIdeas.stage.${s}`), count: result.stageCounts[s] }))}
            selected={params.stage}
          />
          <FilterSelect
            name="theme"
            label={t('projectIdeas.theme')}
            any={t('projectIdeas.anyTheme')}
            selected={params.theme[0] ?? ''}
            options={themes.map((th) => ({ value: th.slug, label: th.label }))}
          />
          <FilterSelect
            name="region"
            label={t('projectIdeas.region')}
            any={t('projectIdeas.anyRegion')}
            selected={params.region[0] ?? ''}
            options={regions.map((r) => ({ value: r, label: t(`common.regions.${r}`) }))}
          />
        </>
      }
      clearHref={applied > 0 || params.q ? `/${locale}/project-ideas` : false}
      results={{
        result,
        count: t('projectIdeas.resultCount', { count: result.total }),
        empty: t('projectIdeas.none'),
        card: (idea) => <ProjectIdeaCard i18n={i18n} idea={idea} themeLabel={themeLabel} />,
        href: (page) => {
          const qs = projectIdeaQueryString(params, page);
          return `/${locale}/project-ideas${qs ? `?${qs}` : ''}`;
        },
      }}
    />
  );
}

/** One idea in the list: stage and place, title and summary, its themes and how many experts support it. */
function ProjectIdeaCard({ i18n, idea, themeLabel }: { i18n: I18n; idea: ProjectIdeaListRow; themeLabel: Map<string, string> }) {
  const { t, locale } = i18n;
  return (
    <>
      <p class="kicker">
        {t(`projectIdeas.stage.${idea.stage}`)} ·{' '}
        {placeLabel(i18n, cityName({ name: idea.city_name, names: idea.city_names ?? {} }, locale), idea.country_code)}
      </p>
      <InLanguage i18n={i18n} contentLocale={idea.content_locale}>
        <h3>
          <a href={`/${locale}/project-ideas/${idea.slug}`}>{idea.title}</a>
        </h3>
        <p>{idea.summary}</p>
      </InLanguage>
      <p class="meta">
        {[
          idea.themes.map((s) => themeLabel.get(s) ?? s).join(t('common.listSeparator')),
          idea.experts ? t('projectIdeas.expertCount', { count: idea.experts }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <FallbackNote i18n={i18n} contentLocale={idea.content_locale} />
    </>
  );
}
