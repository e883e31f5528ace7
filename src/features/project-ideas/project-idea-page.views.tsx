import { PlaceWithCity } from '../../core/cities/index.ts';
import { DocumentList } from '../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { dayInZone } from '../../platform/lib/time-zones.ts';
import { FallbackNote, InLanguage } from '../../platform/ui/components/content.tsx';
import { ExpertCard } from '../experts/index.ts';
import type { LoadedProjectIdea } from './project-ideas.service.ts';
import type { ProjectStage } from './project-ideas.table.ts';
import { StagePath } from './project-ideas.views.tsx';

// One project idea: where it stands on the path to funding, the city's challenge and the project,
// who supports it, the workshops it went through, its documents and the record of its stages.

const euro = new Map<string, Intl.NumberFormat>();
export function formatEuros(locale: string, amount: number): string {
  let format = euro.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    euro.set(locale, format);
  }
  return format.format(amount);
}

function Prose({ text }: { text: string }) {
  return (
    <div class="prose">
      {text.split(/\n{2,}/).map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
}

export type ProjectIdeaPageProps = LoadedProjectIdea & {
  i18n: I18n;
  themeLabels: Map<string, string>;
  topicLabels: Map<string, string>;
  isEditor: boolean;
  signedIn: boolean;
};

export function ProjectIdeaPage(props: ProjectIdeaPageProps) {
  const { i18n, idea, text } = props;
  const { t, locale } = i18n;
  const reached = new Map<ProjectStage, string>();
  for (const s of idea.stages) reached.set(s.stage, s.reached_on);
  const city = { slug: idea.city_slug, country_code: idea.city_country, name: idea.city_name, names: idea.city_names };
  const sections = [
    ['challenge', t('projectIdeas.challenge'), text.challenge],
    ['approach', t('projectIdeas.approach'), text.approach],
    ['next-steps', t('projectIdeas.nextSteps'), text.next_steps],
  ] as const;
  return (
    <article class="project-idea">
      <p class="kicker">
        <a href={`/${locale}/project-ideas`}>{t('projectIdeas.title')}</a> · {t(`projectIdeas.stage.${idea.stage}`)}
        {idea.status === 'draft' ? ` · ${t('projectIdeas.draft')}` : ''}
      </p>
      <InLanguage i18n={i18n} contentLocale={text.locale}>
        <h1>{text.title}</h1>
        {text.summary ? <p class="lead">{text.summary}</p> : null}
      </InLanguage>
      <FallbackNote i18n={i18n} contentLocale={text.locale} />
      {props.isEditor ? (
        <p>
          <a href={`/${locale}/editor/project-ideas/${idea.slug}`}>{t('projectIdeas.editor.manage')}</a>
        </p>
      ) : null}
      <StagePath i18n={i18n} stage={idea.stage} reached={reached} />
      <dl class="facts">
        <dt>{t('projectIdeas.projectCity')}</dt>
        <dd>
          <PlaceWithCity i18n={i18n} city={city} countryCode={idea.country_code} />
        </dd>
        {idea.themes.length ? (
          <>
            <dt>{t('projectIdeas.themes')}</dt>
            <dd>{idea.themes.map((s) => props.themeLabels.get(s) ?? s).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {idea.topics.length ? (
          <>
            <dt>{t('projectIdeas.topics')}</dt>
            <dd>{idea.topics.map((s) => props.topicLabels.get(s) ?? s).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {idea.budget_eur !== null ? (
          <>
            <dt>{t('projectIdeas.budget')}</dt>
            <dd>{formatEuros(locale, idea.budget_eur)}</dd>
          </>
        ) : null}
        {idea.call ? (
          <>
            <dt>{t('projectIdeas.call')}</dt>
            <dd>
              <a href={`/${locale}/calls/${idea.call.slug}`} dir="auto">
                {i18n.label(idea.call.titles)}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {sections.map(([id, heading, body]) =>
        body ? (
          <section aria-labelledby={`section-${id}`}>
            <h2 id={`section-${id}`}>{heading}</h2>
            <InLanguage i18n={i18n} contentLocale={text.locale}>
              <Prose text={body} />
            </InLanguage>
          </section>
        ) : null,
      )}
      <SupportingExperts {...props} />
      {idea.events.length ? (
        <section aria-labelledby="section-workshops">
          <h2 id="section-workshops">{t('projectIdeas.workshops')}</h2>
          <ul>
            {idea.events.map((e) => (
              <li>
                <a href={`/${locale}/events/${e.slug}`} dir="auto">
                  {i18n.label(e.titles)}
                </a>{' '}
                <span class="meta">
                  ({t(`events.kind.${e.kind}`)}, {i18n.formatMonth(dayInZone(new Date(e.starts_at), e.time_zone))})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DocumentList i18n={i18n} heading={t('projectIdeas.documents')} documents={idea.documents} />
      {idea.stages.length ? (
        <section aria-labelledby="section-path">
          <h2 id="section-path">{t('projectIdeas.path')}</h2>
          <ol class="history">
            {idea.stages.map((s) => (
              <li>
                <time datetime={s.reached_on}>{i18n.formatDate(s.reached_on)}</time> · {t(`projectIdeas.stage.${s.stage}`)}
                {s.note ? (
                  <>
                    : <bdi>{s.note}</bdi>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

function SupportingExperts(props: ProjectIdeaPageProps) {
  const { i18n, experts, hiddenExperts } = props;
  const { t, locale } = i18n;
  if (!experts.length && !hiddenExperts) return null;
  return (
    <section aria-labelledby="section-experts">
      <h2 id="section-experts">{t('projectIdeas.supportingExperts')}</h2>
      {experts.length ? (
        <ul class="cards">
          {experts.map((e) => (
            <li class="card">
              <ExpertCard i18n={i18n} hit={e.hit} />
              {e.contribution ? (
                <p>
                  <strong>{t('projectIdeas.contribution')}</strong> <bdi>{e.contribution}</bdi>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {hiddenExperts ? (
        <p class="hint">
          {t('projectIdeas.moreExperts', { count: hiddenExperts })}{' '}
          {props.signedIn ? null : (
            <a href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/project-ideas/${props.idea.slug}`)}`}>
              {t('projectIdeas.signInForMore')}
            </a>
          )}
        </p>
      ) : null}
    </section>
  );
}
