import type { I18n } from '../../../platform/i18n/i18n.ts';
import { directionOf, isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { SectionText } from '../page/practice-page.views.tsx';
import { PRACTICE_SECTIONS } from '../practices.table.ts';
import type { PracticeContent } from '../record/practice-content.model.ts';

/**
 * The text under review, in every language it is written in, on the editor's review page: a decision
 * is taken on the text, so the editor reads it there, next to the decision form, not only on the
 * preview. The reader's language opens first (else the first written); the others fold away.
 */
export function ReviewText({ i18n, content, preview }: { i18n: I18n; content: PracticeContent; preview: string }) {
  const { t, locale } = i18n;
  const languages = (Object.keys(content.translations) as Locale[]).filter(isLocale);
  const opened = languages.includes(locale) ? locale : languages[0];
  return (
    <section aria-labelledby="review-text-title" class="review-text">
      <h2 id="review-text-title">{t('practiceWorkflow.reviewText.title')}</h2>
      {languages.length === 0 ? <p>{t('practiceWorkflow.reviewText.none')}</p> : null}
      {languages.map((lang) => {
        const text = content.translations[lang];
        if (!text) return null;
        return (
          <details open={lang === opened}>
            <summary>{i18n.languageName(lang)}</summary>
            <div lang={lang} dir={directionOf(lang)}>
              <h3>{text.title || t('practiceWorkflow.untitled')}</h3>
              {text.summary ? <p class="lead">{text.summary}</p> : null}
              {PRACTICE_SECTIONS.filter((s) => text[s].trim()).map((s) => (
                <>
                  <h4 lang={locale} dir={i18n.dir}>
                    {t(`practices.sections.${s}`)}
                  </h4>
                  <SectionText text={text[s]} />
                </>
              ))}
            </div>
            <p>
              <a href={`${preview}?lang=${lang}`}>{t('practiceWorkflow.reviewText.preview')}</a>
            </p>
          </details>
        );
      })}
    </section>
  );
}
