import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { isTimeZone, wallClockToInstant } from '../../platform/lib/time-zones.ts';
import { cleanFormText } from '../../platform/ui/forms.tsx';
import { lineField } from '../../platform/ui/line-field.ts';
import { CALL_KINDS } from './calls.table.ts';

// The editors' call form: one language's texts per save (like the other editors), the deadline as a
// wall-clock time in a time zone, questions one per line. Messages are keys under `forms.errors.`.

const line = (max: number, required = false) => lineField(max, { required });
const block = (max: number) => z.preprocess((v) => (typeof v === 'string' ? cleanFormText(v).trim() : ''), z.string().max(max, 'tooLong'));

export const callEditorForm = z
  .object({
    lang: z.enum(LOCALES),
    kind: z.enum(CALL_KINDS, { error: 'required' }),
    status: z.enum(['draft', 'open', 'closed']).catch('draft'),
    title: line(300, true),
    summary: block(2000),
    eligibility: block(10000),
    questions: z.preprocess(
      (v) => (typeof v === 'string' ? cleanFormText(v) : ''),
      z
        .string()
        .max(5000, 'tooLong')
        .transform((s) =>
          s
            .split('\n')
            .map((q) => q.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.string().max(500, 'tooLong')).max(10, 'tooMany')),
    ),
    deadline: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid')),
    timeZone: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().refine(isTimeZone, 'invalid')),
    eventId: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().positive().nullable().catch(null)),
    perMunicipality: z.preprocess(
      (v) => (v === '' || v === undefined ? null : Number(v)),
      z.number({ error: 'invalid' }).int('invalid').min(1, 'invalid').max(100, 'invalid').nullable(),
    ),
  })
  .transform((f, ctx) => {
    const deadline = wallClockToInstant(f.deadline, f.timeZone);
    if (!deadline) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'invalid' });
      return z.NEVER;
    }
    return { ...f, deadlineAt: deadline };
  });
export type CallEditorForm = z.infer<typeof callEditorForm>;
