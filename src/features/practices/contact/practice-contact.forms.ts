import { z } from 'zod';
import { cleanFormText } from '../../../platform/ui/forms.tsx';

export const CONTACT_SUBJECT_MAX = 200;
export const CONTACT_MESSAGE_MIN = 20;
export const CONTACT_MESSAGE_MAX = 5000;

// Messages are keys under `contact.errors.` in the catalogs.
// Browsers send line breaks as CRLF: counted as one character, as the textarea's maxlength does.
const text = (value: unknown) => (typeof value === 'string' ? cleanFormText(value).trim() : value);

export const practiceContactForm = z.object({
  // One line: a line break in a subject would end the mail header.
  subject: z.preprocess(
    (value) => (typeof value === 'string' ? cleanFormText(value).replace(/\s+/g, ' ').trim() : (value ?? '')),
    z.string({ error: 'invalid' }).max(CONTACT_SUBJECT_MAX, 'subjectTooLong'),
  ),
  message: z.preprocess(
    text,
    z
      .string({ error: 'required' })
      .min(1, 'required')
      .min(CONTACT_MESSAGE_MIN, 'messageTooShort')
      .max(CONTACT_MESSAGE_MAX, 'messageTooLong'),
  ),
});
export type PracticeContactForm = z.infer<typeof practiceContactForm>;
