import { z } from 'zod';
import { cleanFormText } from '../../../platform/ui/forms.tsx';

// The registration form. Messages are keys under `forms.errors.` (the shared ones) or
// `events.registration.errors.`. The questions an event does not ask are ignored, never stored.

const line = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? cleanFormText(value).replace(/\s+/g, ' ').trim() : ''),
    z.string().max(max, 'tooLong'),
  );

export const registrationForm = z.object({
  city: z.preprocess(
    (value) => (typeof value === 'string' ? cleanFormText(value).replace(/\s+/g, ' ').trim() : ''),
    z.string().min(1, 'required').max(200, 'tooLong'),
  ),
  country: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() : ''),
    z.string().regex(/^[A-Z]{2}$/, 'required'),
  ),
  role: line(200),
  brings: z.preprocess((value) => (value === 'practice' || value === 'challenge' ? value : ''), z.enum(['practice', 'challenge', ''])),
  bringsText: z.preprocess((value) => (typeof value === 'string' ? cleanFormText(value).trim() : ''), z.string().max(2000, 'tooLong')),
  dietary: line(300),
});
export type RegistrationForm = z.infer<typeof registrationForm>;
