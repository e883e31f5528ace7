import { createHmac } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { deleteExpiredRateLimits, hitRateLimit } from './rate-limits.queries.ts';

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/** The limits on everything that checks passwords or sends mail (per IP and per account). */
export const RATE_LIMITS = {
  signInPerIp: { name: 'sign-in:ip', limit: 30, windowSeconds: 15 * 60 },
  signInPerAccount: { name: 'sign-in:account', limit: 10, windowSeconds: 15 * 60 },
  registerPerIp: { name: 'register:ip', limit: 10, windowSeconds: 60 * 60 },
  // Registering a known address mails its owner: limit per address too, so nobody can flood an inbox.
  registerPerAccount: { name: 'register:account', limit: 3, windowSeconds: 60 * 60 },
  resetPerIp: { name: 'reset:ip', limit: 10, windowSeconds: 60 * 60 },
  resetPerAccount: { name: 'reset:account', limit: 3, windowSeconds: 60 * 60 },
  resendPerAccount: { name: 'resend:account', limit: 3, windowSeconds: 60 * 60 },
  resendPerIp: { name: 'resend:ip', limit: 10, windowSeconds: 60 * 60 },
  // A practice's contact form mails a person: per sender (hour and day) and per recipient (the
  // editorial team counts as one), so neither one member nor many can flood an inbox.
  practiceContactPerSenderHour: { name: 'practice-contact:sender:hour', limit: 5, windowSeconds: 60 * 60 },
  practiceContactPerSenderDay: { name: 'practice-contact:sender:day', limit: 20, windowSeconds: 24 * 60 * 60 },
  practiceContactPerRecipient: { name: 'practice-contact:recipient', limit: 30, windowSeconds: 24 * 60 * 60 },
  // Each submission mails every editor: a member cannot flood the editorial team by submit/withdraw loops.
  practiceSubmitPerMember: { name: 'practice-submit:member', limit: 10, windowSeconds: 60 * 60 },
  // An expert's contact form mails the expert: per sender (hour and day) and per expert profile.
  expertContactPerSenderHour: { name: 'expert-contact:sender:hour', limit: 5, windowSeconds: 60 * 60 },
  expertContactPerSenderDay: { name: 'expert-contact:sender:day', limit: 20, windowSeconds: 24 * 60 * 60 },
  expertContactPerRecipient: { name: 'expert-contact:recipient', limit: 10, windowSeconds: 24 * 60 * 60 },
  // Registering and cancelling each mail the member (with an invitation): bounded per member.
  eventRegistrationPerMember: { name: 'event-registration:member', limit: 30, windowSeconds: 60 * 60 },
  // An editor's message goes to every participant of an event: a few per event and hour.
  eventMessagePerEvent: { name: 'event-message:event', limit: 5, windowSeconds: 60 * 60 },
  // Applying to a call (and changing or withdrawing) mails the applicant a receipt.
  callApplicationPerMember: { name: 'call-application:member', limit: 20, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfter: number };

/** Subjects (IP addresses, e-mail addresses) are stored only as keyed hashes. */
export function rateLimitSubject(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value.trim().toLowerCase()).digest('base64url').slice(0, 32);
}

/** Counts a hit against every rule; refused when any is over its limit, with the longest wait. */
export async function consumeRateLimits(db: Database, checks: Array<{ rule: RateLimitRule; subject: string }>): Promise<RateLimitOutcome> {
  let retryAfter = 0;
  for (const { rule, subject } of checks) {
    const { hits, resetIn } = await hitRateLimit(db, `${rule.name}:${subject}`, rule.windowSeconds);
    if (hits > rule.limit) retryAfter = Math.max(retryAfter, resetIn);
  }
  return retryAfter > 0 ? { allowed: false, retryAfter } : { allowed: true };
}

export function pruneRateLimits(db: Database) {
  return deleteExpiredRateLimits(db, 24 * 60 * 60);
}
