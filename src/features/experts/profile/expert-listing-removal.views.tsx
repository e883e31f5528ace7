import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CsrfField } from '../../../platform/ui/forms.tsx';
import type { ExpertProfile } from './expert-profile.model.ts';

// Removing a listing (withdrawing consent) only after this confirmation page.

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
