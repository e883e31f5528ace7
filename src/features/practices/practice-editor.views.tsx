import type { ThemeWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { directionOf, LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { CountrySelect, CsrfField, ErrorSummary, type FormErrors, TextArea, TextField } from '../../platform/ui/forms.tsx';
import { PRACTICE_SECTIONS } from './practices.table.ts';

export type EditorValues = Record<string, string | string[]>;

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

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** A checkbox; `single` ones (not one of a group) get the plain field id, so error links reach them. */
function Checkbox({
  name,
  value,
  label,
  checked,
  single,
}: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
  single?: boolean;
}) {
  const id = single ? `field-${name}` : `field-${name}-${value}`;
  return (
    <div class="field checkbox">
      <input type="checkbox" id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** The form a member writes a practice in: one language's texts at a time, plus the shared record. */
export function PracticeEditorPage(props: PracticeEditorProps) {
  const { i18n, values, errors, lang } = props;
  const { t } = i18n;
  const language = i18n.languageName(lang);
  const textDir = directionOf(lang);
  const labels = {
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
  };
  const sectionLabels: Record<string, string> = Object.fromEntries(PRACTICE_SECTIONS.map((s) => [s, t(`practiceEditor.sections.${s}`)]));
  const chosenTopics = new Set(list(values.topic));
  const chosenThemes = new Set(list(values.theme));
  const chosenSdgs = new Set(list(values.sdg));
  const collator = new Intl.Collator(i18n.locale);
  const countries = props.countries
    .map((code) => ({ code, name: i18n.countryName(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <>
      <h1>{props.heading ? t('practiceEditor.editTitle', { title: props.heading }) : t('practiceEditor.newTitle')}</h1>
      <p class="lead">{t('practiceEditor.intro')}</p>
      <form method="post" action={props.action} class="form practice-editor" novalidate>
        <ErrorSummary i18n={i18n} errors={errors} labels={{ ...labels, ...sectionLabels }} />
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        <p class="hint">{t('practiceEditor.languageNote', { language })}</p>
        <fieldset>
          <legend>{t('practiceEditor.textsLegend', { language })}</legend>
          <TextField
            i18n={i18n}
            name="title"
            label={labels.title}
            hint={t('practiceEditor.titleHint')}
            value={str(values.title)}
            error={errors.title}
            maxlength={300}
            lang={lang}
            dir={textDir}
          />
          <TextArea
            i18n={i18n}
            name="summary"
            label={labels.summary}
            hint={t('practiceEditor.summaryHint')}
            value={str(values.summary)}
            error={errors.summary}
            maxlength={2000}
            rows={3}
            lang={lang}
            dir={textDir}
          />
          {PRACTICE_SECTIONS.map((s) => (
            <TextArea
              i18n={i18n}
              name={s}
              label={sectionLabels[s] ?? s}
              hint={t(`practiceEditor.sectionHints.${s}`)}
              value={str(values[s])}
              error={errors[s]}
              maxlength={20_000}
              rows={s === 'approach' ? 10 : 6}
              lang={lang}
              dir={textDir}
            />
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('practiceEditor.recordLegend')}</legend>
          <TextField
            i18n={i18n}
            name="city"
            label={labels.city}
            value={str(values.city)}
            error={errors.city}
            maxlength={200}
            dir="auto"
            autocomplete="address-level2"
          />
          <CountrySelect
            i18n={i18n}
            label={labels.country}
            placeholder={t('practiceEditor.chooseCountry')}
            countries={countries}
            value={str(values.country)}
            error={errors.country}
            required={false}
          />
          <p class="hint" id="year-hint">
            {t('practiceEditor.yearHint')}
          </p>
          <div class="field-row">
            <TextField
              i18n={i18n}
              name="startYear"
              label={labels.startYear}
              describedBy="year-hint"
              value={str(values.startYear)}
              error={errors.startYear}
              maxlength={4}
              dir="ltr"
            />
            <TextField
              i18n={i18n}
              name="endYear"
              label={labels.endYear}
              describedBy="year-hint"
              value={str(values.endYear)}
              error={errors.endYear}
              maxlength={4}
              dir="ltr"
            />
          </div>
          <fieldset class="choices">
            <legend>{t('practiceEditor.projectState')}</legend>
            {(['ongoing', 'completed'] as const).map((state) => (
              <div class="field checkbox">
                <input
                  type="radio"
                  id={`field-projectState-${state}`}
                  name="projectState"
                  value={state}
                  checked={str(values.projectState) === state}
                />
                <label for={`field-projectState-${state}`}>{t(`practiceEditor.projectStates.${state}`)}</label>
              </div>
            ))}
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>{t('practiceEditor.themesLegend')}</legend>
          <p class="hint">{t('practiceEditor.themesHint')}</p>
          {props.themes.map((theme) => (
            <fieldset class="choices">
              <legend>{theme.label}</legend>
              <Checkbox
                name="theme"
                value={theme.slug}
                label={t('practiceEditor.themeWhole', { theme: theme.label })}
                checked={chosenThemes.has(theme.slug)}
              />
              {theme.topics.map((topic) => (
                <Checkbox name="topic" value={topic.slug} label={topic.label} checked={chosenTopics.has(topic.slug)} />
              ))}
            </fieldset>
          ))}
        </fieldset>

        <fieldset class="choices sdg-choices">
          <legend>{t('practiceEditor.sdgsLegend')}</legend>
          {Array.from({ length: 17 }, (_, i) => String(i + 1)).map((n) => (
            <Checkbox name="sdg" value={n} label={t('practices.sdg', { number: Number(n) })} checked={chosenSdgs.has(n)} />
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('practiceEditor.partnersLegend')}</legend>
          <TextArea
            i18n={i18n}
            name="partners"
            label={labels.partners}
            hint={t('practiceEditor.partnersHint')}
            value={str(values.partners)}
            error={errors.partners}
            rows={4}
            dir="auto"
          />
          <TextArea
            i18n={i18n}
            name="links"
            label={labels.links}
            hint={t('practiceEditor.linksHint')}
            value={str(values.links)}
            error={errors.links}
            rows={3}
            dir="ltr"
          />
        </fieldset>

        <fieldset>
          <legend>{t('practiceEditor.contactLegend')}</legend>
          <p class="hint">{t('practiceEditor.contactHint')}</p>
          <Checkbox
            name="contactSelf"
            value="yes"
            label={t('practiceEditor.contactSelf')}
            checked={str(values.contactSelf) === 'yes'}
            single
          />
          <TextField
            i18n={i18n}
            name="contactName"
            label={labels.contactName}
            value={str(values.contactName)}
            error={errors.contactName}
            maxlength={200}
            dir="auto"
          />
          <TextField
            i18n={i18n}
            name="contactOrganisation"
            label={labels.contactOrganisation}
            value={str(values.contactOrganisation)}
            error={errors.contactOrganisation}
            maxlength={300}
            dir="auto"
          />
        </fieldset>

        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button">
            {t('practiceEditor.save')}
          </button>
          <button type="submit" name="intent" value="preview" class="button secondary">
            {t('practiceEditor.savePreview')}
          </button>
          {props.written.includes(lang) ? (
            <button type="submit" name="intent" value="remove-lang" class="button secondary">
              {t('practiceEditor.removeLanguage', { language })}
            </button>
          ) : null}
          <a href={props.cancelHref}>{t('practiceEditor.cancel')}</a>
        </div>
        {/* After the save button on purpose: Enter in a field submits the first button, which must save. */}
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
              const key = props.written.includes(l) ? 'languageHasText' : 'languageEmpty';
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
      </form>
    </>
  );
}
