import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/context.ts';
import { cleanFormBody } from '../../platform/ui/forms.tsx';

// What every form of the module reads its fields through.

/** The posted form, its text cleaned; a body that is not a readable form is the client's error (400), not ours. */
export async function readFormBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

/** A field that should come once: its first value if it came twice (a hand-made request), '' if none. */
export const firstString = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
