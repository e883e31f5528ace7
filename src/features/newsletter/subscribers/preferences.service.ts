import { currentPrivacyNoticeVersion, type PrivacyNoticeVersionSource } from '../../../core/accounts/index.ts';
import type { Database } from '../../../platform/db/client.ts';
import { consentVersionWith } from '../newsletter.model.ts';
import * as q from './subscribers.queries.ts';
import { type PreferencesInput, TOKEN_PATTERN } from './subscription.forms.ts';
import { newSubscriberToken, type SubscriberView, viewOf } from './subscription.service.ts';

// What a subscriber changes about their subscription: through the preference page (their personal
// link), the one-click unsubscribe, or their account's section (the account's address).

export type SubscriptionChange =
  | { action: 'save'; preferences: PreferencesInput }
  | { action: 'pause' | 'resume' | 'unsubscribe' | 'delete' };

export type ChangeOutcome =
  | { ok: true; action: SubscriptionChange['action']; subscriber: SubscriberView | null }
  | { ok: false; reason: 'not-found' | 'not-subscribed' };

/** Applies one change to a locked row, in the caller's transaction. */
async function applyChange(trx: Database, row: q.SubscriberRow, change: SubscriptionChange): Promise<ChangeOutcome> {
  const now = new Date();
  if (change.action === 'delete') {
    // The person's own wish: the row and its deliveries go; nothing remains that names the address.
    await q.deleteSubscriber(trx, row.id);
    return { ok: true, action: 'delete', subscriber: null };
  }
  if (change.action === 'unsubscribe') {
    // Saying it twice (a second click, a mail client's retry) changes nothing and is no error.
    const updated =
      row.status === 'unsubscribed'
        ? row
        : await q.updateSubscriber(trx, row.id, { status: 'unsubscribed', unsubscribed_at: now, paused_at: null });
    return { ok: true, action: 'unsubscribe', subscriber: viewOf(updated ?? row) };
  }
  // Language, interests and pausing only mean something for a subscription that is on (or waiting for its confirmation).
  if (row.status !== 'confirmed' && row.status !== 'pending') return { ok: false, reason: 'not-subscribed' };
  const patch =
    change.action === 'save'
      ? { locale: change.preferences.locale, themes: change.preferences.themes, regions: change.preferences.regions }
      : { paused_at: change.action === 'pause' ? (row.paused_at ?? now) : null };
  const updated = await q.updateSubscriber(trx, row.id, patch);
  return { ok: true, action: change.action, subscriber: viewOf(updated ?? row) };
}

/** A change through a personal link (preference page, one-click unsubscribe). */
export async function changeSubscription(db: Database, token: string, change: SubscriptionChange): Promise<ChangeOutcome> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'not-found' };
  return db.transaction().execute(async (trx) => {
    const row = await q.findSubscriberByToken(trx, token);
    return row ? applyChange(trx, row, change) : { ok: false, reason: 'not-found' };
  });
}

/** The subscription of an account's address, if any (for the account page). */
export async function findSubscriptionOfAddress(db: Database, email: string): Promise<SubscriberView | null> {
  if (!email) return null;
  const row = await q.findSubscriberByEmail(db, email);
  return row ? viewOf(row) : null;
}

/** A change a signed-in member makes to the subscription of their account's address. */
export async function changeSubscriptionOfAddress(db: Database, email: string, change: SubscriptionChange): Promise<ChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await q.lockSubscriberByEmail(trx, email);
    return row ? applyChange(trx, row, change) : { ok: false, reason: 'not-found' };
  });
}

/**
 * A member subscribes their account's address from the account page. The address was verified when
 * the account was (only verified members reach this), so no confirmation mail is needed: the consent
 * they give here is recorded at once, with its time and version, and the subscription is confirmed.
 */
export async function subscribeAccountAddress(
  db: Database,
  email: string,
  preferences: PreferencesInput,
  noticeVersions: readonly PrivacyNoticeVersionSource[] = [],
): Promise<SubscriberView> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const consent = {
      status: 'confirmed' as const,
      confirmed_at: now,
      consented_at: now,
      consent_version: consentVersionWith(await currentPrivacyNoticeVersion(trx, noticeVersions)),
      paused_at: null,
    };
    const values = { locale: preferences.locale, themes: preferences.themes, regions: preferences.regions, ...consent };
    const existing = await q.lockSubscriberByEmail(trx, email);
    const row = existing
      ? await q.updateSubscriber(trx, existing.id, values)
      : ((await q.insertSubscriber(trx, { email: email.toLowerCase(), token: newSubscriberToken(), source: 'account', ...values })) ??
        (await q.lockSubscriberByEmail(trx, email).then((r) => (r ? q.updateSubscriber(trx, r.id, values) : undefined))));
    if (!row) throw new Error('subscriber vanished while subscribing');
    return viewOf(row);
  });
}
