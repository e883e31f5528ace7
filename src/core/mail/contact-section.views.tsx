import type { Child } from 'hono/jsx';
import type { I18n, MessageValues } from '../../platform/i18n/i18n.ts';
import { MessageForm } from '../../platform/ui/components/message-form.tsx';
import type { FormErrors, FormValues } from '../../platform/ui/forms.tsx';
import { CONTACT_MESSAGE_LIMITS } from './contact-message.forms.ts';

/** Who is looking at the section: decides between the form and a short explanation. */
export type ContactViewer = 'anonymous' | 'unverified' | 'member';

/** The form as a request left it: what was typed, what is wrong, how long to wait when rate-limited. */
export type ContactFormState = { errors: FormErrors; values: FormValues; retryAfterSeconds?: number };

export type ContactSectionProps = {
  i18n: I18n;
  csrfToken: string;
  /** The page the section stands on; the form posts to `<page>/contact`, signing in returns to `<page>#contact`. */
  pageUrl: string;
  viewer: ContactViewer;
  /**
   * Where the section's texts live in the catalogs: `<texts>.title`, `.sent`, `.signInText`, `.signInLink`,
   * `.verifyFirst`, `.accountLink`, `.subject`, `.message`, `.messageHint`, `.privacy`, `.send` and the
   * form's `.errors.*` (which name the lengths and the wait).
   */
  texts: string;
  /** Values of those texts (the recipient's name). */
  values?: MessageValues;
  /** The section's classes. */
  class: string;
  /** `open`, or closed with the sentence said instead of the form (null: the lead says it already). */
  state: { open: true } | { open: false; reason: string | null };
  /** Said under the title, whatever the state (e.g. who receives the message). */
  lead?: Child;
  /** Said in the form, before its fields. */
  intro?: Child;
  sent?: boolean;
  form?: ContactFormState;
};

/**
 * The shared form components read `forms.errors.*`; this form says more (the lengths, how long to
 * wait), so its messages live under `<texts>.errors.*` with the numbers they need.
 */
export function withContactErrors(i18n: I18n, texts: string, values: MessageValues): I18n {
  const prefix = 'forms.errors.';
  return {
    ...i18n,
    t: (key, given) =>
      key.startsWith(prefix) ? i18n.t(`${texts}.errors.${key.slice(prefix.length)}`, given ?? values) : i18n.t(key, given),
  };
}

/**
 * A contact section through the platform's relay (never an address): the form for verified members, a
 * way there for everyone else, or why nobody can be written to here; the notice once a message is sent.
 */
export function ContactSection(props: ContactSectionProps) {
  const { i18n, csrfToken, pageUrl, viewer, texts, values, state } = props;
  const { t, locale } = i18n;
  const { subjectMax, messageMin, messageMax } = CONTACT_MESSAGE_LIMITS;
  let body: Child = null;
  if (!state.open) body = state.reason === null ? null : <p>{state.reason}</p>;
  else if (viewer === 'anonymous') {
    body = (
      <p>
        {t(`${texts}.signInText`, values)}{' '}
        <a href={`/${locale}/sign-in?next=${encodeURIComponent(`${pageUrl}#contact`)}`}>{t(`${texts}.signInLink`)}</a>
      </p>
    );
  } else if (viewer === 'unverified') {
    body = (
      <p>
        {t(`${texts}.verifyFirst`)} <a href={`/${locale}/account`}>{t(`${texts}.accountLink`)}</a>
      </p>
    );
  } else {
    const wait = i18n.formatWait(props.form?.retryAfterSeconds ?? 60);
    body = (
      <MessageForm
        i18n={withContactErrors(i18n, texts, { min: messageMin, max: messageMax, subjectMax, wait })}
        csrfToken={csrfToken}
        action={`${pageUrl}/contact`}
        errors={props.form?.errors ?? {}}
        values={props.form?.values ?? {}}
        intro={props.intro}
        texts={{
          subject: t(`${texts}.subject`),
          message: t(`${texts}.message`),
          hint: t(`${texts}.messageHint`, { min: messageMin, max: messageMax }),
          privacy: t(`${texts}.privacy`),
          send: t(`${texts}.send`),
        }}
        limits={{ subjectMax, messageMax }}
      />
    );
  }
  return (
    <section id="contact" class={props.class} aria-labelledby="contact-title">
      <h2 id="contact-title">{t(`${texts}.title`)}</h2>
      {props.sent ? (
        <p class="notice" role="status">
          {t(`${texts}.sent`)}
        </p>
      ) : null}
      {props.lead ?? null}
      {body}
    </section>
  );
}
