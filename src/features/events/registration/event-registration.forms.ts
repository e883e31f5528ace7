import { z } from 'zod';
import { cleanFormText } from '../../../platform/ui/forms.tsx';
import { lineField } from '../../../platform/ui/line-field.ts';

// The registration form. Messages are keys under `forms.errors.` (the shared ones) or
// `events.registration.errors.`. The questions an event does not ask are ignored, never stored.

const line = (max: number) => lineField(max);

export const registrationForm = z.object({
  city: lineField(200, { required: true }),
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
