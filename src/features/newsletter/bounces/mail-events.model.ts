import type { z } from 'zod';

export { secretMatches } from '../../../platform/secret.ts';

import { genericMailEvents, postmarkEvent, sesNotification, snsEnvelope } from './mail-events.forms.ts';

// What a bounce or complaint notification means for a subscriber, whatever the provider's shape
// (no I/O). A permanent bounce: the address does not exist, it gets no more mail (`bounced`). A
// complaint ("this is spam"): the reader does not want it, unsubscribed. A transient bounce (full
// mailbox, greylisting) changes nothing: the next edition may well arrive.

export type MailEvent = { email: string; kind: 'permanent-bounce' | 'transient-bounce' | 'complaint' };

export type ParsedMailEvents =
  | { ok: true; format: 'generic' | 'ses' | 'postmark'; events: MailEvent[] }
  /** SNS asks to confirm the subscription (or says it ended): nothing to record. */
  | { ok: true; format: 'sns-subscription'; events: [] }
  | { ok: false; issues: readonly z.core.$ZodIssue[] | null; reason: string };

/** Postmark's bounce types whose address is gone for good. */
const POSTMARK_PERMANENT = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated']);
/** Postmark's types that mean the reader does not want the mail. */
const POSTMARK_COMPLAINT = new Set(['SpamComplaint', 'SpamNotification', 'Unsubscribe']);

/** `"Name" <a@b>` → `a@b`; SES passes addresses on as the sender wrote them. */
function bareAddress(value: string): string {
  const match = /<([^<>]+)>\s*$/.exec(value);
  return (match ? (match[1] as string) : value).trim();
}

function fromSes(message: z.output<typeof sesNotification>): MailEvent[] {
  const type = message.notificationType ?? message.eventType;
  if (type === 'Bounce' && message.bounce) {
    const kind = message.bounce.bounceType === 'Permanent' ? 'permanent-bounce' : 'transient-bounce';
    return message.bounce.bouncedRecipients.map((r) => ({ email: bareAddress(String(r.emailAddress)), kind }));
  }
  if (type === 'Complaint' && message.complaint) {
    return message.complaint.complainedRecipients.map((r) => ({ email: bareAddress(String(r.emailAddress)), kind: 'complaint' as const }));
  }
  // Deliveries, opens, rejects…: nothing to do (and nothing is tracked).
  return [];
}

/** Reads a body (already JSON-decoded) in whichever of the three shapes it has. */
export function parseMailEvents(body: unknown): ParsedMailEvents {
  const record = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (record && 'TopicArn' in record) {
    const sns = snsEnvelope.safeParse(body);
    if (!sns.success) return { ok: false, issues: sns.error.issues, reason: 'not an SNS message' };
    if (sns.data.Type !== 'Notification') return { ok: true, format: 'sns-subscription', events: [] };
    let message: unknown;
    try {
      message = JSON.parse(sns.data.Message ?? '');
    } catch {
      return { ok: false, issues: null, reason: 'the SNS Message is not JSON' };
    }
    const ses = sesNotification.safeParse(message);
    if (!ses.success) return { ok: false, issues: ses.error.issues, reason: 'the SNS Message is not an SES notification' };
    return { ok: true, format: 'ses', events: fromSes(ses.data) };
  }
  if (record && ('RecordType' in record || 'Email' in record)) {
    const postmark = postmarkEvent.safeParse(body);
    if (!postmark.success) return { ok: false, issues: postmark.error.issues, reason: 'not a Postmark webhook' };
    const { Type, Email } = postmark.data;
    const kind = POSTMARK_COMPLAINT.has(Type) ? 'complaint' : POSTMARK_PERMANENT.has(Type) ? 'permanent-bounce' : 'transient-bounce';
    return { ok: true, format: 'postmark', events: [{ email: bareAddress(Email), kind }] };
  }
  const generic = genericMailEvents.safeParse(body);
  if (!generic.success) return { ok: false, issues: generic.error.issues, reason: 'not a mail event' };
  const list = Array.isArray(generic.data) ? generic.data : [generic.data];
  return {
    ok: true,
    format: 'generic',
    events: list.map((e) => ({
      email: e.email,
      kind: e.type === 'complaint' ? 'complaint' : e.permanent ? 'permanent-bounce' : 'transient-bounce',
    })),
  };
}

/** What a request carried, by kind: the answer says this much and nothing about which addresses are known. */
export function countMailEvents(events: MailEvent[]) {
  const count = (kind: MailEvent['kind']) => events.filter((e) => e.kind === kind).length;
  return {
    received: events.length,
    permanentBounces: count('permanent-bounce'),
    transientBounces: count('transient-bounce'),
    complaints: count('complaint'),
  };
}

/**
 * The secret a request presents: `Authorization: Bearer …`, HTTP Basic (the password, or the user name
 * when there is no password: Postmark puts credentials in the webhook URL), or `?secret=` (SNS cannot
 * send headers of our choosing).
 */
export function presentedSecret(authorization: string | undefined, query: string | undefined): string | undefined {
  const [scheme, value] = (authorization ?? '').trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer' && value) return value;
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return decoded;
    return decoded.slice(colon + 1) || decoded.slice(0, colon);
  }
  return query || undefined;
}
