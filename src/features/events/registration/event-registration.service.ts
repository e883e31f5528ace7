import { findReachableMember } from '../../../core/accounts/members.service.ts';
import { findOrAddCity } from '../../../core/cities/cities.service.ts';
import { queueMail } from '../../../core/mail/mail.service.ts';
import { consumeRateLimits } from '../../../core/rate-limits/rate-limits.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import type { RegistrationAnswers } from '../events.table.ts';
import { registrationState } from './event-registration.model.ts';
import * as q from './event-registration.queries.ts';
import { type ParticipantMail, renderParticipantMail } from './event-registration.templates.ts';

/** Each registration and cancellation mails the member. */
export const REGISTRATION_LIMITS = {
  // Registering and cancelling each mail the member (with an invitation): bounded per member.
  eventRegistrationPerMember: { name: 'event-registration:member', limit: 30, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

// Registering for an event (ADR 008): one transaction per registration or cancellation, each holding the
// event's row lock, so the places taken are counted and taken without interleaving. Full means the
// waiting list, in arrival order; a cancellation promotes the next in line in the same transaction.
// Every change is mailed (the confirmation and the promotion with the event as a calendar invitation).

/** Where mail links point and who sends invitations (the platform's sender address, MAIL_FROM). */
export type RegistrationContext = { db: Database; baseUrl: string; mailFrom: string };

export type RegistrationInput = { city: string; country: string; answers: RegistrationAnswers };

export type RegisterOutcome =
  | { ok: true; status: 'registered' | 'waitlisted'; already: boolean }
  | { ok: false; reason: 'not-found' | 'not-open' | 'closed' | 'over' | 'not-taking' }
  | { ok: false; reason: 'rate-limited'; retryAfter: number };

export async function registerForEvent(
  ctx: RegistrationContext,
  user: CurrentUser,
  eventId: number,
  input: RegistrationInput,
  now = new Date(),
): Promise<RegisterOutcome> {
  return ctx.db.transaction().execute(async (trx): Promise<RegisterOutcome> => {
    const event = await q.lockEvent(trx, eventId);
    if (!event) return { ok: false, reason: 'not-found' };
    const existing = await q.findRegistration(trx, eventId, user.id);
    if (existing && existing.status !== 'cancelled') return { ok: true, status: existing.status, already: true };
    const state = registrationState(event, now);
    if (state !== 'open') return { ok: false, reason: state };
    const limit = await consumeRegistrationLimit(trx, user.id);
    if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limit.retryAfter };
    const full = event.capacity !== null && (await q.countRegistered(trx, eventId)) >= event.capacity;
    const status = full ? 'waitlisted' : 'registered';
    const cityId = input.city && input.country ? await findOrAddCity(trx, input.country, input.city) : null;
    await takePlace(trx, ctx, eventId, user.id, { status, cityId, countryCode: input.country || null, answers: input.answers });
    return { ok: true, status, already: false };
  });
}

/**
 * Registers people an editor has selected (accepted applicants of a call) for an event in one step:
 * outside the registration window, but never over capacity (the rest join the waiting list, in the
 * given order). People already registered or waiting are left as they are. Returns the counts.
 */
export async function enrolParticipants(
  ctx: RegistrationContext,
  eventId: number,
  people: Array<{ userId: number; cityId: number | null; countryCode: string | null }>,
): Promise<{ registered: number; waitlisted: number; already: number } | undefined> {
  return ctx.db.transaction().execute(async (trx) => {
    const event = await q.lockEvent(trx, eventId);
    if (event?.status !== 'published') return undefined;
    const counts = { registered: 0, waitlisted: 0, already: 0 };
    let taken = await q.countRegistered(trx, eventId);
    for (const p of people) {
      const existing = await q.findRegistration(trx, eventId, p.userId);
      if (existing && existing.status !== 'cancelled') {
        counts.already++;
        continue;
      }
      const status = event.capacity !== null && taken >= event.capacity ? 'waitlisted' : 'registered';
      if (status === 'registered') taken++;
      await takePlace(trx, ctx, eventId, p.userId, { status, cityId: p.cityId, countryCode: p.countryCode, answers: {} });
      counts[status]++;
    }
    return counts;
  });
}

export type CancelOutcome =
  | { ok: true; promoted: number }
  | { ok: false; reason: 'not-registered' | 'over' }
  | { ok: false; reason: 'rate-limited'; retryAfter: number };

/** Cancels the member's registration (or place on the waiting list) and fills any freed place in order. */
export async function cancelRegistration(
  ctx: RegistrationContext,
  user: CurrentUser,
  eventId: number,
  now = new Date(),
): Promise<CancelOutcome> {
  return ctx.db.transaction().execute(async (trx): Promise<CancelOutcome> => {
    const event = await q.lockEvent(trx, eventId);
    const existing = event ? await q.findRegistration(trx, eventId, user.id) : undefined;
    if (!event || !existing || existing.status === 'cancelled') return { ok: false, reason: 'not-registered' };
    if (now >= event.ends_at) return { ok: false, reason: 'over' };
    const limit = await consumeRegistrationLimit(trx, user.id);
    if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limit.retryAfter };
    await q.markCancelled(trx, existing.id);
    await mailParticipant(trx, ctx, eventId, user.id, 'cancelled');
    const promoted = existing.status === 'registered' ? await fillFreePlaces(trx, ctx, event) : 0;
    return { ok: true, promoted };
  });
}

