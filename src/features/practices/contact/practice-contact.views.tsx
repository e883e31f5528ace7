import { type ContactFormState, ContactSection, type ContactViewer } from '../../../core/mail/contact-section.views.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { ContactRecipient } from './practice-contact.service.ts';

export type { ContactFormState, ContactViewer };

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

/** The contact section of a practice page: who receives a message, and the form (or the way there). */
export function PracticeContact(props: PracticeContactProps) {
  const { i18n, recipient } = props;
  const isRecipient = (recipient.kind === 'contact' || recipient.kind === 'author') && recipient.isViewer;
  // Nobody to write to: the lead says so. The contact person reads that messages reach them instead.
  const state =
    recipient.kind === 'none'
      ? { open: false as const, reason: null }
      : isRecipient
        ? { open: false as const, reason: i18n.t('contact.self') }
        : { open: true as const };
  return (
    <ContactSection
      i18n={i18n}
      csrfToken={props.csrfToken}
      pageUrl={`/${i18n.locale}/practices/${props.slug}`}
      viewer={props.viewer}
      texts="contact"
      class="practice-contact"
      state={state}
      lead={isRecipient ? null : <RecipientText i18n={i18n} recipient={recipient} offlineContact={props.offlineContact} />}
      sent={props.sent}
      form={props.state}
    />
  );
}
