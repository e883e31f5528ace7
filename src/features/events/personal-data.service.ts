import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './personal-data.queries.ts';
import * as reg from './registration/event-registration.queries.ts';
import { fillFreePlaces, type RegistrationContext } from './registration/event-registration.service.ts';

// The events' part of a member's data export and of account deletion.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const registrations = await q.listRegistrationsOfUser(trx, userId);
  return {
    eventRegistrations: registrations.map((r) => ({
      event: { slug: r.slug, title: r.title, startsAt: r.starts_at, endsAt: r.ends_at },
      status: r.status,
      comingFrom: { city: r.city_name, country: r.country_code },
      answers: r.answers,
      queuedAt: r.queued_at,
      registeredAt: r.registered_at,
      cancelledAt: r.cancelled_at,
      remindedAt: r.reminded_at,
      attended: r.attended,
    })),
  };
}

/**
 * Places at events still to come (or under way) are given up as a member's own cancellation gives them
 * up, so the next on the waiting list gets the place (and the mail saying so). Past registrations keep
 * their status: the events' figures (participants, municipalities, countries) count them, and they now
 * belong to the anonymous account. The answers to the events' questions go everywhere.
 */
async function eraseData(trx: Database, userId: number, ctx: { baseUrl: string; mailFrom: string }): Promise<void> {
  const now = new Date();
  for (const r of await q.listRegistrationsOfUser(trx, userId)) {
    if (r.status !== 'cancelled' && now < r.ends_at) await giveUpPlace(trx, { db: trx, ...ctx }, r.event_id, userId, now);
  }
  await q.eraseRegistrationAnswers(trx, userId);
}

/**
 * cancelRegistration's steps inside the deletion's transaction (cancelRegistration opens its own and
 * counts against the member's rate limit): under the event's lock, so the places counted cannot change
 * meanwhile, the registration is cancelled and a freed place filled from the waiting list in order.
 */
async function giveUpPlace(trx: Database, ctx: RegistrationContext, eventId: number, userId: number, now: Date): Promise<void> {
  const event = await reg.lockEvent(trx, eventId);
  // Read again under the lock: someone cancelling at the same moment may just have moved this member up.
  const registration = event ? await reg.findRegistration(trx, eventId, userId) : undefined;
  if (!event || !registration || registration.status === 'cancelled') return;
  await reg.markCancelled(trx, registration.id);
  // Only a place that was taken frees one (fillFreePlaces leaves events called off or over alone).
  if (registration.status === 'registered') await fillFreePlaces(trx, ctx, event, now);
}

export const eventsPersonalData: PersonalDataHooks = {
  tables: ['event_registrations'],
  exportData,
  eraseData,
};
