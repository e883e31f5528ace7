import type { ThemeWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { directionOf, LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { CsrfField, ErrorSummary, type FormErrors, TextArea, TextField } from '../../platform/ui/forms.tsx';
import { PhotoSection } from './expert-photo.views.tsx';
import { Checkbox, FieldError, LanguageRows, list, SelectField, str } from './expert-profile.fields.tsx';
import { BIO_MAX, HEADLINE_MAX, LINKS_MAX, type ProfileValues, VISIBILITIES, YEARS_MAX } from './expert-profile.forms.ts';
import { type ExpertProfile, PHOTO_ALT_MAX, type PhotoError } from './expert-profile.service.ts';
import { AVAILABILITY } from './experts.table.ts';

// The member's own profile: the form (one language's texts at a time, like the practice editor), with
// the photo's forms (expert-photo.views.tsx); removing the listing is expert-listing-removal.views.tsx.

/** The notices a redirect may ask for (anything else in ?notice= is ignored, never shown as a key). */
export const PROFILE_NOTICES = ['created', 'saved', 'photoSaved', 'photoRemoved', 'removed'] as const;
export type ProfileNotice = (typeof PROFILE_NOTICES)[number];

/**
 * The shared form components read `forms.errors.*`; this form's own messages live under
 * `expertProfile.errors.*` (with the numbers they need), the common ones fall back to `forms.errors.*`.
 */
export function withProfileErrors(i18n: I18n): I18n {
  const prefix = 'forms.errors.';
  const values = { headlineMax: HEADLINE_MAX, bioMax: BIO_MAX, linksMax: LINKS_MAX, yearsMax: YEARS_MAX, max: PHOTO_ALT_MAX };
  return {
    ...i18n,
    t: (key, given) => {
      if (!key.startsWith(prefix)) return i18n.t(key, given);
      const own = `expertProfile.errors.${key.slice(prefix.length)}`;
      const message = i18n.t(own, given ?? values);
      return message === own ? i18n.t(key, given) : message;
    },
  };
}

export type ExpertProfileFormProps = {
  i18n: I18n;
  csrfToken: string;
  /** The member's name as the profile shows it (their account's name). */
  name: string;
  profile: ExpertProfile | undefined;
  lang: Locale;
  values: ProfileValues;
  errors: FormErrors;
  themes: ThemeWithTopics[];
  countries: string[];
  regions: string[];
  notice?: ProfileNotice;
  photoError?: PhotoError;
};

export function ExpertProfileFormPage(props: ExpertProfileFormProps) {
  const { values, errors, lang, profile } = props;
  const i18n = withProfileErrors(props.i18n);
  const { t, locale } = i18n;
  const language = i18n.languageName(lang);
  const textDir = directionOf(lang);
  const written = new Set(profile?.translations.map((tr) => tr.locale) ?? []);
  const labels: Record<string, string> = {
    headline: t('expertProfile.headline'),
    bio: t('expertProfile.bio'),
    organisation: t('expertProfile.organisation'),
    position: t('expertProfile.position'),
    yearsExperience: t('expertProfile.yearsExperience'),
    city: t('expertProfile.city'),
    country: t('expertProfile.country'),
    languages: t('expertProfile.languagesLegend'),
    theme: t('expertProfile.themesLegend'),
    topic: t('expertProfile.themesLegend'),
    region: t('expertProfile.regionsLabel'),
    experienceCountries: t('expertProfile.experienceCountries'),
    availability: t('expertProfile.availabilityLegend'),
    links: t('expertProfile.links'),
    visibility: t('expertProfile.visibilityLegend'),
    consent: t('expertProfile.consentLegend'),
  };
  const chosen = (name: string) => new Set(list(values[name]));
  const themes = chosen('theme');
  const topics = chosen('topic');
  const regions = chosen('region');
  const availability = chosen('availability');
  const collator = new Intl.Collator(locale);
  const countries = props.countries
    .map((code) => ({ value: code, label: i18n.countryName(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const known = new Set(props.countries);
  const typedCountries = str(values.experienceCountries)
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter((code) => known.has(code));
  const visibility = str(values.visibility) || 'members';
  const needsConsent = !profile?.listingConsentAt;
  return (
    <>
      <h1>{t('expertProfile.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {t(`expertProfile.notices.${props.notice}`)}
        </p>
      ) : null}
      <p class="lead">{profile ? t('expertProfile.introListed') : t('expertProfile.intro')}</p>
      {profile ? (
        <p>
          <a href={`/${locale}/experts/${profile.slug}`}>{t('expertProfile.viewPage')}</a>
        </p>
      ) : null}
      <form method="post" action={`/${locale}/my/expert-profile`} class="form practice-editor expert-profile-form" novalidate>
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        <p>{t('expertProfile.nameNote', { name: props.name })}</p>
        <p class="hint">{t('expertProfile.privacyNote')}</p>

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
            id="field-country"
            name="country"
            label={labels.country ?? ''}
            hint={t('expertProfile.countryHint')}
            value={str(values.country)}
            error={errors.country}
            options={[{ value: '', label: t('expertProfile.chooseCountry') }, ...countries]}
          />
        </fieldset>

        <LanguageRows i18n={i18n} values={values} error={errors.languages} />

        <fieldset>
          <legend>{t('expertProfile.themesLegend')}</legend>
          <p class="hint">{t('expertProfile.themesHint')}</p>
          {props.themes.map((theme) => (
            <fieldset class="choices">
              <legend>{theme.label}</legend>
              <Checkbox
                name="theme"
                value={theme.slug}
                label={t('expertProfile.themeWhole', { theme: theme.label })}
                checked={themes.has(theme.slug)}
              />
              {theme.topics.map((topic) => (
                <Checkbox name="topic" value={topic.slug} label={topic.label} checked={topics.has(topic.slug)} />
              ))}
            </fieldset>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('expertProfile.experienceLegend')}</legend>
          <fieldset class="choices" id="field-region">
            <legend>{labels.region}</legend>
            <FieldError i18n={i18n} id="field-region" error={errors.region} />
            {props.regions.map((slug) => (
              <Checkbox name="region" value={slug} label={t(`common.regions.${slug}`)} checked={regions.has(slug)} />
            ))}
          </fieldset>
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

        <fieldset class="choices" id="field-availability">
          <legend>{labels.availability}</legend>
          <p class="hint">{t('expertProfile.availabilityHint')}</p>
          <FieldError i18n={i18n} id="field-availability" error={errors.availability} />
          {AVAILABILITY.map((a) => (
            <Checkbox name="availability" value={a} label={t(`expertProfile.availability.${a}`)} checked={availability.has(a)} />
          ))}
        </fieldset>

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

        <fieldset class="choices">
          <legend>{labels.visibility}</legend>
          <FieldError i18n={i18n} id="field-visibility" error={errors.visibility} />
          {VISIBILITIES.map((v, i) => {
            const id = i === 0 ? 'field-visibility' : `field-visibility-${v}`;
            return (
              <div class="field checkbox">
                <input type="radio" id={id} name="visibility" value={v} checked={visibility === v} aria-describedby={`${id}-hint`} />
                <label for={id}>{t(`expertProfile.visibility.${v}`)}</label>
                <p class="hint" id={`${id}-hint`}>
                  {t(`expertProfile.visibilityHints.${v}`)}
                </p>
              </div>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>{t('expertProfile.contactLegend')}</legend>
          <Checkbox
            name="contactEnabled"
            value="yes"
            id="field-contactEnabled"
            label={t('expertProfile.contactEnabled')}
            checked={str(values.contactEnabled) === 'yes'}
            describedBy="field-contactEnabled-hint"
          />
          <p class="hint" id="field-contactEnabled-hint">
            {t('expertProfile.contactEnabledHint')}
          </p>
        </fieldset>

        <fieldset class={errors.consent ? 'has-error' : undefined}>
          <legend>{labels.consent}</legend>
          {needsConsent ? (
            <>
              <p class="hint" id="field-consent-hint">
                {t('expertProfile.consentHint')}
              </p>
              <FieldError i18n={i18n} id="field-consent" error={errors.consent} />
              <div class="field checkbox">
                <input
                  type="checkbox"
                  id="field-consent"
                  name="consent"
                  value="yes"
                  checked={str(values.consent) === 'yes'}
                  aria-invalid={errors.consent ? 'true' : undefined}
                  aria-describedby={errors.consent ? 'field-consent-hint field-consent-error' : 'field-consent-hint'}
                />
                <label for="field-consent">{t('expertProfile.consent')}</label>
              </div>
            </>
          ) : (
            <p>
              {t('expertProfile.consentGiven', { date: i18n.formatDateTime(profile?.listingConsentAt ?? new Date()) })}{' '}
              <a href={`/${locale}/my/expert-profile/remove`}>{t('expertProfile.removeLink')}</a>
            </p>
          )}
        </fieldset>

        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button">
            {profile ? t('expertProfile.save') : t('expertProfile.create')}
          </button>
          {written.has(lang) ? (
            <button type="submit" name="intent" value="remove-lang" class="button secondary">
              {t('expertProfile.removeLanguage', { language })}
            </button>
          ) : null}
          <a href={`/${locale}/account`}>{t('expertProfile.cancel')}</a>
        </div>
        {/* After the save button on purpose: Enter in a field submits the first button, which must save. */}
        <fieldset class="language-tabs">
          <legend>{t('expertProfile.languagesLabel')}</legend>
          <p class="hint">{t('expertProfile.switchHint')}</p>
          <ul>
            {LOCALES.map((l) => {
              const name = i18n.languageName(l);
              if (l === lang) {
                return (
                  <li>
                    <span aria-current="true">{t('expertProfile.languageCurrent', { language: name })}</span>
                  </li>
                );
              }
              return (
                <li>
                  <button type="submit" name="intent" value={`lang:${l}`} class="button secondary small-button">
                    {t(written.has(l) ? 'expertProfile.languageHasText' : 'expertProfile.languageEmpty', { language: name })}
                  </button>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </form>
      {profile ? <PhotoSection i18n={props.i18n} csrfToken={props.csrfToken} profile={profile} error={props.photoError} /> : null}
      {profile ? (
        <section aria-labelledby="remove-title" class="expert-remove">
          <h2 id="remove-title">{t('expertProfile.removeTitle')}</h2>
          <p>{t('expertProfile.removeText')}</p>
          <p>
            <a href={`/${locale}/my/expert-profile/remove`}>{t('expertProfile.removeLink')}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}
