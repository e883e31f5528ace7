import type { Child } from 'hono/jsx';
import type { I18n, MessageValues } from '../../../platform/i18n/i18n.ts';
import { MessageForm } from '../../../platform/ui/components/message-form.tsx';
import type { FormErrors, FormValues } from '../../../platform/ui/forms.tsx';
import { EXPERT_MESSAGE_MAX, EXPERT_MESSAGE_MIN, EXPERT_SUBJECT_MAX } from './expert-contact.forms.ts';
import type { ExpertContactLog, ExpertContactState } from './expert-contact.service.ts';

/** Who is looking at the form: decides between the form and a short explanation. */
export type ContactViewer = 'anonymous' | 'unverified' | 'member';

export type ExpertContactFormState = { errors: FormErrors; values: FormValues; retryAfterSeconds?: number };

export type ExpertContactProps = {
  i18n: I18n;
  csrfToken: string;
  slug: string;
  name: string;
  viewer: ContactViewer;
  state: ExpertContactState;
  sent?: boolean;
  form?: ExpertContactFormState;
};

/** The shared form components read `forms.errors.*`; this form's messages (with their numbers) live under `expertProfile.contact.errors.*`. */
function withContactErrors(i18n: I18n, values: MessageValues): I18n {
  const prefix = 'forms.errors.';
  return {
    ...i18n,
    t: (key, given) =>
      key.startsWith(prefix) ? i18n.t(`expertProfile.contact.errors.${key.slice(prefix.length)}`, given ?? values) : i18n.t(key, given),
  };
}

/** The contact section of an expert's page: the form for verified members, a way there or a reason for everyone else. */
export function ExpertContact(props: ExpertContactProps) {
  const { i18n, csrfToken, slug, viewer, state, name } = props;
  const { t, locale } = i18n;
  const pageUrl = `/${locale}/experts/${slug}`;
  let body: Child = null;
  if (state.kind === 'self') body = <p>{t(state.enabled ? 'expertProfile.contact.selfOn' : 'expertProfile.contact.selfOff')}</p>;
  else if (state.kind === 'off') body = <p>{t('expertProfile.contact.off', { name })}</p>;
  else if (state.kind === 'unavailable') body = <p>{t('expertProfile.contact.unavailable', { name })}</p>;
  else if (viewer === 'anonymous') {
    body = (
      <p>
        {t('expertProfile.contact.signInText', { name })}{' '}
        <a href={`/${locale}/sign-in?next=${encodeURIComponent(`${pageUrl}#contact`)}`}>{t('expertProfile.contact.signInLink')}</a>
      </p>
    );
  } else if (viewer === 'unverified') {
    body = (
      <p>
        {t('expertProfile.contact.verifyFirst')} <a href={`/${locale}/account`}>{t('expertProfile.contact.accountLink')}</a>
      </p>
    );
  } else {
    const errors = props.form?.errors ?? {};
    const values = props.form?.values ?? {};
    const numbers = {
      min: EXPERT_MESSAGE_MIN,
      max: EXPERT_MESSAGE_MAX,
      subjectMax: EXPERT_SUBJECT_MAX,
      wait: i18n.formatWait(props.form?.retryAfterSeconds ?? 60),
    };
    const formI18n = withContactErrors(i18n, numbers);
    const labels = { subject: t('expertProfile.contact.subject'), message: t('expertProfile.contact.message') };
    body = (
      <MessageForm
        i18n={formI18n}
        csrfToken={csrfToken}
        action={`${pageUrl}/contact`}
        errors={errors}
        values={values}
        intro={<p>{t('expertProfile.contact.recipient', { name })}</p>}
        texts={{
          subject: labels.subject,
          message: labels.message,
          hint: t('expertProfile.contact.messageHint', { min: EXPERT_MESSAGE_MIN, max: EXPERT_MESSAGE_MAX }),
          privacy: t('expertProfile.contact.privacy'),
          send: t('expertProfile.contact.send'),
        }}
        limits={{ subjectMax: EXPERT_SUBJECT_MAX, messageMax: EXPERT_MESSAGE_MAX }}
      />
    );
  }
  return (
    <section id="contact" class="practice-contact expert-contact" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('expertProfile.contact.title')}</h2>
      {props.sent ? (
        <p class="notice" role="status">
          {t('expertProfile.contact.sent')}
        </p>
      ) : null}
      {body}
    </section>
  );
}

/** For editors: that contact happened, how often and when; never who wrote or what. */
export function ExpertContactLogView({ i18n, log }: { i18n: I18n; log: ExpertContactLog | undefined }) {
  if (!log) return null;
  const { t } = i18n;
  return (
    <section aria-labelledby="contact-log-title" class="expert-contact-log">
      <h2 id="contact-log-title">{t('expertProfile.contactLog.title')}</h2>
      <p>{t('expertProfile.contactLog.count', { count: log.count })}</p>
      {log.latest.length ? (
        <>
          <p>{t('expertProfile.contactLog.latest')}</p>
          <ul>
            {log.latest.map((at) => (
              <li>
                <time datetime={at.toISOString()}>{i18n.formatDateTime(at)}</time>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="hint">{t('expertProfile.contactLog.note')}</p>
    </section>
  );
}
