import { cityName } from '../../core/cities/cities.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage, placeLabel } from '../../platform/ui/components/content.tsx';
import { Facet, FilterSelect, Pager } from '../../platform/ui/components/search.tsx';
import type { ProjectIdeaParams } from './project-ideas.forms.ts';
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
  result: ProjectIdeaSearchResult;
  themes: Array<{ slug: string; label: string }>;
  regions: string[];
};

export function ProjectIdeasPage({ i18n, params, result, themes, regions }: ProjectIdeasPageProps) {
  const { t, locale } = i18n;
  const themeLabel = new Map(themes.map((th) => [th.slug, th.label]));
  const filtered = params.q || params.stage.length || params.theme.length || params.region.length;
  return (
    <>
      <h1>{t('projectIdeas.title')}</h1>
      <p class="lead">{t('projectIdeas.intro')}</p>
      <form method="get" action={`/${locale}/project-ideas`} class="search-layout">
        <div class="filters">
          <div class="field">
            <label for="project-q">{t('projectIdeas.search')}</label>
            <input id="project-q" type="search" name="q" value={params.q} maxlength={200} />
          </div>
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
          <button type="submit" class="button secondary">
            {t('practices.applyFilters')}
          </button>
          {filtered ? (
            <p>
              <a href={`/${locale}/project-ideas`}>{t('practices.clearFilters')}</a>
            </p>
          ) : null}
        </div>
        <section class="results" aria-labelledby="results-title">
          <h2 id="results-title" role="status">
            {t('projectIdeas.resultCount', { count: result.total })}
          </h2>
          {result.items.length === 0 ? <p class="empty">{t('projectIdeas.none')}</p> : null}
          <ul class="cards">
            {result.items.map((p) => (
              <li class="card">
                <p class="kicker">
                  {t(`projectIdeas.stage.${p.stage}`)} ·{' '}
                  {placeLabel(i18n, cityName({ name: p.city_name, names: p.city_names ?? {} }, locale), p.country_code)}
                </p>
                <InLanguage i18n={i18n} contentLocale={p.content_locale}>
                  <h3>
                    <a href={`/${locale}/project-ideas/${p.slug}`}>{p.title}</a>
                  </h3>
                  <p>{p.summary}</p>
                </InLanguage>
                <p class="meta">
                  {[
                    p.themes.map((s) => themeLabel.get(s) ?? s).join(t('common.listSeparator')),
                    p.experts ? t('projectIdeas.expertCount', { count: p.experts }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <FallbackNote i18n={i18n} contentLocale={p.content_locale} />
              </li>
            ))}
          </ul>
          <Pager
            page={result.page}
            pages={result.pages}
            href={(page) => {
              const qs = projectIdeaQueryString(params, page);
              return `/${locale}/project-ideas${qs ? `?${qs}` : ''}`;
            }}
            labels={{
              nav: t('practices.pagination'),
              previous: t('practices.previous'),
              next: t('practices.next'),
              pageOf: t('practices.pageOf', { page: result.page, pages: result.pages }),
            }}
          />
        </section>
      </form>
    </>
  );
}
