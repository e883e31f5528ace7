import { z } from 'zod';
import { cleanFormText } from '../../../platform/ui/forms.tsx';
import { lineField } from '../../../platform/ui/line-field.ts';

// The editors' message to an event's participants. Messages are keys under `forms.errors.`.

export const messageForm = z.object({
  subject: lineField(200, { required: true }),
  message: z.preprocess((v) => (typeof v === 'string' ? cleanFormText(v).trim() : ''), z.string().min(1, 'required').max(5000, 'tooLong')),
  includeWaitlist: z.preprocess((v) => v === 'yes', z.boolean()),
});
