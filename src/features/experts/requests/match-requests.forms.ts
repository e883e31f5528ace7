import { z } from 'zod';
import { lineField } from '../../../platform/ui/line-field.ts';
import { type MatchInput, matchInput } from '../matching/expert-matching.forms.ts';

// The forms of editors' saved matching requests; the conditions themselves are the matching form's.

export const requestIdParam = z.coerce.number().int().min(1).max(2_147_483_647);
export const requestTitle = lineField(200, { required: true });
export const contactNoteForm = z.object({
  expertId: z.coerce.number().int().min(1).max(2_147_483_647),
  note: z.string().trim().max(500).catch(''),
});
/** The notices a redirect to a saved request may ask for (anything else in ?notice= is ignored). */
export const REQUEST_NOTICES: ReadonlySet<string> = new Set(['saved', 'noted', 'titleRequired']);

/** The stored conditions, read leniently: a request saved by an older version still opens. */
export function storedInput(value: unknown): MatchInput {
  const parsed = matchInput.safeParse(value ?? {});
  return parsed.success ? parsed.data : matchInput.parse({});
}
