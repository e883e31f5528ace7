import type { I18n } from '../../i18n/i18n.ts';
import { CsrfField, TextArea } from '../../web/forms.tsx';
import type { ThemeWithTopics } from '../taxonomy/taxonomy.service.ts';
import { type MatchInput, type MatchResult, reasonText } from './expert-matching.service.ts';
import { AVAILABILITY } from './experts.table.ts';

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
};

function Choice({ name, value, label, checked }: { name: string; value: string; label: string; checked: boolean }) {
  const id = `field-${name}-${value}`;
  return (
    <div class="field checkbox">
      <input type="checkbox" id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** The matching page: a challenge in free text, optional conditions, and the ranked experts with reasons. */
export function MatchPage(props: MatchPageProps) {
  const { i18n, input, result } = props;
  const { t, locale } = i18n;
  const topicLabel = new Map(props.themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
  const label = { topic: (slug: string) => topicLabel.get(slug) ?? slug };
  return (
    <>
      <h1>{t('experts.match.title')}</h1>
      <p class="lead">{t('experts.match.intro')}</p>
      <form method="post" action={`/${locale}/experts/match`} class="form practice-editor" novalidate>
        {props.error ? (
          <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="match-error">
            <h2 id="match-error">{t(props.error)}</h2>
          </div>
        ) : null}
        <CsrfField token={props.csrfToken} />
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
          {props.themes.map((theme) => (
            <fieldset class="choices">
              <legend>{theme.label}</legend>
              {theme.topics.map((topic) => (
                <Choice name="topics" value={topic.slug} label={topic.label} checked={input.topics.includes(topic.slug)} />
              ))}
            </fieldset>
          ))}
          <fieldset class="choices">
            <legend>{t('experts.match.languages')}</legend>
            {COMMON_LANGUAGES.map((code) => (
              <Choice name="languages" value={code} label={i18n.languageName(code)} checked={input.languages.includes(code)} />
            ))}
          </fieldset>
          <div class="field">
            <label for="field-region">{t('experts.match.region')}</label>
            <select id="field-region" name="region">
              <option value="">{t('experts.match.anyRegion')}</option>
              {props.regions.map((r) => (
                <option value={r} selected={input.region === r}>
                  {t(`common.regions.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="choices">
            <legend>{t('experts.match.availability')}</legend>
            {AVAILABILITY.map((a) => (
              <Choice name="availability" value={a} label={t(`experts.availability.${a}`)} checked={input.availability.includes(a)} />
            ))}
          </fieldset>
        </details>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('experts.match.submit')}
          </button>
        </div>
      </form>
      {result ? (
        <section aria-labelledby="match-results" class="results">
          <h2 id="match-results" role="status">
            {t('experts.match.results', { count: result.items.length })}
          </h2>
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
                </li>
              ))}
            </ol>
          )}
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
      ) : null}
    </>
  );
}
