import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** Where a page is offered: the About section's menu ('main'), the footer, or only the About page's list. */
export const PAGE_PLACEMENTS = ['main', 'footer', 'about'] as const;
export type PagePlacement = (typeof PAGE_PLACEMENTS)[number];
export const PAGE_STATUSES = ['draft', 'published'] as const;
export type NetworkStatus = (typeof PAGE_STATUSES)[number];

/** Pages a law asks for: their slugs are fixed, they are always published and cannot be deleted. */
export const RESERVED_SLUGS = ['imprint', 'privacy'] as const;
export const isReservedSlug = (slug: string) => (RESERVED_SLUGS as readonly string[]).includes(slug);

export type NetworkPagesTable = {
  id: GeneratedAlways<number>;
  external_id: string;
  slug: string;
  status: Generated<NetworkStatus>;
  placement: Generated<PagePlacement>;
  position: Generated<number>;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type NetworkPageTranslationsTable = {
  page_id: number;
  locale: string;
  title: string;
  body: Generated<string>;
  search: GeneratedAlways<string>;
};

export type NetworkPartnersTable = {
  id: GeneratedAlways<number>;
  external_id: string;
  slug: string;
  status: Generated<NetworkStatus>;
  position: Generated<number>;
  website_url: Generated<string>;
  logo_upload_id: number | null;
  contact_name: Generated<string>;
  contact_email: Generated<string>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type NetworkPartnerTranslationsTable = {
  partner_id: number;
  locale: string;
  name: string;
  description: Generated<string>;
  logo_alt: Generated<string>;
};

export type RegionalNetworksTable = {
  id: GeneratedAlways<number>;
  external_id: string;
  region_slug: string;
  status: Generated<NetworkStatus>;
  position: Generated<number>;
  coordinator_name: Generated<string>;
  coordinator_email: Generated<string>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type RegionalNetworkTranslationsTable = {
  regional_network_id: number;
  locale: string;
  name: string;
  description: Generated<string>;
  search: GeneratedAlways<string>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    network_pages: NetworkPagesTable;
    network_page_translations: NetworkPageTranslationsTable;
    network_partners: NetworkPartnersTable;
    network_partner_translations: NetworkPartnerTranslationsTable;
    regional_networks: RegionalNetworksTable;
    regional_network_translations: RegionalNetworkTranslationsTable;
  }
}
