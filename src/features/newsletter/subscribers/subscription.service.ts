import { randomBytes } from 'node:crypto';
import { currentPrivacyNoticeVersion, type PrivacyNoticeVersionSource } from '../../../core/accounts/index.ts';
import { queueMail } from '../../../core/mail/mail.service.ts';
import { consumeRateLimits, rateLimitSubject } from '../../../core/rate-limits/rate-limits.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import { consentVersionWith, PENDING_DAYS, subscriberLinks } from '../newsletter.model.ts';
import * as q from './subscribers.queries.ts';
import { type SubscribeInput, TOKEN_PATTERN } from './subscription.forms.ts';
import { renderAlreadySubscribedMail, renderConfirmationMail } from './subscription.templates.tsx';

/**
 * Every subscribe request mails the address (a confirmation, or "you are subscribed already"), so these
 * limits are what bounds mail to an address nobody has confirmed: per address, and per IP address so
 * one visitor cannot mail many addresses. Both subjects are stored only as keyed hashes.
 */
export const SUBSCRIPTION_LIMITS = {
  newsletterSubscribePerAddress: { name: 'newsletter-subscribe:address', limit: 3, windowSeconds: 60 * 60 },
  newsletterSubscribePerIp: { name: 'newsletter-subscribe:ip', limit: 20, windowSeconds: 60 * 60 },
  // Confirming: a person presses the button once or twice; a burst means a script walking tokens.
  newsletterConfirmPerAddress: { name: 'newsletter-confirm:address', limit: 10, windowSeconds: 60 * 60 },
  newsletterConfirmPerIp: { name: 'newsletter-confirm:ip', limit: 30, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export type SubscriptionContext = { db: Database; baseUrl: string; secret: string; ip: string };

/** A personal token: 32 random bytes, unguessable, one per subscriber (column `token`, unique). */
export function newSubscriberToken(): string {
  return randomBytes(32).toString('base64url');
}

export const localeOf = (value: string): Locale => (isLocale(value) ? value : 'en');

export type SubscribeResult = { ok: true } | { ok: false; reason: 'rate-limited'; retryAfter: number };

/**
 * A visitor asks for the newsletter. Whatever the address's state, the visitor is told the same ("check
 * your inbox") and the address gets one mail: the confirmation (new, pending, unsubscribed or bounced
 * addresses: a new consent is needed; the last two keep their status until it is given) or, when it is
 * confirmed already, a note to the owner with the preference link, so nobody learns from the form
 * whether an address subscribes. Nothing about the request is stored beyond the subscription itself
 * (no IP address).
 */
export async function subscribeToNewsletter(ctx: SubscriptionContext, input: SubscribeInput): Promise<SubscribeResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const limits = await consumeRateLimits(trx, [
      // rateLimitSubject lower-cases: case variants of one address share its limit.
      { rule: SUBSCRIPTION_LIMITS.newsletterSubscribePerAddress, subject: rateLimitSubject(ctx.secret, input.email) },
      { rule: SUBSCRIPTION_LIMITS.newsletterSubscribePerIp, subject: rateLimitSubject(ctx.secret, ctx.ip) },
    ]);
    if (!limits.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limits.retryAfter };
    const wished = { locale: input.locale, themes: input.themes, regions: input.regions, source: input.source };
    const now = new Date();
    let subscriber = await q.lockSubscriberByEmail(trx, input.email);
    if (!subscriber) {
      // Addresses are kept in lower case: the unique index ignores case, and mail systems do in practice.
      subscriber = await q.insertSubscriber(trx, {
        email: input.email.toLowerCase(),
        ...wished,
        token: newSubscriberToken(),
        confirmation_sent_at: now,
      });
      // Another request inserted the address a moment ago: answer as for an existing (pending) one.
      subscriber ??= await q.lockSubscriberByEmail(trx, input.email);
      if (!subscriber) throw new Error('subscriber vanished while subscribing');
    } else if (subscriber.status === 'confirmed') {
      const links = subscriberLinks(ctx.baseUrl, subscriber.locale, subscriber.token);
      await queueMail(trx, { to: subscriber.email, ...renderAlreadySubscribedMail(localeOf(subscriber.locale), links) });
      return { ok: true };
    } else {
      // The newest request's wishes. An unsubscribed or bounced address keeps its status (a form post is
      // no consent, and its record must outlive the pruning of pending requests) until the confirmation
      // mailed now is confirmed; a bounced mailbox may have been fixed, so it may ask again too.
      subscriber = await q.updateSubscriber(trx, subscriber.id, {
        ...wished,
        ...(subscriber.status === 'pending' ? { paused_at: null } : {}),
        confirmation_sent_at: now,
      });
      if (!subscriber) throw new Error('subscriber vanished while subscribing');
    }
    const links = subscriberLinks(ctx.baseUrl, subscriber.locale, subscriber.token);
    await queueMail(trx, { to: subscriber.email, ...renderConfirmationMail(localeOf(subscriber.locale), links) });
    return { ok: true };
  });
}

