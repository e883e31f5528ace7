import { z } from 'zod';
import { lenientQuery, pageParam, single, slugParam } from '../../platform/http/query-params.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { isCalendarDay } from '../../platform/lib/time-zones.ts';
import { cleanFormText } from '../../platform/ui/forms.tsx';
import { lineField } from '../../platform/ui/line-field.ts';
import { extractProviderId, parseDuration } from './videos.model.ts';

// Forms of videos: the gallery's query string (lenient) and the editors' form (strict, with message
// keys under `forms.errors.`). The limits are the database's (migration 0015).

export const VIDEO_PAGE_SIZE = 12;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5_000;
export const TRANSCRIPT_MAX = 100_000;

export const videoParams = lenientQuery({
  theme: single(slugParam, ''),
  region: single(slugParam, ''),
  series: single(slugParam, ''),
  year: single(z.coerce.number().int().min(1990).max(2100), 0),
  page: pageParam,
});
export type VideoParams = ReturnType<typeof videoParams.parse>;

const block = (max: number) => z.preprocess((v) => (typeof v === 'string' ? cleanFormText(v).trim() : ''), z.string().max(max, 'tooLong'));
const list = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
  z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'invalid')).max(20, 'tooMany'),
);

export const isoDay = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : ''),
  z
    .string()
    .min(1, 'required')
    .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'invalid')
    .refine(isCalendarDay, 'invalid'),
);

/** One language's texts and the recording's facts; the provider's id may be pasted as an address. */
export const videoForm = z
  .object({
    lang: z.enum(LOCALES),
    status: z.enum(['draft', 'published']).catch('draft'),
    title: lineField(TITLE_MAX, { required: true }),
    description: block(DESCRIPTION_MAX),
    transcript: block(TRANSCRIPT_MAX),
    provider: z.enum(['youtube', 'vimeo', 'file'], { error: 'required' }),
    providerId: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(500, 'videoId')),
    duration: z.preprocess(
      (v) => (typeof v === 'string' ? v : ''),
      z.string().transform((v, ctx) => {
        const seconds = parseDuration(v);
        if (seconds === null) ctx.addIssue({ code: 'custom', message: v.trim() ? 'duration' : 'required' });
        return seconds ?? 0;
      }),
    ),
    recordedAt: isoDay,
    eventId: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.coerce.number().int().positive().max(2_147_483_647).nullable(),
    ),
    themes: list,
    regions: list,
  })
  .transform((f, ctx) => {
    if (f.provider === 'file') return { ...f, providerId: null };
    const id = extractProviderId(f.provider, f.providerId);
    if (!id) ctx.addIssue({ code: 'custom', path: ['providerId'], message: f.providerId ? 'videoId' : 'required' });
    return { ...f, providerId: id };
  });
export type VideoForm = z.output<typeof videoForm>;

/**
 * The provider's id checked on the typed values, beside the schema, so its message shows together with
 * any other problem of the form (the schema's own check runs only once every field parsed).
 */
export function providerIdProblem(body: Record<string, unknown>): Record<string, string> {
  const provider = body.provider;
  if (provider !== 'youtube' && provider !== 'vimeo') return {};
  const typed = typeof body.providerId === 'string' ? body.providerId.trim() : '';
  if (!typed) return { providerId: 'required' };
  return extractProviderId(provider, typed) ? {} : { providerId: 'videoId' };
}
