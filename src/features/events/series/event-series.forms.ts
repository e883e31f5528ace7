import { z } from 'zod';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { cleanFormText } from '../../../platform/ui/forms.tsx';

// The editors' form for a series or learning process: its title and summary in one language per save
// (like the event form), and for a series the period it runs. Messages are keys under `forms.errors.`.

const text = (v: unknown) => (typeof v === 'string' ? cleanFormText(v) : '');
/** A calendar day, or nothing. */
const day = z.preprocess(
  (v) => text(v).trim(),
  z.union([
    z.literal('').transform(() => null),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'invalid'),
  ]),
);

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const LINE_BREAKS_AND_CONTROLS = /[\s\u0000-\u001f\u007f]+/g;

export const eventGroupForm = z
  .object({
    lang: z.enum(LOCALES),
    // One line: line breaks and control characters never reach a title (it is shown in lists and mails).
    title: z.preprocess((v) => text(v).replace(LINE_BREAKS_AND_CONTROLS, ' ').trim(), z.string().min(1, 'required').max(300, 'tooLong')),
    summary: z.preprocess((v) => text(v).trim(), z.string().max(2000, 'tooLong')),
    startsOn: day,
    endsOn: day,
  })
  .refine((f) => !f.startsOn || !f.endsOn || f.endsOn >= f.startsOn, { path: ['endsOn'], message: 'endBeforeStart' });
export type EventGroupForm = z.infer<typeof eventGroupForm>;
