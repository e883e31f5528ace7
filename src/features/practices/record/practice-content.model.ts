import { z } from 'zod';
import type { TaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { PRACTICE_SECTIONS, type PracticeDocument, type PracticeImage, type ProjectState } from '../practices.table.ts';

// A revision's content: the whole record a member proposes, exactly as it would go online. Drafts may be
// incomplete (people save half-written texts); `missingForReview` says what a submission still needs.

export const MAX_DOCUMENTS = 10;
export const MAX_IMAGES = 12;

export type PracticeText = { title: string; summary: string } & Record<(typeof PRACTICE_SECTIONS)[number], string>;

export type PracticeContent = {
  city: string;
  country: string;
  themes: string[];
  topics: string[];
  sdgs: number[];
  startYear: number | null;
  endYear: number | null;
  projectState: ProjectState | null;
  partners: string[];
  links: Array<{ url: string; label: string }>;
  contact: { name: string; organisation: string; userId: number | null };
  translations: Partial<Record<Locale, PracticeText>>;
  documents: PracticeDocument[];
  images: PracticeImage[];
};

const text = z.string().max(20_000).catch('');
const storedText = z.object({
  title: z.string().max(300).catch(''),
  summary: z.string().max(2000).catch(''),
  ...Object.fromEntries(PRACTICE_SECTIONS.map((s) => [s, text])),
});

/** Reads stored content leniently: a revision written by an older version still opens. */
const storedContent = z.object({
  city: z.string().catch(''),
  country: z.string().catch(''),
  themes: z.array(z.string()).catch([]),
  topics: z.array(z.string()).catch([]),
  sdgs: z.array(z.number().int()).catch([]),
  startYear: z.number().int().nullable().catch(null),
  endYear: z.number().int().nullable().catch(null),
  projectState: z.enum(['ongoing', 'completed']).nullable().catch(null),
  partners: z.array(z.string()).catch([]),
  links: z.array(z.object({ url: z.string(), label: z.string() })).catch([]),
  contact: z
    .object({ name: z.string().catch(''), organisation: z.string().catch(''), userId: z.number().int().nullable().catch(null) })
    .catch({ name: '', organisation: '', userId: null }),
  translations: z.partialRecord(z.enum(LOCALES), storedText).catch({}),
  documents: z.array(z.object({ uploadId: z.number().int(), sha256: z.string(), title: z.string(), bytes: z.number().int() })).catch([]),
  images: z
    .array(z.object({ uploadId: z.number().int(), sha256: z.string(), alt: z.string(), width: z.number().int(), height: z.number().int() }))
    .catch([]),
});

export function readContent(value: unknown): PracticeContent {
  return storedContent.parse(value ?? {}) as PracticeContent;
}

export function emptyContent(): PracticeContent {
  return readContent({});
}

export function emptyText(): PracticeText {
  return { title: '', summary: '', challenge: '', approach: '', results: '', lessons: '', transfer: '', resources: '' };
}

/** The title in the reader's language, else English, else any language; '' when there is none yet. */
export function contentTitle(content: PracticeContent, locale: Locale): string {
  const t = content.translations;
  return (t[locale] ?? t.en ?? Object.values(t).find((x) => x?.title))?.title ?? '';
}

/** What review needs, as message keys under `practiceEditor.missing.`: city, country, a theme, texts. */
export function missingForReview(content: PracticeContent, index: TaxonomyIndex): string[] {
  const missing: string[] = [];
  if (!content.city.trim()) missing.push('city');
  if (!index.countries.has(content.country)) missing.push('country');
  if (themesWithTopics(content, index).themes.length === 0) missing.push('theme');
  const texts = Object.values(content.translations);
  if (texts.length === 0 || texts.some((t) => !t?.title.trim() || !t?.summary.trim())) missing.push('titleSummary');
  // Written for transfer: at least one language must say what the problem was, how, and what it takes.
  if (!texts.some((t) => t?.challenge.trim() && t?.approach.trim() && t?.transfer.trim())) missing.push('howToTransfer');
  return missing;
}

/** A topic implies its theme, so listing topics is enough; unknown slugs are dropped. */
export function themesWithTopics(content: PracticeContent, index: TaxonomyIndex): { themes: string[]; topics: string[] } {
  const topics = [...new Set(content.topics.filter((t) => index.themeOfTopic.has(t)))].sort();
  const themes = [
    ...new Set([...content.themes.filter((t) => index.themes.has(t)), ...topics.map((t) => index.themeOfTopic.get(t) as string)]),
  ].sort();
  return { themes, topics };
}

/** Completed when it ended in an earlier year; used where a source (the import format) does not say. */
export function inferProjectState(endYear: number | null | undefined, now = new Date()): ProjectState {
  return endYear && endYear < now.getUTCFullYear() ? 'completed' : 'ongoing';
}
