import type { Availability, ExpertLink, ExpertPhoto, ExpertVisibility, LanguageLevel } from './experts.table.ts';

// The shape of an expert profile as the module hands it around: no I/O, so forms, views and the
// service can all name it without importing each other.

export type ExpertText = { locale: string; headline: string; bio: string };

/** An expert profile as pages show it (never an e-mail address: experts have none to show). */
export type ExpertProfile = {
  id: number;
  slug: string;
  userId: number | null;
  displayName: string;
  organisation: string;
  position: string;
  cityId: number | null;
  /** The city's common name and its names per locale (show with cityName). */
  city: { name: string; names: Record<string, string> } | null;
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
  languages: Array<{ code: string; level: LanguageLevel }>;
  themes: string[];
  topics: string[];
  /** Regions and countries the expert has worked in (not where they live). */
  experienceRegions: string[];
  experienceCountries: string[];
  translations: ExpertText[];
};