/**
 * Tells everyone registered or waiting that the event changed (time, place or format: a new invitation
 * replaces the old one in their calendar) or was called off (cancelled or postponed: the invitation is
 * withdrawn). The caller runs it in the transaction that made the change.
 */
export async function notifyEventChange(
  trx: Database,
  ctx: RegistrationContext,
  eventId: number,
  change: 'changed' | 'called-off',
): Promise<number> {
  const people = await q.listActiveRegistrants(trx, eventId);
  for (const { userId, status } of people) {
    const kind = status === 'registered' ? change : change === 'changed' ? 'waitlist-changed' : 'waitlist-called-off';
    await mailParticipant(trx, ctx, eventId, userId, kind);
  }
  return people.length;
}

/** How long before the start participants are reminded (the worker looks every hour). */
export const REMINDER_BEFORE_MS = 24 * 3600_000;

/**
 * Reminds registered participants of events starting within a day, once each, in their language and
 * with the join link. Run by the worker's hourly housekeeping; returns how many were reminded.
 */
export async function sendEventReminders(ctx: RegistrationContext, now = new Date()): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const due = await q.claimDueReminders(trx, now, REMINDER_BEFORE_MS);
    for (const r of due) await mailParticipant(trx, ctx, r.event_id, r.user_id, 'reminder');
    return due.length;
  });
}

/**
 * After an editor or an import changed an event (more places, no limit, published again): the waiting
 * list moves up into the places that are now free, under the event's lock.
 */
export async function promoteAfterEventChange(trx: Database, ctx: RegistrationContext, eventId: number): Promise<number> {
  const event = await q.lockEvent(trx, eventId);
  return event ? fillFreePlaces(trx, ctx, event) : 0;
}

/**
 * Moves people from the waiting list to the freed places, first come first served, and tells them.
 * The caller holds the event's lock (a cancellation, or an editor raising the capacity).
 */
export async function fillFreePlaces(trx: Database, ctx: RegistrationContext, event: q.LockedEvent, now = new Date()): Promise<number> {
  if (event.status !== 'published' || now >= event.ends_at) return 0;
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - (await q.countRegistered(trx, event.id));
  const next = await q.firstWaitlisted(trx, event.id, Math.min(free, 1000));
  await q.markPromoted(
    trx,
    next.map((r) => r.id),
  );
  for (const r of next) await mailParticipant(trx, ctx, event.id, r.user_id, 'promoted');
  return next.length;
}

/** Every registration and cancellation by the member counts against their limit (each sends a mail). */
function consumeRegistrationLimit(trx: Database, userId: number) {
  return consumeRateLimits(trx, [{ rule: REGISTRATION_LIMITS.eventRegistrationPerMember, subject: String(userId) }]);
}

/** Writes a place or a place in the queue (new, or a cancelled one taken up again) and tells the member. */
async function takePlace(trx: Database, ctx: RegistrationContext, eventId: number, userId: number, w: q.RegistrationWrite): Promise<void> {
  await q.upsertRegistration(trx, eventId, userId, w);
  await mailParticipant(trx, ctx, eventId, userId, w.status === 'registered' ? 'confirmed' : 'waitlisted');
}

/** Queues the mail for one participant, in their language (nothing for an account that cannot receive mail). */
async function mailParticipant(
  trx: Database,
  ctx: RegistrationContext,
  eventId: number,
  userId: number,
  kind: ParticipantMail,
): Promise<void> {
  const member = await findReachableMember(trx, userId);
  if (!member) return;
  const locale: Locale = isLocale(member.locale) ? member.locale : 'en';
  const event = await q.findEventForMail(trx, eventId, locale);
  if (!event) return;
  await queueMail(trx, renderParticipantMail(locale, kind, member, event, ctx));
}
