import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

// Errors of the JSON API as RFC 9457 problem details (application/problem+json). A client that sent a
// bad request learns which parameter was wrong and why, in one answer, instead of a silently
// different result.

export const PROBLEM_JSON = 'application/problem+json';

export const invalidParamSchema = z.strictObject({
  name: z.string().meta({ description: 'The query parameter or body field (dotted path into the body), e.g. `sdg` or `themes.0`.' }),
  in: z.enum(['query', 'path', 'body']),
  reason: z.string().meta({ description: 'Why it was refused, in English.' }),
});
export type InvalidParam = z.output<typeof invalidParamSchema>;

export const problemSchema = z
  .strictObject({
    type: z.string().meta({ description: 'A URI reference naming the kind of problem; `about:blank` when the status says it all.' }),
    title: z.string().meta({ description: 'The HTTP status phrase.' }),
    status: z.int().min(400).max(599),
    detail: z.string().meta({ description: 'What went wrong in this request, in English.' }),
    'invalid-params': z.array(invalidParamSchema).optional().meta({ description: 'Each refused parameter with the reason.' }),
  })
  .meta({ description: 'Problem details (RFC 9457).' });
export type Problem = z.output<typeof problemSchema>;

/** Answers a problem: the status of the body, served as application/problem+json. */
export function problemResponse(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, { 'content-type': PROBLEM_JSON });
}

/** 400 Bad Request naming every refused parameter. */
export function badRequest(c: Context, invalid: InvalidParam[], detail = describeInvalid(invalid)): Response {
  return problemResponse(c, { type: 'about:blank', title: 'Bad Request', status: 400, detail, 'invalid-params': invalid });
}

function describeInvalid(invalid: InvalidParam[]): string {
  const names = [...new Set(invalid.map((p) => p.name))];
  const what = invalid.every((p) => p.in === 'body') ? ['field', 'fields'] : ['parameter', 'parameters'];
  if (names.length === 0) return 'The request is invalid.';
  return names.length === 1 ? `The ${what[0]} ${names[0]} is invalid.` : `The ${what[1]} ${names.join(', ')} are invalid.`;
}

/**
 * Zod's issues as invalid params. Query parameters are named by their key alone, body fields by their
 * dotted path; the reason quotes the value as sent (from `sent`, else the issue's input when zod
 * reported it).
 */
export function invalidParamsOf(issues: readonly z.core.$ZodIssue[], where: 'query' | 'body', sent?: unknown): InvalidParam[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const value = sent === undefined ? ('input' in issue ? issue.input : undefined) : valueAt(sent, path);
    // Query values are strings as sent (`"99"`), body values JSON as sent (`1000`).
    const quoted = ['string', 'number', 'boolean'].includes(typeof value)
      ? `${JSON.stringify(where === 'query' ? String(value) : value)}: `
      : '';
    const name = (where === 'query' ? path[0] : path.join('.')) || where;
    return { name, in: where, reason: `${quoted}${issue.message}` };
  });
}

function valueAt(value: unknown, path: string[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}
