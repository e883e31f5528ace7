import type { I18n } from '../../../platform/i18n/i18n.ts';

/**
 * /newsletter/unsubscribe/<token>, the address of every mail's List-Unsubscribe header and of the
 * unsubscribe link in its footer. Opening it only shows the button (mail scanners open links by
 * themselves); the button posts what a mail program's one-click unsubscribe posts (RFC 8058).
 */
export function UnsubscribePage(props: { i18n: I18n; token: string; state: 'ask' | 'done' | 'not-subscribed' }) {
  const { i18n, token, state } = props;
  const { t, locale } = i18n;
  const preferences = (
    <p>
      <a href={`/${locale}/newsletter/preferences/${token}`}>{t('subscription.preferencesLink')}</a>
    </p>
  );
  if (state === 'ask') {
    return (
      <>
        <h1>{t('subscription.unsubscribePage.title')}</h1>
        <p class="lead">{t('subscription.unsubscribePage.text')}</p>
        <form method="post" action={`/newsletter/unsubscribe/${token}`}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit" class="button">
            {t('subscription.unsubscribePage.button')}
          </button>
        </form>
        {preferences}
      </>
    );
  }
  return (
    <>
      <h1>{t(state === 'done' ? 'subscription.unsubscribePage.doneTitle' : 'subscription.unsubscribePage.notSubscribedTitle')}</h1>
      <p class="lead" role="status">
        {t('subscription.unsubscribePage.doneText')}
      </p>
      {preferences}
    </>
  );
}
