import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.ts';
import type { NetworkStatus, PagePlacement } from './network.table.ts';

// The network's records as the module works with them: each with all its texts, one per language.

export type PageText = { locale: Locale; title: string; body: string };
export type NetworkPage = {
  id: number;
  externalId: string;
  slug: string;
  status: NetworkStatus;
  placement: PagePlacement;
  position: number;
  updatedAt: Date;
  texts: PageText[];
};

export type PartnerText = { locale: Locale; name: string; description: string; logoAlt: string };
export type Partner = {
  id: number;
  externalId: string;
  slug: string;
  status: NetworkStatus;
  position: number;
  websiteUrl: string;
  logo: { uploadId: number; sha256: string } | null;
  contactName: string;
  /** Only for the relay and the editors: never put on a page. */
  contactEmail: string;
  texts: PartnerText[];
};

export type RegionalNetworkText = { locale: Locale; name: string; description: string };
export type RegionalNetwork = {
  id: number;
  externalId: string;
  regionSlug: string;
  status: NetworkStatus;
  position: number;
  coordinatorName: string;
  /** Only for the relay and the editors: never put on a page. */
  coordinatorEmail: string;
  updatedAt: Date;
  texts: RegionalNetworkText[];
};

/** The text to show: the reader's language, else English, else the first written (stable by locale). */
export function pickText<T extends { locale: string }>(texts: T[], locale: string): T | undefined {
  return (
    texts.find((t) => t.locale === locale) ??
    texts.find((t) => t.locale === DEFAULT_LOCALE) ??
    [...texts].sort((a, b) => a.locale.localeCompare(b.locale))[0]
  );
}

/**
 * Where a page is read: the imprint and privacy notice at the top level, the `about` page as the About
 * section's own text (/about; /about/about only redirects there), the others in the About section.
 */
export function pagePath(slug: string): string {
  if (slug === 'about') return '/about';
  return slug === 'imprint' || slug === 'privacy' ? `/${slug}` : `/about/${slug}`;
}

export const regionPath = (regionSlug: string) => `/about/regions/${regionSlug}`;

/** The relay's recipient key of a partner's contact person (regions use their slug, the office `office`). */
export const partnerRecipientKey = (slug: string) => `partner-${slug}`;
