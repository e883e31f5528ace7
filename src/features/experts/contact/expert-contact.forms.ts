import { z } from 'zod';
import { cleanFormText } from '../../../platform/ui/forms.tsx';

// A member's message to an expert. Messages are keys under `expertProfile.contact.errors.`.
// Browsers send line breaks as CRLF: counted as one character, as the textarea's maxlength does.

export const EXPERT_SUBJECT_MAX = 200;
export const EXPERT_MESSAGE_MIN = 20;
export const EXPERT_MESSAGE_MAX = 5000;

const text = (value: unknown) => (typeof value === 'string' ? cleanFormText(value).trim() : value);

export const expertContactForm = z.object({
  // One line: a line break in a subject would end the mail header.
  subject: z.preprocess(
    (value) => (typeof value === 'string' ? cleanFormText(value).replace(/\s+/g, ' ').trim() : (value ?? '')),
    z.string({ error: 'invalid' }).max(EXPERT_SUBJECT_MAX, 'subjectTooLong'),
  ),
  message: z.preprocess(
    text,
    z.string({ error: 'required' }).min(1, 'required').min(EXPERT_MESSAGE_MIN, 'messageTooShort').max(EXPERT_MESSAGE_MAX, 'messageTooLong'),
  ),
});
export type ExpertContactForm = z.infer<typeof expertContactForm>;
