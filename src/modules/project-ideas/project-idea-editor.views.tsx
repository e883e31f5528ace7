import type { I18n } from '../../i18n/i18n.ts';
import { directionOf, LOCALES, type Locale } from '../../i18n/locales.ts';
import { placeLabel } from '../../web/components/content.tsx';
import { EditorialNav } from '../../web/components/editorial-nav.tsx';
import {
  CheckboxGroup,
  CountrySelect,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../web/forms.tsx';
import { cityName } from '../cities/cities.service.ts';
import type { ThemeWithTopics } from '../taxonomy/taxonomy.service.ts';
import { DocumentsPanel } from '../uploads/uploads.views.tsx';
import type { ProjectIdeaListRow, ProjectIdeaRecord } from './project-ideas.queries.ts';
import { StagePath } from './project-ideas.views.tsx';

// Editors' pages for project ideas: the list, the idea's form (one language per save) and the page
// that keeps its stage, supporting experts, workshops and documents.

export function EditorProjectIdeasPage({ i18n, rows, notice }: { i18n: I18n; rows: ProjectIdeaListRow[]; notice?: string }) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorialNav i18n={i18n} current="project-ideas" />
      <h1>{t('projectIdeas.editor.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        <a class="button" href={`/${locale}/editor/project-ideas/new`}>
          {t('projectIdeas.editor.new')}
        </a>
      </p>
      {rows.length === 0 ? <p class="empty">{t('projectIdeas.none')}</p> : null}
      {rows.length ? (
        <table class="table">
          <caption class="visually-hidden">{t('projectIdeas.editor.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projectIdeas.editor.idea')}</th>
              <th scope="col">{t('projectIdeas.projectCity')}</th>
              <th scope="col">{t('projectIdeas.stageLabel')}</th>
              <th scope="col">{t('projectIdeas.editor.statusLabel')}</th>
              <th scope="col">{t('projectIdeas.supportingExperts')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/${locale}/editor/project-ideas/${r.slug}`} dir="auto">
                    {r.title}
                  </a>
                </td>
                <td>{placeLabel(i18n, cityName({ name: r.city_name, names: r.city_names ?? {} }, locale), r.country_code)}</td>
                <td>{t(`projectIdeas.stage.${r.stage}`)}</td>
                <td>{t(`projectIdeas.editor.status.${r.status}`)}</td>
                <td>{i18n.formatNumber(r.experts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export type ProjectIdeaFormProps = {
  i18n: I18n;
  idea: { slug: string; texts: Array<{ locale: string }> } | null;
  lang: Locale;
  values: Record<string, string>;
  themes: string[];
  topics: string[];
  errors: FormErrors;
  taxonomy: ThemeWithTopics[];
  countries: Array<{ code: string; name: string }>;
  calls: Array<{ id: number; title: string }>;
  csrfToken: string;
};

export function ProjectIdeaFormPage(props: ProjectIdeaFormProps) {
  const { i18n, values, errors, lang } = props;
  const { t, locale } = i18n;
  const v = (k: string) => values[k] ?? '';
  const textDir = directionOf(lang);
  const labels: Record<string, string> = {
    title: t('projectIdeas.editor.titleLabel'),
    summary: t('projectIdeas.editor.summary'),
    challenge: t('projectIdeas.challenge'),
    approach: t('projectIdeas.approach'),
    nextSteps: t('projectIdeas.nextSteps'),
    city: t('projectIdeas.projectCity'),
    country: t('projectIdeas.editor.country'),
    themes: t('projectIdeas.themes'),
    topics: t('projectIdeas.topics'),
    budget: t('projectIdeas.budget'),
    form: t('projectIdeas.editor.idea'),
  };
  const base = props.idea ? `/${locale}/editor/project-ideas/${props.idea.slug}` : `/${locale}/editor/project-ideas`;
  const action = props.idea ? `${base}/edit?lang=${lang}` : `${base}/new?lang=${lang}`;
  const written = new Set(props.idea?.texts.map((x) => x.locale) ?? []);
  return (
    <>
      <p class="kicker">
        <a href={`/${locale}/editor/project-ideas`}>{t('projectIdeas.editor.title')}</a>
      </p>
      <h1>{props.idea ? t('projectIdeas.editor.editTitle') : t('projectIdeas.editor.new')}</h1>
      {props.idea ? (
        <nav class="sub-nav" aria-label={t('projectIdeas.editor.language')}>
          <ul>
            {LOCALES.map((l) => (
              <li>
                <a href={`${base}/edit?lang=${l}`} aria-current={l === lang ? 'page' : undefined}>
                  {i18n.languageName(l)}
                  {written.has(l) ? '' : ` (${t('projectIdeas.editor.notWritten')})`}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <form method="post" action={action} novalidate class="practice-editor">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <fieldset>
          <legend>{t('projectIdeas.editor.texts', { language: i18n.languageName(lang) })}</legend>
          <TextField
            i18n={i18n}
            name="title"
            label={labels.title as string}
            value={v('title')}
            error={errors.title}
            required
            maxlength={300}
            dir={textDir}
            lang={lang}
          />
          {(['summary', 'challenge', 'approach', 'nextSteps'] as const).map((name) => (
            <TextArea
              i18n={i18n}
              name={name}
              label={labels[name] as string}
              hint={name === 'summary' ? t('projectIdeas.editor.publishHint') : undefined}
              value={v(name)}
              error={errors[name]}
              maxlength={name === 'summary' ? 2000 : 10000}
              rows={name === 'summary' ? 3 : 6}
              dir={textDir}
              lang={lang}
            />
          ))}
        </fieldset>
        <TextField
          i18n={i18n}
          name="city"
          label={labels.city as string}
          value={v('city')}
          error={errors.city}
          required
          maxlength={200}
          dir="auto"
        />
        <CountrySelect
          i18n={i18n}
          label={labels.country as string}
          placeholder={t('events.registration.chooseCountry')}
          countries={props.countries}
          value={v('country')}
          error={errors.country}
        />
        <CheckboxGroup
          i18n={i18n}
          name="themes"
          legend={labels.themes as string}
          options={props.taxonomy.map((th) => [th.slug, th.label])}
          selected={props.themes}
          error={errors.themes}
        />
        <CheckboxGroup
          i18n={i18n}
          name="topics"
          legend={labels.topics as string}
          options={props.taxonomy.flatMap((th) => th.topics.map((tp): [string, string] => [tp.slug, `${tp.label} (${th.label})`]))}
          selected={props.topics}
          error={errors.topics}
        />
        <TextField
          i18n={i18n}
          name="budget"
          label={labels.budget as string}
          hint={t('projectIdeas.editor.budgetHint')}
          value={v('budget')}
          error={errors.budget}
          maxlength={16}
          dir="ltr"
        />
        <SelectField
          i18n={i18n}
          name="callId"
          label={t('projectIdeas.call')}
          value={v('callId')}
          empty={t('projectIdeas.editor.noCall')}
          options={props.calls.map((c) => [String(c.id), c.title])}
        />
        <SelectField
          i18n={i18n}
          name="status"
          label={t('projectIdeas.editor.statusLabel')}
          value={v('status') || 'draft'}
          options={(['draft', 'published'] as const).map((s) => [s, t(`projectIdeas.editor.status.${s}`)])}
        />
        <button type="submit" class="button">
          {t('projectIdeas.editor.save')}
        </button>
      </form>
    </>
  );
}

export type SideForm = { values: Record<string, string>; errors: FormErrors };

export type ManagePageProps = {
  i18n: I18n;
  idea: ProjectIdeaRecord;
  title: string;
  experts: Array<{ id: number; slug: string; name: string; contribution: string }>;
  workshops: Array<{ id: number; title: string; starts_at: Date }>;
  offers: Array<{ expert_id: number; expert_slug: string; name: string; proposal: string }>;
  csrfToken: string;
  notice?: string;
  stageForm?: SideForm;
  expertForm?: SideForm;
  documentError?: { message: string; title: string };
};

export function ManageProjectIdeaPage(props: ManagePageProps) {
  const { i18n, idea } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/project-ideas/${idea.slug}`;
  const linked = new Set(idea.events.map((e) => e.id));
  const supporting = new Set(props.experts.map((e) => e.id));
  const offers = props.offers.filter((o) => !supporting.has(o.expert_id));
  const stage = props.stageForm ?? { values: { stage: idea.stage, reachedOn: new Date().toISOString().slice(0, 10) }, errors: {} };
  const expert = props.expertForm ?? { values: {}, errors: {} };
  return (
    <>
      <p class="kicker">
        <a href={`/${locale}/editor/project-ideas`}>{t('projectIdeas.editor.title')}</a> · {t(`projectIdeas.editor.status.${idea.status}`)}
      </p>
      <h1 dir="auto">{props.title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        <a class="button secondary" href={`${base}/edit`}>
          {t('projectIdeas.editor.editTitle')}
        </a>{' '}
        <a href={`/${locale}/project-ideas/${idea.slug}`}>{t('projectIdeas.editor.publicPage')}</a>
      </p>
      <StagePath i18n={i18n} stage={idea.stage} />

      <section class="panel" aria-labelledby="manage-stage">
        <h2 id="manage-stage">{t('projectIdeas.editor.recordStage')}</h2>
        <form method="post" action={`${base}/stage`} novalidate>
          <CsrfField token={props.csrfToken} />
          <ErrorSummary
            i18n={i18n}
            errors={stage.errors}
            labels={{
              stage: t('projectIdeas.stageLabel'),
              reachedOn: t('projectIdeas.editor.reachedOn'),
              note: t('projectIdeas.editor.note'),
            }}
          />
          <SelectField
            i18n={i18n}
            name="stage"
            label={t('projectIdeas.stageLabel')}
            value={stage.values.stage ?? ''}
            error={stage.errors.stage}
            options={(['idea', 'validated', 'in-planning', 'ready-for-funding'] as const).map((s) => [s, t(`projectIdeas.stage.${s}`)])}
          />
          <div class={stage.errors.reachedOn ? 'field has-error' : 'field'}>
            <label for="field-reachedOn">{t('projectIdeas.editor.reachedOn')}</label>
            {stage.errors.reachedOn ? (
              <p class="field-error" id="field-reachedOn-error">
                {t(`forms.errors.${stage.errors.reachedOn}`)}
              </p>
            ) : null}
            <input
              type="date"
              id="field-reachedOn"
              name="reachedOn"
              value={stage.values.reachedOn ?? ''}
              required
              aria-describedby={stage.errors.reachedOn ? 'field-reachedOn-error' : undefined}
            />
          </div>
          <TextArea
            i18n={i18n}
            name="note"
            label={t('projectIdeas.editor.note')}
            value={stage.values.note ?? ''}
            error={stage.errors.note}
            maxlength={2000}
            rows={2}
            dir="auto"
          />
          <button type="submit" class="button secondary">
            {t('projectIdeas.editor.saveStage')}
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="manage-experts">
        <h2 id="manage-experts">{t('projectIdeas.supportingExperts')}</h2>
        {props.experts.length ? (
          <ul>
            {props.experts.map((e) => (
              <li>
                <a href={`/${locale}/experts/${e.slug}`} dir="auto">
                  {e.name}
                </a>
                {e.contribution ? <span dir="auto"> — {e.contribution}</span> : null}
                <form method="post" action={`${base}/experts/remove`} class="inline-form">
                  <CsrfField token={props.csrfToken} />
                  <input type="hidden" name="expertId" value={String(e.id)} />
                  <button type="submit" class="link-button">
                    {t('projectIdeas.editor.remove', { name: e.name })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('projectIdeas.editor.noExperts')}</p>
        )}
        {offers.length ? (
          <>
            <h3>{t('projectIdeas.editor.offers')}</h3>
            <ul>
              {offers.map((o) => (
                <li>
                  <span dir="auto">
                    <strong>{o.name}</strong>: {o.proposal.slice(0, 300)}
                  </span>
                  <form method="post" action={`${base}/experts`} class="inline-form">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="expert" value={o.expert_slug} />
                    <input type="hidden" name="contribution" value={o.proposal.replace(/\s+/g, ' ').slice(0, 500)} />
                    <button type="submit" class="link-button">
                      {t('projectIdeas.editor.addOffer', { name: o.name })}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <form method="post" action={`${base}/experts`} novalidate>
          <CsrfField token={props.csrfToken} />
          <ErrorSummary
            i18n={i18n}
            errors={expert.errors}
            labels={{ expert: t('projectIdeas.editor.expert'), contribution: t('projectIdeas.contribution') }}
          />
          <TextField
            i18n={i18n}
            name="expert"
            label={t('projectIdeas.editor.expert')}
            hint={t('projectIdeas.editor.expertHint')}
            value={expert.values.expert ?? ''}
            error={expert.errors.expert}
            required
            maxlength={500}
            dir="ltr"
          />
          <TextField
            i18n={i18n}
            name="contribution"
            label={t('projectIdeas.contribution')}
            value={expert.values.contribution ?? ''}
            error={expert.errors.contribution}
            maxlength={500}
            dir="auto"
          />
          <button type="submit" class="button secondary">
            {t('projectIdeas.editor.addExpert')}
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="manage-workshops">
        <h2 id="manage-workshops">{t('projectIdeas.workshops')}</h2>
        {idea.events.length ? (
          <ul>
            {idea.events.map((e) => (
              <li>
                <span dir="auto">{i18n.label(e.titles)}</span>
                <form method="post" action={`${base}/workshops/remove`} class="inline-form">
                  <CsrfField token={props.csrfToken} />
                  <input type="hidden" name="eventId" value={String(e.id)} />
                  <button type="submit" class="link-button">
                    {t('projectIdeas.editor.remove', { name: i18n.label(e.titles) })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('projectIdeas.editor.noWorkshops')}</p>
        )}
        <form method="post" action={`${base}/workshops/add`}>
          <CsrfField token={props.csrfToken} />
          <SelectField
            i18n={i18n}
            name="eventId"
            label={t('projectIdeas.editor.workshop')}
            value=""
            options={props.workshops
              .filter((w) => !linked.has(w.id))
              .map((w) => [String(w.id), `${w.title} (${i18n.formatMonth(w.starts_at.toISOString().slice(0, 10))})`])}
          />
          <button type="submit" class="button secondary">
            {t('projectIdeas.editor.addWorkshop')}
          </button>
        </form>
      </section>

      <DocumentsPanel
        i18n={i18n}
        heading={t('projectIdeas.documents')}
        documents={idea.documents}
        action={`${base}/documents`}
        csrfToken={props.csrfToken}
        error={props.documentError}
      />
    </>
  );
}
