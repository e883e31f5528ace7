import type { Child } from 'hono/jsx';
import type { I18n, MessageValues } from '../../../platform/i18n/i18n.ts';
import { MessageForm } from '../../../platform/ui/components/message-form.tsx';
import type { FormErrors, FormValues } from '../../../platform/ui/forms.tsx';
import { CONTACT_MESSAGE_MAX, CONTACT_MESSAGE_MIN, CONTACT_SUBJECT_MAX } from './practice-contact.forms.ts';
import type { ContactRecipient } from './practice-contact.service.ts';

/** Who is looking at the form: decides between the form and a short explanation. */
export type ContactViewer = 'anonymous' | 'unverified' | 'member';

export type ContactFormState = { errors: FormErrors; values: FormValues; retryAfterSeconds?: number };

export type PracticeContactProps = {
  i18n: I18n;
  csrfToken: string;
  slug: string;
  viewer: ContactViewer;
  recipient: ContactRecipient;
  /** The practice's own contact ("name, organisation"), named when the editors pass a message on. */
  offlineContact: string | null;
  sent?: boolean;
  state?: ContactFormState;
};

/**
 * The shared form components read `forms.errors.*`; this form says more (the lengths, how long to
 * wait), so its messages live under `contact.errors.*` with the numbers they need.
 */
function withContactErrors(i18n: I18n, values: MessageValues): I18n {
  const prefix = 'forms.errors.';
  return {
    ...i18n,
    t: (key, given) =>
      key.startsWith(prefix) ? i18n.t(`contact.errors.${key.slice(prefix.length)}`, given ?? values) : i18n.t(key, given),
  };
}

function RecipientText({ i18n, recipient, offlineContact }: Pick<PracticeContactProps, 'i18n' | 'recipient' | 'offlineContact'>) {
  const { t } = i18n;
  switch (recipient.kind) {
    case 'contact':
    case 'author':
      return <p>{t(`contact.recipient.${recipient.kind}`, { name: recipient.name })}</p>;
    case 'editors':
      return <p>{offlineContact ? t('contact.recipient.editorsPassOn', { contact: offlineContact }) : t('contact.recipient.editors')}</p>;
    case 'none':
      return <p>{t('contact.recipient.none')}</p>;
  }
}

/** The contact section of a practice page: the form for verified members, a way there for everyone else. */
export function PracticeContact(props: PracticeContactProps) {
  const { i18n, csrfToken, slug, viewer, recipient, state } = props;
  const { t, locale } = i18n;
  const pageUrl = `/${locale}/practices/${slug}`;
  const isRecipient = (recipient.kind === 'contact' || recipient.kind === 'author') && recipient.isViewer;
  let body: Child = null;
  if (recipient.kind === 'none') body = null;
  else if (isRecipient) body = <p>{t('contact.self')}</p>;
  else if (viewer === 'anonymous') {
    body = (
      <p>
        {t('contact.signInText')}{' '}
        <a href={`/${locale}/sign-in?next=${encodeURIComponent(`${pageUrl}#contact`)}`}>{t('contact.signInLink')}</a>
      </p>
    );
  } else if (viewer === 'unverified') {
    body = (
      <p>
        {t('contact.verifyFirst')} <a href={`/${locale}/account`}>{t('contact.accountLink')}</a>
      </p>
    );
  } else {
    const errors = state?.errors ?? {};
    const values = state?.values ?? {};
    const numbers = {
      min: CONTACT_MESSAGE_MIN,
      max: CONTACT_MESSAGE_MAX,
      subjectMax: CONTACT_SUBJECT_MAX,
      wait: i18n.formatWait(state?.retryAfterSeconds ?? 60),
    };
    const formI18n = withContactErrors(i18n, numbers);
    const labels = { subject: t('contact.subject'), message: t('contact.message') };
    body = (
      <MessageForm
        i18n={formI18n}
        csrfToken={csrfToken}
        action={`${pageUrl}/contact`}
        errors={errors}
        values={values}
        texts={{
          subject: labels.subject,
          message: labels.message,
          hint: t('contact.messageHint', { min: CONTACT_MESSAGE_MIN, max: CONTACT_MESSAGE_MAX }),
          privacy: t('contact.privacy'),
          send: t('contact.send'),
        }}
        limits={{ subjectMax: CONTACT_SUBJECT_MAX, messageMax: CONTACT_MESSAGE_MAX }}
      />
    );
  }
  return (
    <section id="contact" class="practice-contact" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('contact.title')}</h2>
      {props.sent ? (
        <p class="notice" role="status">
          {t('contact.sent')}
        </p>
      ) : null}
      {isRecipient ? null : <RecipientText i18n={i18n} recipient={recipient} offlineContact={props.offlineContact} />}
      {body}
    </section>
  );
}
