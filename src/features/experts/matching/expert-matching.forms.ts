import { z } from 'zod';
import { AVAILABILITY } from '../experts.table.ts';

// A matching request: the API's body, the page's form and a saved request's stored conditions.

export const matchInput = z.object({
  challenge: z.string().trim().max(5000).default(''),
  themes: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
    .max(10)
    .default([]),
  topics: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
    .max(30)
    .default([]),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/))
    .max(10)
    .default([]),
  region: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .nullable()
    .optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase())
    .nullable()
    .optional(),
  availability: z.array(z.enum(AVAILABILITY)).max(4).default([]),
  limit: z.number().int().min(1).max(50).default(10),
});
export type MatchInput = z.infer<typeof matchInput>;

/** The matching form's fields; repeated checkboxes arrive as a string or a list. */
function parseMatchForm(body: Record<string, unknown>) {
  const many = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
  const one = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return matchInput.safeParse({
    challenge: typeof body.challenge === 'string' ? body.challenge : '',
    topics: many(body.topics),
    languages: many(body.languages),
    region: one(body.region),
    country: one(body.country),
    availability: many(body.availability),
    limit: 10,
  });
}

/** The posted form as a request; invalid details (an unknown region, a too long text) are dropped or cut, never an error page. */
export function readMatchForm(body: Record<string, unknown>): MatchInput {
  const parsed = parseMatchForm(body);
  return parsed.success ? parsed.data : matchInput.parse({ challenge: String(body.challenge ?? '').slice(0, 5000) });
}
