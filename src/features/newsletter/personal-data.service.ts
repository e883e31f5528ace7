import { getAccount } from '../../core/accounts/accounts.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './subscribers/subscribers.queries.ts';

// A subscriber is an address, not an account: a member's subscription is the one with their account's
// address (read before the account is anonymised). Editions refer to the member who created them.

/**
 * The subscription of the account's address, only once the account has proved it owns that address:
 * export and deletion are open to unverified accounts, and anyone can register with someone else's address.
 */
async function subscriberOfAccount(trx: Database, userId: number) {
  const account = await getAccount(trx, userId);
  if (!account?.email || !account.emailVerified) return undefined;
  return q.findSubscriberByEmail(trx, account.email);
}

export const newsletterPersonalData: PersonalDataHooks = {
  tables: ['newsletter_editions'],
  exportData: async (trx, userId) => {
    const subscriber = await subscriberOfAccount(trx, userId);
    const deliveries = subscriber ? await q.listDeliveriesOfSubscriber(trx, subscriber.id) : [];
    const editions = await q.listEditionsCreatedBy(trx, userId);
    return {
      newsletterSubscription: subscriber
        ? {
            email: subscriber.email,
            status: subscriber.status,
            language: subscriber.locale,
            themes: subscriber.themes,
            regions: subscriber.regions,
            source: subscriber.source,
            consentedAt: subscriber.consented_at,
            consentVersion: subscriber.consent_version,
            subscribedAt: subscriber.created_at,
            confirmedAt: subscriber.confirmed_at,
            pausedAt: subscriber.paused_at,
            unsubscribedAt: subscriber.unsubscribed_at,
            bouncedAt: subscriber.bounced_at,
            editionsDelivered: deliveries.map((d) => ({ number: d.number, status: d.status, language: d.locale, sentAt: d.sent_at })),
          }
        : null,
      newsletterEditionsCreated: editions.map((e) => ({
        number: e.number,
        date: e.edition_date,
        status: e.status,
        createdAt: e.created_at,
      })),
    };
  },
  eraseData: async (trx, userId) => {
    const subscriber = await subscriberOfAccount(trx, userId);
    // The subscription goes with the account (its deliveries cascade); editions stay, without their creator.
    if (subscriber) await q.deleteSubscriber(trx, subscriber.id);
    await q.clearEditionCreator(trx, userId);
  },
};
