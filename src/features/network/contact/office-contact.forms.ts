import { z } from 'zod';
import { contactMessageForm } from '../../../core/mail/contact-message.forms.ts';
import { lineField } from '../../../platform/ui/line-field.ts';

// The network office's contact form: the relay's subject and message, the recipient (the office or a
// regional coordinator), and for a visitor who is not a confirmed member, who writes and where the
// answer goes. Messages are keys under `officeContact.errors.`.

export const OFFICE_CONTACT_NAME_MAX = 120;

/** A posted message: name and address only from a visitor (a member's come from the account). */
export type OfficeContactMessage = { to: string; subject: string; message: string; name?: string; email?: string };

/** The form for these recipients (`office` or a region's slug); a visitor also gives a name, an address and consent. */
export function officeContactForm(recipients: string[], visitor: boolean): z.ZodType<OfficeContactMessage> {
  const to = z.preprocess(
    (value) => (typeof value === 'string' && value ? value : 'office'),
    z.string().refine((key) => recipients.includes(key), 'invalid'),
  );
  const member = contactMessageForm.extend({ to });
  if (!visitor) return member;
  return member.extend({
    name: lineField(OFFICE_CONTACT_NAME_MAX, { required: true }),
    email: z.preprocess(
      (value) => (typeof value === 'string' ? value.trim().toLowerCase() : ''),
      z.string().min(1, 'required').max(254, 'email').pipe(z.email('email')),
    ),
    // Storing nothing, but mailing the address to the office and a copy to it: the visitor agrees first.
    consent: z.literal('yes', { error: 'consentRequired' }),
  });
}
