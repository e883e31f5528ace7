import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CsrfField } from '../../../platform/ui/forms.tsx';
import type { InterestOption } from './interests.service.ts';
import { SubscribeForm } from './subscribe-form.views.tsx';
import type { ConfirmOutcome } from './subscription.service.ts';

export type SubscribePageProps = {
  i18n: I18n;
  csrfToken: string;
  options: { themes: InterestOption[]; regions: InterestOption[] };
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
  retryAfterSeconds?: number;
};

/** /<locale>/newsletter/subscribe: the full form, also re-shown with what was typed and what is wrong. */
export function SubscribePage(props: SubscribePageProps) {
  const { t } = props.i18n;
  return (
    <>
      <h1>{t('subscription.title')}</h1>
      <p class="lead">{t('subscription.intro')}</p>
      <SubscribeForm
        i18n={props.i18n}
        csrfToken={props.csrfToken}
        variant="full"
        themes={props.options.themes}
        regions={props.options.regions}
        values={props.values}
        errors={props.errors}
        retryAfterSeconds={props.retryAfterSeconds}
      />
    </>
  );
}

/**
 * After subscribing: the same words whatever the address's state (new, pending, subscribed already),
 * so the page never tells whether an address is on the list.
 */
export function CheckInboxPage({ i18n }: { i18n: I18n }) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('subscription.checkInbox.title')}</h1>
      <p class="lead" role="status">
        {t('subscription.checkInbox.text')}
      </p>
      <p>{t('subscription.checkInbox.nothingYet')}</p>
      <p>
        <a href={`/${locale}/newsletter`}>{t('subscription.toNewsletter')}</a>
      </p>
    </>
  );
}

/**
 * The page the confirmation mail links to. Opening it confirms nothing (mail scanners open links by
 * themselves); only its button, a POST, does.
 */
export function ConfirmPage(props: {
  i18n: I18n;
  csrfToken: string;
  token: string;
  outcome: ConfirmOutcome | 'pending';
  /** Seconds to wait when too many confirmations came from this connection or for this link. */
  retryAfterSeconds?: number;
}) {
  const { i18n, token, outcome } = props;
  const { t, locale } = i18n;
  if (outcome === 'pending') {
    return (
      <>
        <h1>{t('subscription.confirm.title')}</h1>
        <p class="lead">{t('subscription.confirm.text')}</p>
        {props.retryAfterSeconds ? (
          <p class="field-error" role="alert">
            {t('subscription.confirm.rateLimited', { wait: i18n.formatWait(props.retryAfterSeconds) })}
          </p>
        ) : null}
        <form method="post" action={`/${locale}/newsletter/confirm/${token}`}>
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button">
            {t('subscription.confirm.button')}
          </button>
        </form>
      </>
    );
  }
  if (outcome === 'gone') {
    return (
      <>
        <h1>{t('subscription.confirm.goneTitle')}</h1>
        <p class="lead">{t('subscription.confirm.goneText')}</p>
        <p>
          <a class="button" href={`/${locale}/newsletter/subscribe`}>
            {t('subscription.subscribeAgain')}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t(outcome === 'confirmed' ? 'subscription.confirm.doneTitle' : 'subscription.confirm.alreadyTitle')}</h1>
      <p class="lead" role="status">
        {t('subscription.confirm.doneText')}
      </p>
      <p>
        <a href={`/${locale}/newsletter/preferences/${token}`}>{t('subscription.preferencesLink')}</a>
      </p>
    </>
  );
}

/** After "delete my subscription data": nothing is left to show but the way back. */
export function DeletedPage({ i18n }: { i18n: I18n }) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('subscription.deleted.title')}</h1>
      <p class="lead" role="status">
        {t('subscription.deleted.text')}
      </p>
      <p>
        <a href={`/${locale}/newsletter/subscribe`}>{t('subscription.subscribeAgain')}</a>
      </p>
    </>
  );
}
