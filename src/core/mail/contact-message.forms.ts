import { z } from 'zod';
import { cleanFormText } from '../../platform/ui/forms.tsx';
import { lineField } from '../../platform/ui/line-field.ts';

// A member's message to a person through the platform's relay (a practice's contact, an expert): the
// same form wherever it stands. Messages are keys under `<the section's texts>.errors.` in the catalogs.

export const CONTACT_MESSAGE_LIMITS = { subjectMax: 200, messageMin: 20, messageMax: 5000 } as const;
const { subjectMax, messageMin, messageMax } = CONTACT_MESSAGE_LIMITS;

// Browsers send line breaks as CRLF: counted as one character, as the textarea's maxlength does.
const text = (value: unknown) => (typeof value === 'string' ? cleanFormText(value).trim() : value);

export const contactMessageForm = z.object({
  // One line: a line break in a subject would end the mail header.
  subject: lineField(subjectMax, { tooLong: 'subjectTooLong' }),
  message: z.preprocess(
    text,
    z.string({ error: 'required' }).min(1, 'required').min(messageMin, 'messageTooShort').max(messageMax, 'messageTooLong'),
  ),
});
export type ContactMessage = z.infer<typeof contactMessageForm>;
