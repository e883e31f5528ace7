import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { directionOf, type Locale } from '../../../platform/i18n/locales.ts';
import { CheckboxGroup, SelectField, ThemeTopicPicker } from '../../../platform/ui/choice-fields.tsx';
import { FieldError, type FormErrors, TextArea, TextField } from '../../../platform/ui/forms.tsx';
import { AVAILABILITY, LANGUAGE_LEVELS } from '../experts.table.ts';
import {
  BIO_MAX,
  EMPTY_LANGUAGE_ROWS,
  EXPERT_LANGUAGE_CODES,
  HEADLINE_MAX,
  LINKS_MAX,
  type ProfileValues,
  YEARS_MAX,
} from './expert-profile.forms.ts';

// The sections of the member's profile form (expert-profile.views.tsx) about the expert, in the order
// the form shows them; how the profile is listed follows in expert-profile-listing.views.tsx.

/** A form value read back as one string, or as a list. */
export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
export const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** What every section reads: the form's values and errors, and the fields' labels (shared with the error summary). */
export type SectionProps = { i18n: I18n; values: ProfileValues; errors: FormErrors; labels: Record<string, string> };

/** The headline and bio of the language being written. */
export function TextsSection({ i18n, values, errors, labels, lang }: SectionProps & { lang: Locale }) {
  const { t } = i18n;
  const language = i18n.languageName(lang);
  const textDir = directionOf(lang);
  return (
    <fieldset>
      <legend>{t('expertProfile.textsLegend', { language })}</legend>
      <p class="hint">{t('expertProfile.languageNote', { language })}</p>
      <TextField
        i18n={i18n}
        name="headline"
        label={labels.headline ?? ''}
        hint={t('expertProfile.headlineHint')}
        value={str(values.headline)}
        error={errors.headline}
        maxlength={HEADLINE_MAX}
        lang={lang}
        dir={textDir}
      />
      <TextArea
        i18n={i18n}
        name="bio"
        label={labels.bio ?? ''}
        hint={t('expertProfile.bioHint', { max: BIO_MAX })}
        value={str(values.bio)}
        error={errors.bio}
        maxlength={BIO_MAX}
        rows={8}
        lang={lang}
        dir={textDir}
      />
    </fieldset>
  );
}

/** Organisation, position, years of experience and the place of work. */
export function WorkSection({ i18n, values, errors, labels, countryCodes }: SectionProps & { countryCodes: string[] }) {
  const { t, locale } = i18n;
  const collator = new Intl.Collator(locale);
  const countries = countryCodes
    .map((code): [string, string] => [code, i18n.countryName(code)])
    .sort((a, b) => collator.compare(a[1], b[1]));
  return (
    <fieldset>
      <legend>{t('expertProfile.workLegend')}</legend>
      <TextField
        i18n={i18n}
        name="organisation"
        label={labels.organisation ?? ''}
        hint={t('expertProfile.organisationHint')}
        value={str(values.organisation)}
        error={errors.organisation}
        maxlength={200}
        dir="auto"
        autocomplete="organization"
      />
      <TextField
        i18n={i18n}
        name="position"
        label={labels.position ?? ''}
        value={str(values.position)}
        error={errors.position}
        maxlength={200}
        dir="auto"
        autocomplete="organization-title"
      />
      <TextField
        i18n={i18n}
        name="yearsExperience"
        label={labels.yearsExperience ?? ''}
        hint={t('expertProfile.yearsHint', { max: YEARS_MAX })}
        value={str(values.yearsExperience)}
        error={errors.yearsExperience}
        maxlength={2}
        dir="ltr"
      />
      <TextField
        i18n={i18n}
        name="city"
        label={labels.city ?? ''}
        value={str(values.city)}
        error={errors.city}
        maxlength={200}
        dir="auto"
        autocomplete="address-level2"
      />
      <SelectField
        i18n={i18n}
        name="country"
        label={labels.country ?? ''}
        hint={t('expertProfile.countryHint')}
        value={str(values.country)}
        error={errors.country}
        empty={t('expertProfile.chooseCountry')}
        options={countries}
      />
    </fieldset>
  );
}

