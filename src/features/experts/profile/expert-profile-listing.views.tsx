import type { I18n } from '../../../platform/i18n/i18n.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { Checkbox } from '../../../platform/ui/choice-fields.tsx';
import { FieldError } from '../../../platform/ui/forms.tsx';
import { type ProfileValues, VISIBILITIES } from './expert-profile.forms.ts';
import type { ExpertProfile } from './expert-profile.model.ts';
import { type SectionProps, str } from './expert-profile-facts.views.tsx';

// The sections of the member's profile form (expert-profile.views.tsx) about how the profile is listed,
// and its buttons.

/** Who may see the profile: public, members, hidden. */
export function VisibilitySection({ i18n, values, errors, labels }: SectionProps) {
  const { t } = i18n;
  const visibility = str(values.visibility) || 'members';
  return (
    <fieldset class="choices">
      <legend>{labels.visibility}</legend>
      <FieldError i18n={i18n} id="field-visibility" error={errors.visibility} />
      {VISIBILITIES.map((v, i) => (
        // The first takes the group's id, so the error summary's link reaches the choice.
        <Checkbox
          i18n={i18n}
          type="radio"
          id={i === 0 ? 'field-visibility' : undefined}
          name="visibility"
          value={v}
          label={t(`expertProfile.visibility.${v}`)}
          hint={t(`expertProfile.visibilityHints.${v}`)}
          checked={visibility === v}
        />
      ))}
    </fieldset>
  );
}

/** Whether members may write through the profile's contact form. */
export function ContactChoiceSection({ i18n, values }: { i18n: I18n; values: ProfileValues }) {
  const { t } = i18n;
  return (
    <fieldset>
      <legend>{t('expertProfile.contactLegend')}</legend>
      <Checkbox
        i18n={i18n}
        name="contactEnabled"
        value="yes"
        id="field-contactEnabled"
        label={t('expertProfile.contactEnabled')}
        hint={t('expertProfile.contactEnabledHint')}
        checked={str(values.contactEnabled) === 'yes'}
      />
    </fieldset>
  );
}

/** The consent to be listed: a required checkbox until given, then when it was given and how to withdraw it. */
export function ConsentSection({ i18n, values, errors, labels, profile }: SectionProps & { profile: ExpertProfile | undefined }) {
  const { t, locale } = i18n;
  const needsConsent = !profile?.listingConsentAt;
  return (
    <fieldset class={errors.consent ? 'has-error' : undefined}>
      <legend>{labels.consent}</legend>
      {needsConsent ? (
        <>
          <p class="hint" id="field-consent-hint">
            {t('expertProfile.consentHint')}
          </p>
          <Checkbox
            i18n={i18n}
            name="consent"
            value="yes"
            id="field-consent"
            label={t('expertProfile.consent')}
            checked={str(values.consent) === 'yes'}
            error={errors.consent}
            describedBy="field-consent-hint"
          />
        </>
      ) : (
        <p>
          {t('expertProfile.consentGiven', { date: i18n.formatDateTime(profile?.listingConsentAt ?? new Date()) })}{' '}
          <a href={`/${locale}/my/expert-profile/remove`}>{t('expertProfile.removeLink')}</a>
        </p>
      )}
    </fieldset>
  );
}

/** Save, remove this language's texts, or cancel. */
export function FormActions({
  i18n,
  profile,
  lang,
  written,
}: {
  i18n: I18n;
  profile: ExpertProfile | undefined;
  lang: Locale;
  written: Set<string>;
}) {
  const { t, locale } = i18n;
  const language = i18n.languageName(lang);
  return (
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
  );
}

/** Buttons that save and switch to another language's texts. */
export function LanguageSwitch({ i18n, lang, written }: { i18n: I18n; lang: Locale; written: Set<string> }) {
  const { t } = i18n;
  return (
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
  );
}
