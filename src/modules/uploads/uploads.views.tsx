import type { I18n } from '../../i18n/i18n.ts';

/** The 413 page: what was wrong, how to make the file smaller, and the way back to the form. */
export function TooLargePage({ i18n, message, backHref }: { i18n: I18n; message: string; backHref: string }) {
  const { t } = i18n;
  return (
    <>
      <h1>{t('uploads.tooLargePage.title')}</h1>
      <p class="lead">{message}</p>
      <p>{t('uploads.tooLargePage.hint')}</p>
      <p>
        <a href={backHref}>{t('uploads.tooLargePage.back')}</a>
      </p>
    </>
  );
}
