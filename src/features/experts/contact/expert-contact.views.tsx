import { type ContactFormState, ContactSection, type ContactViewer } from '../../../core/mail/contact-section.views.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { ExpertContactLog, ExpertContactState } from './expert-contact.service.ts';

export type { ContactViewer };
export type ExpertContactFormState = ContactFormState;

export type ExpertContactProps = {
  i18n: I18n;
  csrfToken: string;
  slug: string;
  name: string;
  viewer: ContactViewer;
  state: ExpertContactState;
  sent?: boolean;
  form?: ContactFormState;
};

/** Why nobody can write here, said instead of the form; null while the expert may be written to. */
function closedReason(i18n: I18n, state: ExpertContactState, name: string): string | null {
  const { t } = i18n;
  switch (state.kind) {
    case 'self':
      return t(state.enabled ? 'expertProfile.contact.selfOn' : 'expertProfile.contact.selfOff');
    case 'off':
    case 'unavailable':
      return t(`expertProfile.contact.${state.kind}`, { name });
    case 'open':
      return null;
  }
}

/** The contact section of an expert's page: the form for verified members, a way there or a reason for everyone else. */
export function ExpertContact(props: ExpertContactProps) {
  const { i18n, name } = props;
  const reason = closedReason(i18n, props.state, name);
  return (
    <ContactSection
      i18n={i18n}
      csrfToken={props.csrfToken}
      pageUrl={`/${i18n.locale}/experts/${props.slug}`}
      viewer={props.viewer}
      texts="expertProfile.contact"
      values={{ name }}
      class="practice-contact expert-contact"
      state={reason === null ? { open: true } : { open: false, reason }}
      intro={<p>{i18n.t('expertProfile.contact.recipient', { name })}</p>}
      sent={props.sent}
      form={props.form}
    />
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
