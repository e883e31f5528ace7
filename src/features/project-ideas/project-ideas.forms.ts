import { z } from 'zod';
import { lenientQuery, pageParam, repeated, single, slugParam } from '../../platform/http/query-params.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { cleanFormText } from '../../platform/ui/forms.tsx';
import { lineField } from '../../platform/ui/line-field.ts';
import { PROJECT_STAGES } from './project-ideas.table.ts';

// Forms of project ideas: the public list's query string (lenient) and the editors' forms (strict, with
// message keys under `forms.errors.`).

export const PROJECT_IDEA_PAGE_SIZE = 20;

export const projectIdeaParams = lenientQuery({
  q: single(
    z.string().transform((v) => v.replaceAll('\u0000', '').trim().slice(0, 200)),
    '',
  ),
  stage: repeated(z.enum(PROJECT_STAGES)),
  theme: repeated(slugParam),
  region: repeated(slugParam),
  page: pageParam,
});
export type ProjectIdeaParams = ReturnType<typeof projectIdeaParams.parse>;

const line = (max: number, required = false) => lineField(max, { required });
const block = (max: number) => z.preprocess((v) => (typeof v === 'string' ? cleanFormText(v).trim() : ''), z.string().max(max, 'tooLong'));
const list = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
  z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(40),
);
const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined ? null : Number(v)),
  z.number().int().positive().nullable().catch(null),
);

export const TEXT_MAX = 10_000;

/** The idea itself: one language's texts per save (like the other editors), place, taxonomy, call, budget. */
export const projectIdeaForm = z.object({
  lang: z.enum(LOCALES),
  status: z.enum(['draft', 'published']).catch('draft'),
  title: line(300, true),
  summary: block(2000),
  challenge: block(TEXT_MAX),
  approach: block(TEXT_MAX),
  nextSteps: block(TEXT_MAX),
  city: line(200, true),
  country: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : ''), z.string().regex(/^[A-Z]{2}$/, 'required')),
  themes: list,
  topics: list,
  callId: optionalId,
  budget: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s.,'’]/g, '') : ''),
    z.union([
      z.literal('').transform(() => null),
      z.coerce.number({ error: 'invalid' }).int('invalid').min(0, 'invalid').max(1_000_000_000, 'invalid'),
    ]),
  ),
});
export type ProjectIdeaForm = z.infer<typeof projectIdeaForm>;

/**
 * A published idea must say what it is about; a draft may be incomplete. Checked on the typed values,
 * beside the schema, so these messages show together with any other problem of the form.
 */
export function publicationProblems(body: Record<string, unknown>): Record<string, string> {
  if (body.status !== 'published') return {};
  const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const problems: Record<string, string> = {};
  if (!filled(body.summary)) problems.summary = 'requiredToPublish';
  if (!filled(body.challenge)) problems.challenge = 'requiredToPublish';
  return problems;
}

const isoDay = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : ''),
  z
    .string()
    .min(1, 'required')
    .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'invalid')
    .refine((d) => {
      const date = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
    }, 'invalid'),
);

/** A step on the idea's path: the stage, the day it was reached, and a note for the record. */
export const stageForm = z.object({
  stage: z.enum(PROJECT_STAGES, { error: 'required' }),
  reachedOn: isoDay,
  note: block(2000),
});

/** A supporting expert: the profile's address or slug, and what they contribute. */
export const supportForm = z.object({
  expert: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z
      .string()
      .min(1, 'required')
      .max(500, 'tooLong')
      .transform(
        (s) =>
          s
            .replace(/[?#].*$/, '')
            .replace(/\/+$/, '')
            .split('/')
            .pop() ?? '',
      )
      .pipe(z.string().regex(/^[a-z0-9-]{1,100}$/, 'expertNotFound')),
  ),
  contribution: line(500),
});

export const workshopForm = z.object({ eventId: z.coerce.number().int().positive().max(2_147_483_647) });
export const removeExpertForm = z.object({ expertId: z.coerce.number().int().positive().max(2_147_483_647) });
export const removeDocumentForm = z.object({ uploadId: z.coerce.number().int().positive().max(2_147_483_647) });
export const documentTitle = line(200);
