import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { directionOf, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { CsrfField, ErrorSummary, type FormErrors } from '../../../platform/ui/forms.tsx';
import { PRACTICE_SECTIONS } from '../practices.table.ts';
import { type EditorValues, PeopleSections, RecordSection, TaxonomySections, TextsSection } from './practice-editor-sections.views.tsx';

export type { EditorValues };

export type PracticeEditorProps = {
  i18n: I18n;
  csrfToken: string;
  action: string;
  /** Title of the practice in the form's language, for the heading; empty for a new one. */
  heading: string;
  lang: Locale;
  values: EditorValues;
  errors: FormErrors;
  /** Languages that already have texts (the language buttons say so). */
  written: Locale[];
  themes: ThemeWithTopics[];
  countries: string[];
  cancelHref: string;
};

/** The buttons: save (first, so Enter saves), save and preview, remove this language, cancel. */
function FormActions({ i18n, lang, written, cancelHref }: Pick<PracticeEditorProps, 'i18n' | 'lang' | 'written' | 'cancelHref'>) {
  const { t } = i18n;
  return (
    <div class="form-actions">
      <button type="submit" name="intent" value="save" class="button">
        {t('practiceEditor.save')}
      </button>
      <button type="submit" name="intent" value="preview" class="button secondary">
        {t('practiceEditor.savePreview')}
      </button>
      {written.includes(lang) ? (
        <button type="submit" name="intent" value="remove-lang" class="button secondary">
          {t('practiceEditor.removeLanguage', { language: i18n.languageName(lang) })}
        </button>
      ) : null}
      <a href={cancelHref}>{t('practiceEditor.cancel')}</a>
    </div>
  );
}

/** One button per other language (saving first), saying whether it has texts yet. */
function LanguageTabs({ i18n, lang, written }: Pick<PracticeEditorProps, 'i18n' | 'lang' | 'written'>) {
  const { t } = i18n;
  return (
    <fieldset class="language-tabs">
      <legend>{t('practiceEditor.languagesLabel')}</legend>
      <p class="hint">{t('practiceEditor.switchHint')}</p>
      <ul>
        {LOCALES.map((l) => {
          const name = i18n.languageName(l);
          if (l === lang) {
            return (
              <li>
                <span aria-current="true">{t('practiceEditor.languageCurrent', { language: name })}</span>
              </li>
            );
          }
          const key = written.includes(l) ? 'languageHasText' : 'languageEmpty';
          return (
            <li>
              <button type="submit" name="intent" value={`lang:${l}`} class="button secondary small-button">
                {t(`practiceEditor.${key}`, { language: name })}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** The form a member writes a practice in: one language's texts at a time, plus the shared record. */
export function PracticeEditorPage(props: PracticeEditorProps) {
  const { i18n, values, errors, lang } = props;
  const { t } = i18n;
  const language = i18n.languageName(lang);
  const labels: Record<string, string> = {
    title: t('practiceEditor.title'),
    summary: t('practiceEditor.summary'),
    city: t('practiceEditor.city'),
    country: t('practiceEditor.country'),
    startYear: t('practiceEditor.startYear'),
    endYear: t('practiceEditor.endYear'),
    partners: t('practiceEditor.partners'),
    links: t('practiceEditor.links'),
    contactName: t('practiceEditor.contactName'),
    contactOrganisation: t('practiceEditor.contactOrganisation'),
    ...Object.fromEntries(PRACTICE_SECTIONS.map((s) => [s, t(`practiceEditor.sections.${s}`)])),
  };
  const section = { i18n, values, errors, labels };
  const collator = new Intl.Collator(i18n.locale);
  const countries = props.countries
    .map((code) => ({ code, name: i18n.countryName(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <>
      <h1>{props.heading ? t('practiceEditor.editTitle', { title: props.heading }) : t('practiceEditor.newTitle')}</h1>
      <p class="lead">{t('practiceEditor.intro')}</p>
      <form method="post" action={props.action} class="form practice-editor" novalidate>
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        <p class="hint">{t('practiceEditor.languageNote', { language })}</p>
        <TextsSection {...section} lang={lang} language={language} textDir={directionOf(lang)} />
        <RecordSection {...section} countries={countries} />
        <TaxonomySections i18n={i18n} values={values} themes={props.themes} />
        <PeopleSections {...section} />
        <FormActions i18n={i18n} lang={lang} written={props.written} cancelHref={props.cancelHref} />
        {/* After the save button on purpose: Enter in a field submits the first button, which must save. */}
        <LanguageTabs i18n={i18n} lang={lang} written={props.written} />
      </form>
    </>
  );
}
