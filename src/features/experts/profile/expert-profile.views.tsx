import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { CsrfField, ErrorSummary, type FormErrors } from '../../../platform/ui/forms.tsx';
import type { PhotoError } from './expert-photo.service.ts';
import { PhotoSection } from './expert-photo.views.tsx';
import { BIO_MAX, HEADLINE_MAX, LINKS_MAX, PHOTO_ALT_MAX, type ProfileValues, YEARS_MAX } from './expert-profile.forms.ts';
import type { ExpertProfile } from './expert-profile.model.ts';
import {
  AvailabilitySection,
  ExperienceSection,
  LanguageRows,
  LinksSection,
  TextsSection,
  ThemesSection,
  WorkSection,
} from './expert-profile-facts.views.tsx';
import { ConsentSection, ContactChoiceSection, FormActions, LanguageSwitch, VisibilitySection } from './expert-profile-listing.views.tsx';

// The member's own profile: the form (one language's texts at a time, like the practice editor) made
// of the sections in expert-profile-facts.views.tsx and expert-profile-listing.views.tsx, with the
// photo's forms (expert-photo.views.tsx); removing the listing is expert-listing-removal.views.tsx.

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

/** The form a member opts in with and edits their profile in. */
export function ExpertProfileFormPage(props: ExpertProfileFormProps) {
  const { values, errors, lang, profile } = props;
  const i18n = withProfileErrors(props.i18n);
  const { t, locale } = i18n;
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
  const section = { i18n, values, errors, labels };
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
        <TextsSection {...section} lang={lang} />
        <WorkSection {...section} countryCodes={props.countries} />
        <LanguageRows i18n={i18n} values={values} error={errors.languages} />
        <ThemesSection i18n={i18n} values={values} themes={props.themes} />
        <ExperienceSection {...section} regions={props.regions} countryCodes={props.countries} />
        <AvailabilitySection {...section} />
        <LinksSection {...section} />
        <VisibilitySection {...section} />
        <ContactChoiceSection i18n={i18n} values={values} />
        <ConsentSection {...section} profile={profile} />
        <FormActions i18n={i18n} profile={profile} lang={lang} written={written} />
        {/* After the save button on purpose: Enter in a field submits the first button, which must save. */}
        <LanguageSwitch i18n={i18n} lang={lang} written={written} />
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
