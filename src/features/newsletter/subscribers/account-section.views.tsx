import type { Child } from 'hono/jsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { Checkbox } from '../../../platform/ui/choice-fields.tsx';
import { CsrfField, ErrorSummary } from '../../../platform/ui/forms.tsx';
import { type InterestOptions, type PREFERENCE_NOTICES, PreferenceFields, SubscriptionControls } from './preferences.views.tsx';
import { subscriptionFormI18n } from './subscribe-form.views.tsx';
import type { SubscriberView } from './subscription.service.ts';

export type AccountNewsletterProps = {
  i18n: I18n;
  csrfToken: string;
  verified: boolean;
  subscription: SubscriberView | null;
  options: InterestOptions;
  notice?: (typeof PREFERENCE_NOTICES)[number];
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
};

/** The newsletter on the account page: subscribe with the account's address, or change the subscription. */
export function AccountNewsletterSection(props: AccountNewsletterProps) {
  const { subscription, csrfToken, options } = props;
  const i18n = subscriptionFormI18n(props.i18n);
  const { t, locale } = i18n;
  const url = `/${locale}/account/newsletter`;
  const errors = props.errors ?? {};
  let body: Child;
  if (!props.verified) {
    body = (
      <p>
        {t('subscription.account.verifyFirst')} <a href={`/${locale}/newsletter/subscribe`}>{t('subscription.account.subscribePage')}</a>
      </p>
    );
  } else if (subscription?.status === 'confirmed') {
    body = (
      <SubscriptionControls
        i18n={props.i18n}
        csrfToken={csrfToken}
        url={url}
        subscriber={subscription}
        options={options}
        values={props.values}
        errors={errors}
      />
    );
  } else {
    const labels = { locale: t('subscription.language'), consent: t('subscription.consentShort') };
    body = (
      <>
        {subscription ? <p>{t(`subscription.status.${subscription.status}`)}</p> : <p>{t('subscription.account.notSubscribed')}</p>}
        <form method="post" action={url} novalidate>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="action" value="subscribe" />
          <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
          <p>{t('subscription.account.direct')}</p>
          <PreferenceFields
            i18n={i18n}
            options={options}
            values={props.values ?? subscription ?? { locale: props.i18n.locale }}
            errors={errors}
          />
          <Checkbox
            i18n={i18n}
            name="consent"
            id="field-consent"
            value="yes"
            checked={props.values?.consent === 'yes'}
            error={errors.consent}
            required
            label={
              <>
                {t('subscription.consent')} <a href={`/${locale}/privacy`}>{t('subscription.privacyLink')}</a>
              </>
            }
          />
          <button type="submit" class="button">
            {t('subscription.submit')}
          </button>
        </form>
      </>
    );
  }
  return (
    <section id="newsletter" aria-labelledby="newsletter-title">
      <h2 id="newsletter-title">{t('subscription.account.title')}</h2>
      {props.notice ? (
        <p class="notice" role="status">
          {t(`subscription.notices.${props.notice}`)}
        </p>
      ) : null}
      {body}
    </section>
  );
}