/** The languages spoken, with their levels: the filled rows and a few empty ones. */
export function LanguageRows({ i18n, values, error }: { i18n: I18n; values: ProfileValues; error: string | undefined }) {
  const { t } = i18n;
  const collator = new Intl.Collator(i18n.locale);
  const codes = list(values.language);
  const levels = list(values.level);
  const filled = codes.map((code, i) => ({ code, level: levels[i] ?? '' })).filter((r) => r.code);
  const rows = [...filled, ...Array.from({ length: EMPTY_LANGUAGE_ROWS }, () => ({ code: '', level: '' }))];
  // Codes from elsewhere (an import) stay choosable, so saving the form never drops them.
  const offered = [...new Set<string>([...EXPERT_LANGUAGE_CODES, ...filled.map((r) => r.code)])]
    .map((code): [string, string] => [code, i18n.languageName(code)])
    .sort((a, b) => collator.compare(a[1], b[1]));
  const levelOptions = LANGUAGE_LEVELS.map((l): [string, string] => [l, t(`expertProfile.levels.${l}`)]);
  return (
    <fieldset class={error ? 'has-error' : undefined}>
      <legend>{t('expertProfile.languagesLegend')}</legend>
      <p class="hint">{t('expertProfile.languagesHint', { rows: EMPTY_LANGUAGE_ROWS })}</p>
      <FieldError i18n={i18n} id="field-languages" error={error} />
      {rows.map((row, i) => (
        <div class="field-row language-row">
          <SelectField
            i18n={i18n}
            id={i === 0 ? 'field-languages' : `field-language-${i + 1}`}
            name="language"
            label={t('expertProfile.languageN', { n: i + 1 })}
            value={row.code}
            empty={t('expertProfile.chooseLanguage')}
            options={offered}
          />
          <SelectField
            i18n={i18n}
            id={`field-level-${i + 1}`}
            name="level"
            label={t('expertProfile.levelN', { n: i + 1 })}
            value={row.level || 'working'}
            options={levelOptions}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** Themes and topics: a whole theme, or topics within it. */
export function ThemesSection({ i18n, values, themes }: { i18n: I18n; values: ProfileValues; themes: ThemeWithTopics[] }) {
  const { t } = i18n;
  return (
    <ThemeTopicPicker
      i18n={i18n}
      themes={themes}
      legend={t('expertProfile.themesLegend')}
      hint={t('expertProfile.themesHint')}
      theme={{ name: 'theme', selected: list(values.theme), label: (theme) => t('expertProfile.themeWhole', { theme }) }}
      topic={{ name: 'topic', selected: list(values.topic) }}
    />
  );
}

/** Regions and countries the expert has worked in; the countries typed are named back in words. */
export function ExperienceSection(props: SectionProps & { regions: string[]; countryCodes: string[] }) {
  const { i18n, values, errors, labels, regions } = props;
  const { t } = i18n;
  const known = new Set(props.countryCodes);
  const typedCountries = str(values.experienceCountries)
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter((code) => known.has(code));
  return (
    <fieldset>
      <legend>{t('expertProfile.experienceLegend')}</legend>
      <CheckboxGroup
        i18n={i18n}
        name="region"
        legend={labels.region ?? ''}
        options={regions.map((slug) => [slug, t(`common.regions.${slug}`)])}
        selected={list(values.region)}
        error={errors.region}
      />
      <TextField
        i18n={i18n}
        name="experienceCountries"
        label={labels.experienceCountries ?? ''}
        hint={
          typedCountries.length
            ? `${t('expertProfile.experienceCountriesHint')} ${t('expertProfile.experienceCountriesNow', {
                countries: typedCountries.map((code) => i18n.countryName(code)).join(t('common.listSeparator')),
              })}`
            : t('expertProfile.experienceCountriesHint')
        }
        value={str(values.experienceCountries)}
        error={errors.experienceCountries}
        maxlength={1000}
        dir="ltr"
      />
    </fieldset>
  );
}

/** The kinds of help offered. */
export function AvailabilitySection({ i18n, values, errors, labels }: SectionProps) {
  const { t } = i18n;
  return (
    <CheckboxGroup
      i18n={i18n}
      name="availability"
      legend={labels.availability ?? ''}
      hint={t('expertProfile.availabilityHint')}
      options={AVAILABILITY.map((a) => [a, t(`expertProfile.availability.${a}`)])}
      selected={list(values.availability)}
      error={errors.availability}
    />
  );
}

export function LinksSection({ i18n, values, errors, labels }: SectionProps) {
  const { t } = i18n;
  return (
    <fieldset>
      <legend>{t('expertProfile.linksLegend')}</legend>
      <TextArea
        i18n={i18n}
        name="links"
        label={labels.links ?? ''}
        hint={t('expertProfile.linksHint', { max: LINKS_MAX })}
        value={str(values.links)}
        error={errors.links}
        rows={3}
        dir="ltr"
      />
    </fieldset>
  );
}
