import { getAccount } from '../../core/accounts/accounts.service.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './subscribers/subscribers.queries.ts';

// A subscriber is an address, not an account: a member's subscription is the one with their account's
// address (read before the account is anonymised). Editions refer to the member who created them.

export const newsletterPersonalData: PersonalDataHooks = {
  tables: ['newsletter_editions'],
  exportData: async (trx, userId) => {
    const account = await getAccount(trx, userId);
    const subscriber = account?.email ? await q.findSubscriberByEmail(trx, account.email) : undefined;
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
    const account = await getAccount(trx, userId);
    const subscriber = account?.email ? await q.findSubscriberByEmail(trx, account.email) : undefined;
    // The subscription goes with the account (its deliveries cascade); editions stay, without their creator.
    if (subscriber) await q.deleteSubscriber(trx, subscriber.id);
    await q.clearEditionCreator(trx, userId);
  },
};
