import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';

// The newsletter's words and rules (no I/O). See CONTEXT.md.

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export const EDITION_STATUSES = ['draft', 'ready', 'scheduled', 'sending', 'paused', 'cancelled', 'sent'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];
/** An edition in these states can still be changed by editors. */
export const EDITABLE_EDITION: EditionStatus[] = ['draft', 'ready', 'scheduled'];

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The four sections of every edition, in the order they are shown. */
export const SECTION_KINDS = ['review', 'insight', 'outlook', 'connect'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/**
 * The version of the consent text (catalog key subscription.consent) a subscriber agreed to. Raise it when
 * the text changes in substance: older consents stay on record with the version they were given under.
 */
export const CONSENT_VERSION = '2026-12';

/**
 * What a consent is stored with: the consent text's version and the version of the privacy notice the
 * form links to (core/accounts' `currentPrivacyNoticeVersion`), e.g. '2026-12; privacy notice 2026-12-05T10:00:00.000Z'.
 */
export const consentVersionWith = (privacyNoticeVersion: string) => `${CONSENT_VERSION}; privacy notice ${privacyNoticeVersion}`;

/** A subscriber who has not confirmed within this many days is deleted (the address was never theirs to keep). */
export const PENDING_DAYS = 30;

/**
 * Stands in for a subscriber's token in an edition rendered once per language; the sender puts each
 * reader's own token in its place. Letters only, so no escaping (HTML, URL, quoted-printable) changes it.
 */
export const TOKEN_SLOT = 'PEERPOLISSUBSCRIBERTOKEN';

/** The personal links of a subscriber (every mail carries them). The one-click unsubscribe is outside the locale: no CSRF, no session. */
export function subscriberLinks(baseUrl: string, locale: string, token: string) {
  return {
    confirm: `${baseUrl}/${locale}/newsletter/confirm/${token}`,
    preferences: `${baseUrl}/${locale}/newsletter/preferences/${token}`,
    unsubscribe: `${baseUrl}/newsletter/unsubscribe/${token}`,
  };
}

/** A reference to content of the platform: "<kind>:<externalId>" (kinds come from the item sources). */
export function parseItemRef(ref: string): { kind: string; externalId: string } | null {
  const match = /^([a-zA-Z][a-zA-Z0-9-]*):(.{1,200})$/.exec(ref);
  return match ? { kind: match[1] as string, externalId: match[2] as string } : null;
}

/** One item as the reader sees it, in one language. */
export type RenderedItem = {
  title: string;
  text: string;
  /** Absolute URL of the item's page (or a free item's link); null for a free item without link. */
  url: string | null;
  /** The language the text is in; differs from the reader's when it fell back to another. */
  locale: string;
  /** A short line under the title: a date, a place, a deadline (already in the reader's language). */
  meta?: string;
};

/** A suggestion for an edition's section, computed from what happened on the platform. */
export type ItemSuggestion = {
  section: SectionKind;
  ref: string;
  /** In the editor's language. */
  title: string;
  /** Why it is suggested, in the editor's language ("Held on 3 December", "Published on …"). */
  reason: string;
  /** When it happened: suggestions are listed newest first. */
  at: Date;
};

/**
 * A kind of platform content an edition can hold (events, practices, calls, project ideas, and later
 * news). Declared by the newsletter as the extension point `newsletterItemSources`; each content module
 * contributes its own, so the newsletter imports none of them.
 */
export type NewsletterItemSource = {
  /** The ref prefix: 'event', 'practice', 'call', 'projectIdea', … */
  kind: string;
  /** What happened in [since, until): events held, practices published…; and for the outlook what is open or coming. */
  suggest: (db: Database, window: { since: Date; until: Date }, locale: Locale) => Promise<ItemSuggestion[]>;
  /** The items by externalId in the reader's language (with fallback); unknown or unpublished ones are left out. */
  render: (db: Database, externalIds: string[], locale: Locale, baseUrl: string) => Promise<Map<string, RenderedItem>>;
  /** Which of these externalIds exist and may appear in an edition (for imports and the editor). */
  exists: (db: Database, externalIds: string[]) => Promise<Set<string>>;
};

/** The language a reader gets an edition in: theirs if the edition has it, else English, else its first language. */
export function editionLocaleFor(readerLocale: string, editionLocales: readonly string[]): string | null {
  if (editionLocales.includes(readerLocale)) return readerLocale;
  if (editionLocales.includes('en')) return 'en';
  return editionLocales[0] ?? null;
}
