import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CheckboxGroup, SelectField, ThemeTopicPicker } from '../../../platform/ui/choice-fields.tsx';
import { CsrfField, TextArea, TextField } from '../../../platform/ui/forms.tsx';
import { AVAILABILITY } from '../experts.table.ts';
import { ContactNoteForm, type EditorPart, SavedRequestHeader, SaveRequestForm } from '../requests/match-requests.views.tsx';
import type { MatchInput } from './expert-matching.forms.ts';
import { type MatchResult, reasonText } from './expert-matching.model.ts';

const COMMON_LANGUAGES = ['en', 'de', 'fr', 'es', 'ar', 'pt', 'ru', 'tr', 'sq', 'sr', 'ka', 'id'];

export type MatchPageProps = {
  i18n: I18n;
  csrfToken: string;
  themes: ThemeWithTopics[];
  regions: string[];
  input: MatchInput;
  result?: MatchResult;
  practices: Array<{ slug: string; title: string; content_locale: string }>;
  error?: string;
  /** Editors: on the public page, a form that saves the request; on a saved request, its title and notes. */
  editor?: EditorPart;
};

/** The matching page: a challenge in free text, optional conditions, and the ranked experts with reasons. */
export function MatchPage(props: MatchPageProps) {
  const { i18n, input, result } = props;
  const { t, locale } = i18n;
  const topicLabel = new Map(props.themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
  const themeLabel = new Map(props.themes.map((th) => [th.slug, th.label] as const));
  const label = { topic: (slug: string) => topicLabel.get(slug) ?? slug, theme: (slug: string) => themeLabel.get(slug) ?? slug };
  const saved = props.editor?.kind === 'saved' ? props.editor : undefined;
  return (
    <>
      <h1>{t('experts.match.title')}</h1>
      <p class="lead">{t('experts.match.intro')}</p>
      {props.editor?.kind === 'can-save' ? (
        <p>
          <a href={`/${locale}/editor/matches`}>{t('experts.requests.title')}</a>
        </p>
      ) : null}
      {saved ? <SavedRequestHeader i18n={i18n} saved={saved} /> : null}
      <form
        method="post"
        action={saved ? `/${locale}/editor/matches/${saved.id}` : `/${locale}/experts/match`}
        class="form practice-editor"
        novalidate
      >
        {props.error ? (
          <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="match-error">
            <h2 id="match-error">{t(props.error)}</h2>
          </div>
        ) : null}
        <CsrfField token={props.csrfToken} />
        {saved ? (
          <TextField
            i18n={i18n}
            name="title"
            label={t('experts.requests.titleLabel')}
            value={saved.title}
            maxlength={200}
            required
            dir="auto"
          />
        ) : null}
        <TextArea
          i18n={i18n}
          name="challenge"
          label={t('experts.match.challenge')}
          hint={t('experts.match.challengeHint')}
          value={input.challenge}
          rows={6}
          maxlength={5000}
          dir="auto"
        />
        <details
          open={input.topics.length + input.languages.length + input.availability.length > 0 || Boolean(input.region || input.country)}
        >
          <summary>{t('experts.match.refine')}</summary>
          <ThemeTopicPicker i18n={i18n} themes={props.themes} topic={{ name: 'topics', selected: input.topics }} />
          <CheckboxGroup
            i18n={i18n}
            name="languages"
            legend={t('experts.match.languages')}
            options={COMMON_LANGUAGES.map((code) => [code, i18n.languageName(code)])}
            selected={input.languages}
          />
          <SelectField
            i18n={i18n}
            name="region"
            label={t('experts.match.region')}
            value={input.region ?? ''}
            empty={t('experts.match.anyRegion')}
            options={props.regions.map((r) => [r, t(`common.regions.${r}`)])}
          />
          <CheckboxGroup
            i18n={i18n}
            name="availability"
            legend={t('experts.match.availability')}
            options={AVAILABILITY.map((a) => [a, t(`experts.availability.${a}`)])}
            selected={input.availability}
          />
        </details>
        <div class="form-actions">
          <button type="submit" class="button">
            {saved ? t('experts.requests.update') : t('experts.match.submit')}
          </button>
        </div>
      </form>
      {result ? <MatchResults {...props} result={result} label={label} saved={saved} /> : null}
    </>
  );
}

/** The ranked experts with their reasons, then (editors) saving or notes, and practices on the same topics. */
function MatchResults(
  props: MatchPageProps & {
    result: MatchResult;
    label: { topic: (slug: string) => string; theme: (slug: string) => string };
    saved: Extract<EditorPart, { kind: 'saved' }> | undefined;
  },
) {
  const { i18n, input, result, label, saved } = props;
  const { t, locale } = i18n;
  const contacted = new Map((saved?.contacts ?? []).map((c) => [c.expert_id, c]));
  return (
    <section aria-labelledby="match-results" class="results">
      {/* The count is announced from a live region of its own: role=status is not allowed on a heading. */}
      <div role="status" class="results-count">
        <h2 id="match-results">{t('experts.match.results', { count: result.items.length })}</h2>
      </div>
      <p class="hint">
        {t('experts.match.writtenIn', { language: i18n.languageName(result.language) })}
        {result.inferredTopics.length
          ? ` · ${t('experts.match.recognised', { topics: result.inferredTopics.map(label.topic).join(t('common.listSeparator')) })}`
          : ''}
      </p>
      <p class="hint">{t('experts.match.visibilityNote')}</p>
      {result.items.length === 0 ? (
        <p class="empty">{t('experts.match.noResults')}</p>
      ) : (
        <ol class="result-list">
          {result.items.map((m) => (
            <li class="card">
              <h3>
                <a href={`/${locale}/experts/${m.slug}`} dir="auto">
                  {m.name}
                </a>{' '}
                <span class="count">{t('experts.match.score', { score: m.score })}</span>
              </h3>
              <ul>
                {m.reasons.map((r) =>
                  r.kind === 'text' ? (
                    <li>
                      {t('experts.reasons.profile')}{' '}
                      <q lang={r.headlineLocale} dir="auto">
                        {r.headline}
                      </q>{' '}
                      {t('experts.reasons.mentions', { words: r.words.join(t('common.listSeparator')) })}
                    </li>
                  ) : (
                    <li>{reasonText(i18n, r, label)}</li>
                  ),
                )}
              </ul>
              {saved ? (
                <ContactNoteForm i18n={i18n} csrfToken={props.csrfToken} requestId={saved.id} expertId={m.id} note={contacted.get(m.id)} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {props.editor?.kind === 'can-save' && result.items.length ? (
        <SaveRequestForm i18n={i18n} csrfToken={props.csrfToken} input={input} />
      ) : null}
      {props.practices.length ? (
        <section aria-labelledby="match-practices">
          <h2 id="match-practices">{t('experts.match.relatedPractices')}</h2>
          <ul>
            {props.practices.map((p) => (
              <li>
                <a href={`/${locale}/practices/${p.slug}`} lang={p.content_locale} dir="auto">
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
