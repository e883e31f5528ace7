import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { consumeRateLimits, rateLimitSubject } from '../../../core/rate-limits/rate-limits.service.ts';
import { clientIp } from '../../../platform/http/client-ip.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { badRequestResponse, componentSchemas, jsonResponse, type OpenApiPart, schemaRef } from '../../../platform/http/openapi.ts';
import { badRequest, invalidParamsOf, PROBLEM_JSON, problemResponse } from '../../../platform/http/problem.ts';
import { MAIL_EVENT_LIMITS, recordMailEvents } from './bounces.service.ts';
import { genericMailEvent, genericMailEvents } from './mail-events.forms.ts';
import { countMailEvents, parseMailEvents, presentedSecret, secretMatches } from './mail-events.model.ts';

// POST /api/v1/mail-events: bounce and complaint notifications from the mail provider (docs/newsletter.md).
// Authenticated by MAIL_EVENTS_SECRET; without it configured the endpoint does not exist. SNS
// signatures are not verified (that needs AWS's certificates fetched at run time): the secret in the
// subscription's URL authenticates SNS as it does the others. No address is logged or revealed: the
// answer counts what the request carried, not what it matched.

export const mailEventsAnswer = z.strictObject({
  received: z.int().min(0).meta({ description: 'Events in the request (a transient bounce counts, and changes nothing).' }),
  permanentBounces: z.int().min(0),
  transientBounces: z.int().min(0),
  complaints: z.int().min(0),
  note: z.string().optional().meta({ description: 'For an SNS SubscriptionConfirmation: what the operator must do.' }),
});

const SUBSCRIPTION_NOTE =
  'SNS subscription messages are not acted on: confirm the subscription in the AWS console (or open its SubscribeURL yourself). Peerpolis fetches no URL a request names.';

const problem = (status: 401 | 404 | 413 | 429, title: string, detail: string) => ({ type: 'about:blank', title, status, detail });

export const mailEventsApi = new Hono<AppEnv>().post(
  '/mail-events',
  // One notification is a few kilobytes; an array of 1,000 generic events well under this.
  bodyLimit({
    maxSize: 1024 * 1024,
    onError: (c) => problemResponse(c, problem(413, 'Content Too Large', 'The body is larger than 1 MB.')),
  }),
  async (c) => {
    const { config, db, secret: key } = c.var.deps;
    const secret = config.MAIL_EVENTS_SECRET;
    if (!secret) return problemResponse(c, problem(404, 'Not Found', 'Mail events are not enabled here (MAIL_EVENTS_SECRET is not set).'));
    const ip = rateLimitSubject(key, clientIp(c));
    const limit = await consumeRateLimits(db, [{ rule: MAIL_EVENT_LIMITS.mailEventsPerIp, subject: ip }]);
    if (!limit.allowed) {
      c.header('retry-after', String(limit.retryAfter));
      return problemResponse(c, problem(429, 'Too Many Requests', 'Too many requests from this address; try again later.'));
    }
    if (!secretMatches(presentedSecret(c.req.header('authorization'), c.req.query('secret')), secret)) {
      const failures = await consumeRateLimits(db, [{ rule: MAIL_EVENT_LIMITS.mailEventsFailedAuthPerIp, subject: ip }]);
      if (!failures.allowed) {
        c.header('retry-after', String(failures.retryAfter));
        return problemResponse(c, problem(429, 'Too Many Requests', 'Too many failed authentications from this address.'));
      }
      c.header('www-authenticate', 'Bearer realm="mail-events"');
      return problemResponse(c, problem(401, 'Unauthorized', 'The mail-events secret is missing or wrong.'));
    }
    let body: unknown;
    try {
      // SNS posts JSON as text/plain: the body is read as JSON whatever its content type says.
      body = JSON.parse(await c.req.text());
    } catch {
      return badRequest(c, [{ name: 'body', in: 'body', reason: 'not JSON' }], 'The request body is not JSON.');
    }
    const parsed = parseMailEvents(body);
    if (!parsed.ok) {
      const invalid = parsed.issues
        ? invalidParamsOf(parsed.issues, 'body', {})
        : [{ name: 'body', in: 'body' as const, reason: parsed.reason }];
      return badRequest(c, invalid, `The request body is ${parsed.reason}.`);
    }
    await recordMailEvents(db, parsed.events);
    c.header('cache-control', 'no-store');
    const answer: z.output<typeof mailEventsAnswer> = {
      ...countMailEvents(parsed.events),
      ...(parsed.format === 'sns-subscription' ? { note: SUBSCRIPTION_NOTE } : {}),
    };
    return c.json(answer);
  },
);

const problemContent = (description: string) => ({ description, content: { [PROBLEM_JSON]: { schema: schemaRef('Problem') } } });

/** This part of the OpenAPI document. */
export const mailEventsOpenApi: OpenApiPart = {
  paths: {
    '/mail-events': {
      post: {
        operationId: 'postMailEvents',
        security: [{ mailEventsBearer: [] }, { mailEventsBasic: [] }, { mailEventsQuery: [] }],
        summary: 'Bounce and complaint notifications from the mail provider (docs/newsletter.md)',
        description:
          'Accepts the generic shape below (one event or an array of up to 1,000), an Amazon SES notification delivered by SNS (the SNS message as sent, any content type), or a Postmark bounce or spam-complaint webhook. A permanent bounce marks the subscriber bounced, a complaint unsubscribes, a transient bounce changes nothing; unknown addresses are ignored without saying so. Authenticated by MAIL_EVENTS_SECRET as `Authorization: Bearer`, HTTP Basic (password) or `?secret=` (for SNS, which sends no custom headers; SNS signatures are not verified). Without MAIL_EVENTS_SECRET configured the endpoint answers 404.',
        requestBody: { required: true, content: { 'application/json': { schema: schemaRef('MailEvents') } } },
        responses: {
          200: jsonResponse('What the request carried, counted by kind (never which addresses were known).', 'MailEventsAnswer'),
          400: { ...badRequestResponse, description: 'Not JSON, or not one of the accepted shapes: problem details.' },
          401: problemContent('The secret is missing or wrong.'),
          404: problemContent('Mail events are not enabled (no MAIL_EVENTS_SECRET).'),
          429: problemContent('Too many requests, or too many failed authentications, from this address.'),
        },
      },
    },
  },
  securitySchemes: {
    mailEventsBearer: { type: 'http', scheme: 'bearer', description: 'MAIL_EVENTS_SECRET' },
    mailEventsBasic: { type: 'http', scheme: 'basic', description: 'Any user name, MAIL_EVENTS_SECRET as the password (Postmark)' },
    mailEventsQuery: {
      type: 'apiKey',
      in: 'query',
      name: 'secret',
      description: 'MAIL_EVENTS_SECRET (SNS, which sends no custom headers)',
    },
  },
  schemas: {
    ...componentSchemas({ MailEventsAnswer: mailEventsAnswer }),
    ...componentSchemas({ MailEvent: genericMailEvent, MailEvents: genericMailEvents }, 'input'),
  },
};
