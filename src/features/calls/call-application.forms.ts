import { z } from 'zod';
import { cleanFormText } from '../../platform/ui/forms.tsx';
import { lineField } from '../../platform/ui/line-field.ts';

// The application form. Messages are keys under `forms.errors.`; answers are read by position
// (answer-0, answer-1, …), one per question of the call.

const line = (max: number, required = false) => lineField(max, { required });
const block = (max: number, required = false) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? cleanFormText(v).trim() : ''),
    required ? z.string().min(1, 'required').max(max, 'tooLong') : z.string().max(max, 'tooLong'),
  );

export const APPLICATION_TEXT_MAX = 4000;

export const applicationForm = z.object({
  city: line(200, true),
  country: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : ''), z.string().regex(/^[A-Z]{2}$/, 'required')),
  organisation: line(300, true),
  proposal: block(APPLICATION_TEXT_MAX, true),
});

/** The answers to the call's questions, in order; each required when the question exists. */
export function readAnswers(body: Record<string, unknown>, questionCount: number): { answers: string[]; errors: Record<string, string> } {
  const answers: string[] = [];
  const errors: Record<string, string> = {};
  for (let i = 0; i < questionCount; i++) {
    const parsed = block(APPLICATION_TEXT_MAX, true).safeParse(body[`answer-${i}`]);
    if (parsed.success) answers.push(parsed.data);
    else {
      answers.push(typeof body[`answer-${i}`] === 'string' ? (body[`answer-${i}`] as string) : '');
      errors[`answer-${i}`] = parsed.error.issues[0]?.message ?? 'required';
    }
  }
  return { answers, errors };
}
