import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CheckboxGroup, SelectField } from '../../../platform/ui/choice-fields.tsx';
import { CsrfField, ErrorSummary } from '../../../platform/ui/forms.tsx';
import type { InterestOption } from './interests.service.ts';
import { newsletterLanguageOptions, subscriptionFormI18n } from './subscribe-form.views.tsx';
import type { SubscriberView } from './subscription.service.ts';

export type InterestOptions = { themes: InterestOption[]; regions: InterestOption[] };

/** The notices a change leaves on the page after its redirect. */
export const PREFERENCE_NOTICES = ['saved', 'paused', 'resumed', 'unsubscribed', 'subscribed', 'deleted'] as const;

const listOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/** The newsletter's language and the interests (themes, regions): the same fields wherever a subscription is changed. */
export function PreferenceFields(props: {
  i18n: I18n;
  options: InterestOptions;
  values: { locale?: string | string[]; themes?: string | string[]; regions?: string | string[] };
  errors: Record<string, string>;
}) {
  const { i18n, options, values, errors } = props;
  const { t } = i18n;
  return (
    <>
      <SelectField
        i18n={i18n}
        name="locale"
        label={t('subscription.language')}
        value={listOf(values.locale)[0] ?? i18n.locale}
        error={errors.locale}
        options={newsletterLanguageOptions(i18n)}
        required
      />
      <CheckboxGroup
        i18n={i18n}
        name="themes"
        legend={t('subscription.interests.themes')}
        hint={t('subscription.interests.hint')}
        options={options.themes.map((o) => [o.slug, o.name])}
        selected={listOf(values.themes)}
        error={errors.themes}
      />
      <CheckboxGroup
        i18n={i18n}
        name="regions"
        legend={t('subscription.interests.regions')}
        options={options.regions.map((o) => [o.slug, o.name])}
        selected={listOf(values.regions)}
        error={errors.regions}
      />
    </>
  );
}

/** A form of one button that posts one action. */
function ActionButton(props: { csrfToken: string; url: string; action: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={props.url} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="action" value={props.action} />
      <button type="submit" class={props.secondary ? 'button secondary' : 'button'}>
        {props.label}
      </button>
    </form>
  );
}

export type SubscriptionControlsProps = {
  i18n: I18n;
  csrfToken: string;
  /** Where the forms post (the preference page, or the account's section). */
  url: string;
  subscriber: SubscriberView;
  options: InterestOptions;
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
};

/** What a subscriber can change: language and interests, pause or resume, unsubscribe, delete their data. */
export function SubscriptionControls(props: SubscriptionControlsProps) {
  const { subscriber, url, csrfToken } = props;
  const i18n = subscriptionFormI18n(props.i18n);
  const { t } = i18n;
  const errors = props.errors ?? {};
  const active = subscriber.status === 'confirmed' || subscriber.status === 'pending';
  const labels = {
    locale: t('subscription.language'),
    themes: t('subscription.interests.themes'),
    regions: t('subscription.interests.regions'),
  };
  return (
    <>
      <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
      <p>{t(`subscription.status.${subscriber.status}`)}</p>
      {subscriber.status === 'confirmed' && subscriber.paused ? <p>{t('subscription.status.paused')}</p> : null}
      {active ? (
        <>
          <form method="post" action={url} novalidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="action" value="save" />
            <PreferenceFields i18n={i18n} options={props.options} values={props.values ?? subscriber} errors={errors} />
            <button type="submit" class="button">
              {t('subscription.save')}
            </button>
          </form>
          <div class="actions">
            {subscriber.status === 'confirmed' ? (
              <ActionButton
                csrfToken={csrfToken}
                url={url}
                action={subscriber.paused ? 'resume' : 'pause'}
                label={t(subscriber.paused ? 'subscription.resume' : 'subscription.pause')}
                secondary
              />
            ) : null}
            <ActionButton csrfToken={csrfToken} url={url} action="unsubscribe" label={t('subscription.unsubscribe')} secondary />
          </div>
        </>
      ) : null}
      <p>{t('subscription.deleteText')}</p>
      <ActionButton csrfToken={csrfToken} url={url} action="delete" label={t('subscription.deleteButton')} secondary />
    </>
  );
}

/** /<locale>/newsletter/preferences/<token>: the personal page every mail links to, no account needed. */
export function PreferencesPage(props: SubscriptionControlsProps & { notice?: string }) {
  const { i18n, subscriber, notice } = props;
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('subscription.preferencesTitle')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {t(`subscription.notices.${notice}`)}
        </p>
      ) : null}
      {subscriber.status === 'pending' ? (
        <p>
          <a href={`/${locale}/newsletter/confirm/${subscriber.token}`}>{t('subscription.confirmLink')}</a>
        </p>
      ) : null}
      {subscriber.status === 'unsubscribed' || subscriber.status === 'bounced' ? (
        <p>
          <a class="button" href={`/${locale}/newsletter/subscribe`}>
            {t('subscription.subscribeAgain')}
          </a>
        </p>
      ) : null}
      <SubscriptionControls {...props} />
    </>
  );
}
