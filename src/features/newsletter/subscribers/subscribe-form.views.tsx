import type { I18n } from '../../../platform/i18n/i18n.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { Checkbox, CheckboxGroup, SelectField } from '../../../platform/ui/choice-fields.tsx';
import { CsrfField, ErrorSummary, FieldFrame } from '../../../platform/ui/forms.tsx';
import { EMAIL_MAX } from './subscription.forms.ts';

export type SubscribeFormProps = {
  i18n: I18n;
  csrfToken: string;
  /** 'full' on the newsletter's pages (with interests); 'footer' in every page's footer (short). */
  variant: 'full' | 'footer';
  themes: Array<{ slug: string; name: string }>;
  regions: Array<{ slug: string; name: string }>;
  values?: Record<string, string | string[]>;
  /** Field → key under `subscription.errors.` (`form` for the whole form). */
  errors?: Record<string, string>;
  /** How long to wait when too many requests came (the `rateLimited` message names it). */
  retryAfterSeconds?: number;
};

/**
 * The shared form components say `forms.errors.*`; the subscription's own messages live under
 * `subscription.errors.*` (they name the length and the wait).
 */
export function subscriptionFormI18n(i18n: I18n, retryAfterSeconds = 60): I18n {
  const prefix = 'forms.errors.';
  const values = { max: EMAIL_MAX, wait: i18n.formatWait(retryAfterSeconds) };
  return {
    ...i18n,
    t: (key, given) =>
      key.startsWith(prefix) ? i18n.t(`subscription.errors.${key.slice(prefix.length)}`, given ?? values) : i18n.t(key, given),
  };
}

/** The newsletter's languages, each named in the page's language. */
export function newsletterLanguageOptions(i18n: I18n): Array<[string, string]> {
  return LOCALES.map((l) => [l, i18n.languageName(l)]);
}

const listOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
const textOf = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/**
 * Subscribing to the newsletter: address, the newsletter's language (the page's unless chosen), on the
 * full form the interests (folded away: most people want everything), and consent with the privacy
 * notice. Posts to /<locale>/newsletter/subscribe, which answers the same whatever the address's state.
 */
export function SubscribeForm(props: SubscribeFormProps) {
  const { variant } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const i18n = subscriptionFormI18n(props.i18n, props.retryAfterSeconds);
  const { t, locale } = i18n;
  // The footer stands on pages that may hold the full form too: its ids must differ.
  const idPrefix = variant === 'footer' ? 'footer-subscribe' : 'field';
  const labels = { email: t('subscription.email'), locale: t('subscription.language'), consent: t('subscription.consentShort') };
  const themes = listOf(values.themes);
  const regions = listOf(values.regions);
  const email = textOf(values.email);
  return (
    <form
      method="post"
      action={`/${locale}/newsletter/subscribe`}
      class={`subscribe-form subscribe-${variant}`}
      novalidate={variant === 'full'}
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="source" value={variant === 'footer' ? 'footer' : 'page'} />
      {variant === 'full' ? <ErrorSummary i18n={i18n} errors={errors} labels={labels} /> : null}
      <FieldFrame
        i18n={i18n}
        name="email"
        id={`${idPrefix}-email`}
        label={labels.email}
        error={errors.email}
        control={({ names, aria }) => (
          <input {...names} type="email" value={email} autocomplete="email" maxlength={EMAIL_MAX} required dir="ltr" {...aria} />
        )}
      />
      <SelectField
        i18n={i18n}
        name="locale"
        id={`${idPrefix}-locale`}
        label={labels.locale}
        value={textOf(values.locale) || locale}
        error={errors.locale}
        options={newsletterLanguageOptions(i18n)}
        required
      />
      {variant === 'full' && (props.themes.length || props.regions.length) ? (
        <details class="subscribe-interests" open={themes.length + regions.length > 0 || undefined}>
          <summary>{t('subscription.interests.summary')}</summary>
          <p class="hint">{t('subscription.interests.hint')}</p>
          {props.themes.length ? (
            <CheckboxGroup
              i18n={i18n}
              name="themes"
              legend={t('subscription.interests.themes')}
              options={props.themes.map((th) => [th.slug, th.name])}
              selected={themes}
              error={errors.themes}
            />
          ) : null}
          {props.regions.length ? (
            <CheckboxGroup
              i18n={i18n}
              name="regions"
              legend={t('subscription.interests.regions')}
              options={props.regions.map((r) => [r.slug, r.name])}
              selected={regions}
              error={errors.regions}
            />
          ) : null}
        </details>
      ) : null}
      <Checkbox
        i18n={i18n}
        name="consent"
        id={`${idPrefix}-consent`}
        value="yes"
        checked={textOf(values.consent) === 'yes'}
        error={errors.consent}
        required
        label={
          <>
            {t('subscription.consent')} <a href={`/${locale}/privacy`}>{t('subscription.privacyLink')}</a>
          </>
        }
      />
      {errors.form && variant === 'footer' ? (
        <p class="field-error" role="alert">
          {t(`subscription.errors.${errors.form}`, { max: EMAIL_MAX, wait: props.i18n.formatWait(props.retryAfterSeconds ?? 60) })}
        </p>
      ) : null}
      <button type="submit" class="button">
        {t('subscription.submit')}
      </button>
    </form>
  );
}