/** The public side of a subscriber, for the pages a token opens (never the address). */
export type SubscriberView = {
  token: string;
  status: q.SubscriberRow['status'];
  locale: Locale;
  themes: string[];
  regions: string[];
  paused: boolean;
  /** Its confirmation link confirms: pending, or asked again since it unsubscribed or bounced. */
  awaitingConfirmation: boolean;
};

/**
 * Pending, or an address that unsubscribed or bounced and asked for the newsletter again afterwards: a
 * confirmation link mailed before it left confirms nothing.
 */
export function awaitsConfirmation(row: q.SubscriberRow): boolean {
  if (row.status === 'pending') return true;
  const endedAt = row.status === 'unsubscribed' ? row.unsubscribed_at : row.status === 'bounced' ? row.bounced_at : null;
  return endedAt !== null && row.confirmation_sent_at !== null && row.confirmation_sent_at > endedAt;
}

export function viewOf(row: q.SubscriberRow): SubscriberView {
  return {
    token: row.token,
    status: row.status,
    awaitingConfirmation: awaitsConfirmation(row),
    locale: localeOf(row.locale),
    themes: row.themes ?? [],
    regions: row.regions ?? [],
    paused: row.paused_at !== null,
  };
}

/** The subscriber a personal link names, or null (an unknown or malformed token is nobody's). */
export async function findSubscriberOfToken(db: Database, token: string): Promise<SubscriberView | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await q.findSubscriberByToken(db, token);
  return row ? viewOf(row) : null;
}

export type ConfirmOutcome = 'confirmed' | 'already' | 'gone' | 'not-found';

/**
 * The Confirm button (a POST: mail scanners only follow links). Records the consent: when, and the
 * version of the text agreed to. A link of an address that has since unsubscribed or bounced confirms
 * nothing: that needs a new request and a new mail (see awaitsConfirmation).
 */
export async function confirmSubscription(
  db: Database,
  token: string,
  limits: { secret: string; ip: string },
  noticeVersions: readonly PrivacyNoticeVersionSource[] = [],
): Promise<{ outcome: ConfirmOutcome | 'rate-limited'; subscriber: SubscriberView | null; retryAfter?: number }> {
  if (!TOKEN_PATTERN.test(token)) return { outcome: 'not-found', subscriber: null };
  return db.transaction().execute(async (trx) => {
    const allowed = await consumeRateLimits(trx, [
      { rule: SUBSCRIPTION_LIMITS.newsletterConfirmPerAddress, subject: rateLimitSubject(limits.secret, `token:${token}`) },
      { rule: SUBSCRIPTION_LIMITS.newsletterConfirmPerIp, subject: rateLimitSubject(limits.secret, limits.ip) },
    ]);
    if (!allowed.allowed) return { outcome: 'rate-limited' as const, subscriber: null, retryAfter: allowed.retryAfter };
    const row = await q.findSubscriberByToken(trx, token);
    if (!row) return { outcome: 'not-found', subscriber: null };
    if (row.status === 'confirmed') return { outcome: 'already', subscriber: viewOf(row) };
    if (!awaitsConfirmation(row)) return { outcome: 'gone', subscriber: viewOf(row) };
    const now = new Date();
    const updated = await q.updateSubscriber(trx, row.id, {
      status: 'confirmed',
      confirmed_at: now,
      consented_at: now,
      consent_version: consentVersionWith(await currentPrivacyNoticeVersion(trx, noticeVersions)),
      paused_at: null,
    });
    return { outcome: 'confirmed', subscriber: viewOf(updated ?? row) };
  });
}

/** Housekeeping: a request nobody confirmed within PENDING_DAYS goes (the address was never the requester's to keep). */
export function deleteStalePendingSubscribers(db: Database): Promise<number> {
  return q.deleteStalePending(db, PENDING_DAYS);
}
