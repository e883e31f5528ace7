import type { I18n } from '../../i18n/i18n.ts';
import { directionOf, LOCALES, type Locale } from '../../i18n/locales.ts';
import { CsrfField, ErrorSummary, type FormErrors, TextArea, TextField } from '../../web/forms.tsx';
import type { ThemeWithTopics } from '../taxonomy/taxonomy.service.ts';
import { imageSrcset, uploadUrl } from '../uploads/uploads.service.ts';
import {
  BIO_MAX,
  EMPTY_LANGUAGE_ROWS,
  EXPERT_LANGUAGE_CODES,
  HEADLINE_MAX,
  LINKS_MAX,
  type ProfileValues,
  VISIBILITIES,
  YEARS_MAX,
} from './expert-profile.forms.ts';
import { type ExpertProfile, PHOTO_ALT_MAX, type PhotoError } from './expert-profile.service.ts';
import { AVAILABILITY, LANGUAGE_LEVELS } from './experts.table.ts';

// The member's own profile: the form (one language's texts at a time, like the practice editor), the
// photo, and the way out (removing the listing, after a confirmation).

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

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function Checkbox(props: { name: string; value: string; label: string; checked: boolean; id?: string; describedBy?: string }) {
  const id = props.id ?? `field-${props.name}-${props.value}`;
  return (
    <div class="field checkbox">
      <input type="checkbox" id={id} name={props.name} value={props.value} checked={props.checked} aria-describedby={props.describedBy} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

function FieldError({ i18n, id, error }: { i18n: I18n; id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {i18n.t(`forms.errors.${error}`)}
    </p>
  );
}

/** A select with the shared label / error pattern (the form components have no select). */
function SelectField(props: {
  i18n: I18n;
  id: string;
  name: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  error?: string;
  hint?: string;
}) {
  const describedBy =
    [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError i18n={props.i18n} id={props.id} error={props.error} />
      <select id={props.id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
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

function LanguageRows({ i18n, values, error }: { i18n: I18n; values: ProfileValues; error: string | undefined }) {
  const { t } = i18n;
  const collator = new Intl.Collator(i18n.locale);
  const codes = list(values.language);
  const levels = list(values.level);
  const filled = codes.map((code, i) => ({ code, level: levels[i] ?? '' })).filter((r) => r.code);
  const rows = [...filled, ...Array.from({ length: EMPTY_LANGUAGE_ROWS }, () => ({ code: '', level: '' }))];
  // Codes from elsewhere (an import) stay choosable, so saving the form never drops them.
  const offered = [...new Set<string>([...EXPERT_LANGUAGE_CODES, ...filled.map((r) => r.code)])]
    .map((code) => ({ value: code, label: i18n.languageName(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const levelOptions = LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`expertProfile.levels.${l}`) }));
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
            options={[{ value: '', label: t('expertProfile.chooseLanguage') }, ...offered]}
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

/** The form a member opts in with and edits their profile in. */
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

function PhotoSection({ i18n, csrfToken, profile, error }: { i18n: I18n; csrfToken: string; profile: ExpertProfile; error?: PhotoError }) {
  const { t, locale } = i18n;
  const photo = profile.photo;
  const base = `/${locale}/my/expert-profile/photo`;
  const alt = error ? error.alt : (photo?.alt ?? '');
  return (
    <section id="photo" aria-labelledby="photo-title" class="expert-photo-section">
      <h2 id="photo-title">{t('expertProfile.photoTitle')}</h2>
      {photo ? (
        <figure class="expert-photo">
          <img
            src={uploadUrl(photo.sha256, 'image', 'small')}
            srcset={imageSrcset(photo.sha256, photo.width)}
            sizes="12rem"
            alt={photo.alt}
            width={photo.width || undefined}
            height={photo.height || undefined}
          />
        </figure>
      ) : (
        <p>{t('expertProfile.photoNone')}</p>
      )}
      <form method="post" action={base} enctype="multipart/form-data" class="form upload-form">
        {error ? (
          <p class="field-error" role="alert" id="field-photo-error">
            {i18n.t(error.error, error.values)}
          </p>
        ) : null}
        <CsrfField token={csrfToken} />
        <fieldset>
          <legend>{photo ? t('expertProfile.photoReplace') : t('expertProfile.photoAdd')}</legend>
          <div class="field">
            <label for="field-photo">{t('expertProfile.photoFile')}</label>
            <p class="hint" id="field-photo-hint">
              {photo ? t('expertProfile.photoFileHintReplace') : t('expertProfile.photoFileHint')}
            </p>
            <input
              type="file"
              id="field-photo"
              name="file"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby={error ? 'field-photo-hint field-photo-error' : 'field-photo-hint'}
            />
          </div>
          <TextArea
            i18n={i18n}
            name="alt"
            label={t('expertProfile.photoAlt')}
            hint={t('expertProfile.photoAltHint')}
            value={alt}
            rows={2}
            maxlength={PHOTO_ALT_MAX}
            dir="auto"
          />
          <button type="submit" class="button">
            {photo ? t('expertProfile.photoSave') : t('expertProfile.photoUpload')}
          </button>
        </fieldset>
      </form>
      {photo ? (
        <form method="post" action={`${base}/remove`} class="inline-form">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button secondary">
            {t('expertProfile.photoRemove')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** "Remove my listing?": what goes, what stays, and the button that does it. */
export function RemoveListingPage({ i18n, csrfToken, profile }: { i18n: I18n; csrfToken: string; profile: ExpertProfile }) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('expertProfile.removeConfirmTitle')}</h1>
      <p class="lead">{t('expertProfile.removeConfirmText', { name: profile.displayName })}</p>
      <ul>
        <li>{t('expertProfile.removeConfirmGoes')}</li>
        <li>{t('expertProfile.removeConfirmStays')}</li>
      </ul>
      <form method="post" action={`/${locale}/my/expert-profile/remove`} class="form-actions">
        <CsrfField token={csrfToken} />
        <button type="submit" name="confirm" value="yes" class="button danger">
          {t('expertProfile.removeConfirmButton')}
        </button>
        <a href={`/${locale}/my/expert-profile`}>{t('expertProfile.removeKeep')}</a>
      </form>
    </>
  );
}
