import { CONTACT_MESSAGE_LIMITS } from '../../../core/mail/contact-message.forms.ts';
import { type ContactFormState, withContactErrors } from '../../../core/mail/contact-section.views.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { Checkbox, SelectField, type SelectOption } from '../../../platform/ui/choice-fields.tsx';
import { MessageForm } from '../../../platform/ui/components/message-form.tsx';
import { TextField } from '../../../platform/ui/forms.tsx';
import { pickText } from '../network.model.ts';
import { OFFICE_CONTACT_NAME_MAX } from './office-contact.forms.ts';

export type OfficeContactPageProps = {
  i18n: I18n;
  csrfToken: string;
  /** `office`, the regions with a coordinator and the partners' contact persons, as options; never their addresses. */
  recipients: SelectOption[];
  /** A confirmed member writes under their account's name and address; anyone else says who they are. */
  member: { name: string } | null;
  sent: boolean;
  form: ContactFormState;
};

/** How a recipient is offered in the form. */
export function recipientLabel(i18n: I18n, recipient: { key: string; partner: Array<{ locale: string; name: string }> | null }): string {
  if (recipient.partner) return i18n.t('officeContact.to.partner', { partner: pickText(recipient.partner, i18n.locale)?.name ?? '' });
  return recipient.key === 'office'
    ? i18n.t('officeContact.to.office')
    : i18n.t('officeContact.to.coordinator', { region: i18n.t(`common.regions.${recipient.key}`) });
}

/** /<locale>/contact: writing to the network office or a regional coordinator, through the relay (no address shown). */
export function OfficeContactPage(props: OfficeContactPageProps) {
  const { i18n, form, member } = props;
  const { t, locale } = i18n;
  const { subjectMax, messageMin, messageMax } = CONTACT_MESSAGE_LIMITS;
  const { errors, values } = form;
  const wait = i18n.formatWait(form.retryAfterSeconds ?? 60);
  const formI18n = withContactErrors(i18n, 'officeContact', { min: messageMin, max: messageMax, subjectMax, wait });
  const labels: Record<string, string> = { to: t('officeContact.to.label') };
  if (!member)
    Object.assign(labels, { name: t('officeContact.name'), email: t('officeContact.email'), consent: t('officeContact.consentShort') });
  return (
    <>
      <h1>{t('officeContact.title')}</h1>
      <p class="lead">{t('officeContact.intro')}</p>
      <section id="contact" class="office-contact" aria-labelledby="contact-title">
        <h2 id="contact-title">{t('officeContact.formTitle')}</h2>
        {props.sent ? (
          <p class="notice" role="status">
            {t('officeContact.sent')}
          </p>
        ) : null}
        <MessageForm
          i18n={formI18n}
          csrfToken={props.csrfToken}
          action={`/${locale}/contact`}
          errors={errors}
          values={values}
          intro={<p>{member ? t('officeContact.asMember', { name: member.name }) : t('officeContact.asVisitor')}</p>}
          fields={{
            labels,
            before: (
              <>
                <SelectField
                  i18n={formI18n}
                  name="to"
                  label={labels.to ?? ''}
                  value={values.to || 'office'}
                  error={errors.to}
                  options={props.recipients}
                  required
                />
                {member ? null : (
                  <>
                    <TextField
                      i18n={formI18n}
                      name="name"
                      label={labels.name ?? ''}
                      value={values.name}
                      error={errors.name}
                      autocomplete="name"
                      maxlength={OFFICE_CONTACT_NAME_MAX}
                      required
                      dir="auto"
                    />
                    <TextField
                      i18n={formI18n}
                      name="email"
                      type="email"
                      label={labels.email ?? ''}
                      hint={t('officeContact.emailHint')}
                      value={values.email}
                      error={errors.email}
                      autocomplete="email"
                      maxlength={254}
                      required
                      dir="ltr"
                    />
                  </>
                )}
              </>
            ),
            after: member ? null : (
              <Checkbox
                i18n={formI18n}
                name="consent"
                id="field-consent"
                value="yes"
                checked={values.consent === 'yes'}
                error={errors.consent}
                label={t('officeContact.consent')}
                required
              />
            ),
          }}
          texts={{
            subject: t('officeContact.subject'),
            message: t('officeContact.message'),
            hint: t('officeContact.messageHint', { min: messageMin, max: messageMax }),
            privacy: t(member ? 'officeContact.privacyMember' : 'officeContact.privacyVisitor'),
            send: t('officeContact.send'),
          }}
          limits={{ subjectMax, messageMax }}
        />
      </section>
      <p>
        <a href={`/${locale}/about#contact`}>{t('officeContact.postLink')}</a>
      </p>
    </>
  );
}

/** On the about page: the way to the contact form, for the office and for each regional coordinator. */
export function OfficeContactLinks({ i18n, coordinators }: { i18n: I18n; coordinators: string[] }) {
  const { t, locale } = i18n;
  return (
    <>
      <p>
        <a class="button" href={`/${locale}/contact`}>
          {t('officeContact.writeToOffice')}
        </a>
      </p>
      {coordinators.length ? (
        <section aria-labelledby="coordinators-title">
          <h3 id="coordinators-title">{t('officeContact.coordinatorsTitle')}</h3>
          <p>{t('officeContact.coordinatorsText')}</p>
          <ul>
            {coordinators.map((region) => (
              <li>
                <a href={`/${locale}/contact?to=${encodeURIComponent(region)}#contact`}>
                  {t('officeContact.writeToCoordinator', { region: t(`common.regions.${region}`) })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
