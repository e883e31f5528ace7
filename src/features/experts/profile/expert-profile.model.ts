import type { Selectable } from 'kysely';
import { DEFAULT_LOCALE, type Locale } from '../../../platform/i18n/locales.ts';
import type { Availability, ExpertLanguage, ExpertLink, ExpertPhoto, ExpertTranslationsTable, ExpertVisibility } from '../experts.table.ts';

// The shape of an expert profile as the module hands it around, and its small rules: no I/O, so forms,
// views and the services can all name it without importing each other.

/** Slugs that name pages under /experts/ rather than experts: never given to a profile. */
export const RESERVED_EXPERT_SLUGS: ReadonlySet<string> = new Set(['match', 'map']);

/** A profile's headline and bio in one language. */
export type ExpertText = Pick<Selectable<ExpertTranslationsTable>, 'locale' | 'headline' | 'bio'>;

/** An expert profile as pages show it (never an e-mail address: experts have none to show). */
export type ExpertProfile = {
  id: number;
  slug: string;
  userId: number | null;
  displayName: string;
  organisation: string;
  position: string;
  cityId: number | null;
  /** The city's common name and its names per locale (show with cityName); slug and country address its page. */
  city: { name: string; names: Record<string, string>; slug: string; country_code: string } | null;
  countryCode: string | null;
  /** Derived from the country, never chosen. */
  regionSlug: string | null;
  visibility: ExpertVisibility;
  yearsExperience: number | null;
  availability: Availability[];
  links: ExpertLink[];
  photo: ExpertPhoto | null;
  contactEnabled: boolean;
  listingConsentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  languages: ExpertLanguage[];
  themes: string[];
  topics: string[];
  /** Regions and countries the expert has worked in (not where they live). */
  experienceRegions: string[];
  experienceCountries: string[];
  translations: ExpertText[];
};

/** The text for a reader: their language, else English, else the first written (then show a FallbackNote). */
export function pickExpertText(translations: ExpertText[], locale: Locale): ExpertText | undefined {
  return (
    translations.find((t) => t.locale === locale) ??
    translations.find((t) => t.locale === DEFAULT_LOCALE) ??
    [...translations].sort((a, b) => a.locale.localeCompare(b.locale))[0]
  );
}
