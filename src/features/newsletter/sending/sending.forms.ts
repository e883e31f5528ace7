import { z } from 'zod';
import { isTimeZone, wallClockToInstant } from '../../../platform/lib/time-zones.ts';

// The sending page's inputs: the edition's number in the path, the schedule (a wall-clock time in a
// time zone, as editors think of it), and the count of uncertain deliveries the editor agreed to send.
// Messages are keys under newsletterSending.errors.

export const editionNumberParam = z.coerce.number().int().positive().max(1_000_000);

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export const scheduleForm = (now: Date) =>
  z
    .object({
      at: z.preprocess(trimmed, z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid')),
      timeZone: z.preprocess(trimmed, z.string().refine(isTimeZone, 'invalid')),
    })
    .transform((f, ctx) => {
      const at = wallClockToInstant(f.at, f.timeZone);
      if (!at) {
        ctx.addIssue({ code: 'custom', path: ['at'], message: 'invalid' });
        return z.NEVER;
      }
      if (at.getTime() <= now.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['at'], message: 'past' });
        return z.NEVER;
      }
      return { at, timeZone: f.timeZone };
    });

/** The number the editor saw on the button: if more became uncertain since, they are asked again. */
export const resendForm = z.object({ count: z.coerce.number().int().min(1) });
