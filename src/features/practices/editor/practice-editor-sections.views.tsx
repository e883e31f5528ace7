import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { Checkbox, CheckboxGroup, CountrySelect, ThemeTopicPicker } from '../../../platform/ui/choice-fields.tsx';
import { type FormErrors, TextArea, TextField } from '../../../platform/ui/forms.tsx';
import { PRACTICE_SECTIONS } from '../practices.table.ts';

// The fieldsets of the practice editor (practice-editor.views.tsx puts them together).

export type EditorValues = Record<string, string | string[]>;

/** What every fieldset reads: the values and errors of the form, and each field's label. */
export type SectionProps = { i18n: I18n; values: EditorValues; errors: FormErrors; labels: Record<string, string> };

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** A field's name, label, value and error, for TextField and TextArea. */
const field = ({ i18n, values, errors, labels }: SectionProps, name: string) => ({
  i18n,
  name,
  label: labels[name] ?? name,
  value: str(values[name]),
  error: errors[name],
});

/** The texts of one language: title, summary and the six sections, marked as that language. */
export function TextsSection(props: SectionProps & { lang: Locale; language: string; textDir: 'ltr' | 'rtl' }) {
  const { i18n, lang, textDir } = props;
  const { t } = i18n;
  return (
    <fieldset>
      <legend>{t('practiceEditor.textsLegend', { language: props.language })}</legend>
      <TextField {...field(props, 'title')} hint={t('practiceEditor.titleHint')} maxlength={300} lang={lang} dir={textDir} />
      <TextArea {...field(props, 'summary')} hint={t('practiceEditor.summaryHint')} maxlength={2000} rows={3} lang={lang} dir={textDir} />
      {PRACTICE_SECTIONS.map((s) => (
        <TextArea
          {...field(props, s)}
          hint={t(`practiceEditor.sectionHints.${s}`)}
          maxlength={20_000}
          rows={s === 'approach' ? 10 : 6}
          lang={lang}
          dir={textDir}
        />
      ))}
    </fieldset>
  );
}

/** The record shared by all languages: place, period and project state. */
export function RecordSection(props: SectionProps & { countries: Array<{ code: string; name: string }> }) {
  const { i18n, values, errors, labels } = props;
  const { t } = i18n;
  return (
    <fieldset>
      <legend>{t('practiceEditor.recordLegend')}</legend>
      <TextField {...field(props, 'city')} maxlength={200} dir="auto" autocomplete="address-level2" />
      <CountrySelect
        i18n={i18n}
        label={labels.country ?? 'country'}
        placeholder={t('practiceEditor.chooseCountry')}
        countries={props.countries}
        value={str(values.country)}
        error={errors.country}
        required={false}
      />
      <p class="hint" id="year-hint">
        {t('practiceEditor.yearHint')}
      </p>
      <div class="field-row">
        <TextField {...field(props, 'startYear')} describedBy="year-hint" maxlength={4} dir="ltr" />
        <TextField {...field(props, 'endYear')} describedBy="year-hint" maxlength={4} dir="ltr" />
      </div>
      <CheckboxGroup
        i18n={i18n}
        type="radio"
        name="projectState"
        legend={t('practiceEditor.projectState')}
        options={(['ongoing', 'completed'] as const).map((state) => [state, t(`practiceEditor.projectStates.${state}`)])}
        selected={[str(values.projectState)]}
      />
    </fieldset>
  );
}

/** Themes and their topics (a topic implies its theme), then the SDGs. */
export function TaxonomySections({ i18n, values, themes }: Pick<SectionProps, 'i18n' | 'values'> & { themes: ThemeWithTopics[] }) {
  const { t } = i18n;
  return (
    <>
      <ThemeTopicPicker
        i18n={i18n}
        themes={themes}
        legend={t('forms.themesLegend')}
        hint={t('practiceEditor.themesHint')}
        theme={{ name: 'theme', selected: list(values.theme), label: (theme) => t('forms.themeWhole', { theme }) }}
        topic={{ name: 'topic', selected: list(values.topic) }}
      />
      <CheckboxGroup
        i18n={i18n}
        name="sdg"
        class="sdg-choices"
        legend={t('practiceEditor.sdgsLegend')}
        options={Array.from({ length: 17 }, (_, i) => [String(i + 1), t('practices.sdg', { number: i + 1 })])}
        selected={list(values.sdg)}
      />
    </>
  );
}

/** Partners and links (one per line), then the contact: the member themself, or a role and organisation. */
export function PeopleSections(props: SectionProps) {
  const { i18n, values } = props;
  const { t } = i18n;
  return (
    <>
      <fieldset>
        <legend>{t('practiceEditor.partnersLegend')}</legend>
        <TextArea {...field(props, 'partners')} hint={t('practiceEditor.partnersHint')} rows={4} dir="auto" />
        <TextArea {...field(props, 'links')} hint={t('practiceEditor.linksHint')} rows={3} dir="ltr" />
      </fieldset>

      <fieldset>
        <legend>{t('practiceEditor.contactLegend')}</legend>
        <p class="hint">{t('practiceEditor.contactHint')}</p>
        <Checkbox
          i18n={i18n}
          name="contactSelf"
          value="yes"
          id="field-contactSelf"
          label={t('practiceEditor.contactSelf')}
          checked={str(values.contactSelf) === 'yes'}
        />
        <TextField {...field(props, 'contactName')} maxlength={200} dir="auto" />
        <TextField {...field(props, 'contactOrganisation')} maxlength={300} dir="auto" />
      </fieldset>
    </>
  );
}
