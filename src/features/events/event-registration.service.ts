import { findReachableMember } from '../../core/accounts/members.service.ts';
import { findOrAddCity } from '../../core/cities/cities.service.ts';
import { queueMail } from '../../core/mail/mail.service.ts';
import { renderNoticeMail } from '../../core/mail/notice.templates.tsx';
import { consumeRateLimits } from '../../core/rate-limits/rate-limits.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { renderCalendar } from '../../platform/lib/ical.ts';
import type { RateLimitRule } from '../../platform/module.ts';
import * as q from './event-registration.queries.ts';
import type { RegistrationAnswers } from './events.table.ts';

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

/** Whether registration is open at `now`: published, not over, inside the window (which ends at the start by default). */
export function registrationState(e: q.LockedEvent, now: Date): 'open' | 'not-open' | 'closed' | 'over' | 'not-taking' {
  if (e.status !== 'published') return 'not-taking';
  if (now >= e.ends_at) return 'over';
  if (e.registration_opens_at && now < e.registration_opens_at) return 'not-open';
  if (now >= (e.registration_closes_at ?? e.starts_at)) return 'closed';
  return 'open';
}

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
    const limit = await consumeRateLimits(trx, [{ rule: REGISTRATION_LIMITS.eventRegistrationPerMember, subject: String(user.id) }]);
    if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limit.retryAfter };
    const full = event.capacity !== null && (await q.countRegistered(trx, eventId)) >= event.capacity;
    const status = full ? 'waitlisted' : 'registered';
    const cityId = input.city && input.country ? await findOrAddCity(trx, input.country, input.city) : null;
    await q.upsertRegistration(trx, eventId, user.id, { status, cityId, countryCode: input.country || null, answers: input.answers });
    await mailParticipant(trx, ctx, eventId, user.id, status === 'registered' ? 'confirmed' : 'waitlisted');
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
      await q.upsertRegistration(trx, eventId, p.userId, { status, cityId: p.cityId, countryCode: p.countryCode, answers: {} });
      await mailParticipant(trx, ctx, eventId, p.userId, status === 'registered' ? 'confirmed' : 'waitlisted');
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
    const limit = await consumeRateLimits(trx, [{ rule: REGISTRATION_LIMITS.eventRegistrationPerMember, subject: String(user.id) }]);
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
  for (const userId of people) await mailParticipant(trx, ctx, eventId, userId, change);
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

type ParticipantMail = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled' | 'reminder' | 'changed' | 'called-off';

/** Queues the mail for one participant, in their language; confirmations carry the calendar invitation. */
async function mailParticipant(
  trx: Database,
  ctx: RegistrationContext,
  eventId: number,
  userId: number,
  kind: ParticipantMail,
): Promise<void> {
  const { baseUrl } = ctx;
  const member = await findReachableMember(trx, userId);
  if (!member) return;
  const locale: Locale = isLocale(member.locale) ? member.locale : 'en';
  const event = await q.findEventForMail(trx, eventId, locale);
  if (!event) return;
  const i18n = getI18n(locale);
  const { t } = i18n;
  const link = `${baseUrl}/${locale}/events/${event.slug}`;
  const when = i18n.formatPeriodInZone(event.starts_at, event.ends_at, event.time_zone);
  const where = [event.venue, event.city_name].filter(Boolean).join(', ');
  const joins =
    (kind === 'confirmed' || kind === 'promoted' || kind === 'reminder' || kind === 'changed') &&
    event.join_url &&
    event.format !== 'in-person';
  const paragraphs = [
    t(`events.mail.${kind}.body`, { title: event.title }),
    t('events.mail.when', { when }),
    ...(where && event.format !== 'virtual' ? [t('events.mail.where', { where })] : []),
    ...(joins ? [t('events.mail.join', { url: event.join_url ?? '' })] : []),
  ];
  const mail = renderNoticeMail(locale, {
    subject: t(`events.mail.${kind}.subject`, { title: event.title }),
    name: member.name,
    paragraphs,
    link,
    action: t('events.mail.open'),
    footer: t('events.mail.footer'),
  });
  const invitation = kind === 'confirmed' || kind === 'promoted' || kind === 'cancelled' || kind === 'changed' || kind === 'called-off';
  const cancels = kind === 'cancelled' || kind === 'called-off';
  await queueMail(trx, {
    to: member.email,
    ...mail,
    ...(invitation
      ? {
          calendar: {
            method: cancels ? 'CANCEL' : 'REQUEST',
            content: renderCalendar({
              name: event.title,
              method: cancels ? 'CANCEL' : 'REQUEST',
              organizer: { name: t('events.mail.organizer'), email: addressOf(ctx.mailFrom) },
              attendee: { name: member.name, email: member.email },
              events: [
                {
                  uid: `event-${event.id}@${new URL(baseUrl).hostname}`,
                  url: link,
                  title: event.title,
                  description: [event.summary, joins ? event.join_url : ''].filter(Boolean).join('\n\n'),
                  location: event.format === 'virtual' ? (joins ? (event.join_url ?? '') : '') : where,
                  startsAt: event.starts_at,
                  endsAt: event.ends_at,
                  updatedAt: event.updated_at,
                  status: cancels ? 'CANCELLED' : 'CONFIRMED',
                  sequence: event.sequence,
                },
              ],
            }),
          },
        }
      : {}),
  });
}

/** The address in a mailbox header value ("Peerpolis <events@example.org>" → "events@example.org"). */
function addressOf(mailbox: string): string {
  return /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
}
