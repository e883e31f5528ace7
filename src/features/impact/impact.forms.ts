import { z } from 'zod';
import { formErrors } from '../../platform/ui/forms.tsx';
import type { YearRange } from './impact.queries.ts';

// The impact page's date range: ?from=2019&to=2021, whole years, either end may stay open. Years,
// not days, because that is what the records hold (a practice has a start year, nothing finer).
// Messages are keys under `forms.errors.`.

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

const year = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null),
  z
    .string()
    .regex(/^\d{4}$/, 'year')
    .transform(Number)
    .pipe(z.number().min(YEAR_MIN, 'year').max(YEAR_MAX, 'year'))
    .nullable(),
);

export const rangeForm = z
  .object({ from: year.default(null), to: year.default(null) })
  // zod runs this even when a year did not read (then it is not a number): only two real years compare.
  .refine((r) => typeof r.from !== 'number' || typeof r.to !== 'number' || r.from <= r.to, { message: 'yearOrder', path: ['to'] });

export type RangeRead =
  | { ok: true; range: YearRange; values: { from: string; to: string } }
  | { ok: false; errors: Record<string, string>; values: { from: string; to: string } };

/** The range asked for in a query string, or the messages for it with what was typed. */
export function readRange(url: URL): RangeRead {
  const values = { from: (url.searchParams.get('from') ?? '').slice(0, 50), to: (url.searchParams.get('to') ?? '').slice(0, 50) };
  const parsed = rangeForm.safeParse(values);
  if (!parsed.success) return { ok: false, errors: formErrors(parsed.error), values };
  return { ok: true, range: parsed.data, values: { from: parsed.data.from?.toString() ?? '', to: parsed.data.to?.toString() ?? '' } };
}

/** `?from=…&to=…` for links that keep the range (empty when it is open at both ends). */
export function rangeQuery(range: YearRange): URLSearchParams {
  const query = new URLSearchParams();
  if (range.from !== null) query.set('from', String(range.from));
  if (range.to !== null) query.set('to', String(range.to));
  return query;
}
