import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { currentExpertIndex, type IndexedExpert } from './expert-index.ts';
import { pickMatchCandidates } from './expert-matching.candidates.ts';
import * as q from './expert-matching.queries.ts';
import { visibleLevels } from './expert-visibility.ts';
import { AVAILABILITY } from './experts.table.ts';

// Matching a city's challenge to experts: how the score is built and why is docs/matching.md. In short,
// each signal is a number in [0, 1] — shared words with the expert's texts (each language with its own
// stemming), wanted topics and themes (given, or recognised in the text in any language), experience in
// the wanted region or country, languages, availability — and the score is their weighted mean over the
// signals the request asks about. Names and ids never count.

export const matchInput = z.object({
  challenge: z.string().trim().max(5000).default(''),
  themes: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
    .max(10)
    .default([]),
  topics: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
    .max(30)
    .default([]),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/))
    .max(10)
    .default([]),
  region: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .nullable()
    .optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase())
    .nullable()
    .optional(),
  availability: z.array(z.enum(AVAILABILITY)).max(4).default([]),
  limit: z.number().int().min(1).max(50).default(10),
});
export type MatchInput = z.infer<typeof matchInput>;

export const WEIGHTS = { text: 0.35, topic: 0.3, theme: 0.05, place: 0.15, language: 0.1, availability: 0.05 } as const;
const LEVEL = { native: 1, fluent: 0.9, working: 0.6 } as Record<string, number>;
/** ts_rank at which the text signal is half way to 1. */
const TEXT_HALF = 0.05;
const CANDIDATES = 300;

export type MatchReason =
  | { kind: 'topic'; topics: string[] }
  | { kind: 'text'; headline: string; headlineLocale: string; words: string[] }
  | { kind: 'language'; code: string; level: string }
  | { kind: 'country'; code: string }
  | { kind: 'region'; slug: string }
  | { kind: 'availability'; values: string[] };

export type ExpertMatch = {
  id: number;
  slug: string;
  externalId: string | null;
  name: string;
  score: number;
  signals: Record<keyof typeof WEIGHTS, number | null>;
  reasons: MatchReason[];
};

export type MatchResult = { language: Locale; inferredTopics: string[]; items: ExpertMatch[] };

// --- the topic vocabulary (src/modules/experts/topic-keywords.json), stemmed once per process ---

type Keyword = { topic: string; lexemes: string[] };
type Vocabulary = { keywords: Record<Locale, Keyword[]>; filler: Record<Locale, Set<string>> };
let vocabulary: Promise<Vocabulary> | undefined;

function loadVocabulary(db: Database): Promise<Vocabulary> {
  vocabulary ??= (async () => {
    const file = JSON.parse(readFileSync(new URL('./topic-keywords.json', import.meta.url), 'utf8')) as {
      topics: Record<string, Partial<Record<Locale, string[]>>>;
    };
    const fillerFile = JSON.parse(readFileSync(new URL('./challenge-filler-words.json', import.meta.url), 'utf8')) as Partial<
      Record<Locale, string[]>
    >;
    const phrases = Object.entries(file.topics).flatMap(([topic, byLocale]) =>
      LOCALES.flatMap((locale) => (byLocale[locale] ?? []).map((text) => ({ topic, locale, text }))),
    );
    const fillers = LOCALES.flatMap((locale) => (fillerFile[locale] ?? []).map((text) => ({ locale, text })));
    const [stemmed, fillerStems] = await Promise.all([q.stemPhrases(db, phrases), q.stemPhrases(db, fillers)]);
    const keywords = Object.fromEntries(LOCALES.map((l) => [l, [] as Keyword[]])) as Record<Locale, Keyword[]>;
    phrases.forEach((p, i) => {
      const lexemes = stemmed[i] ?? [];
      if (lexemes.length) keywords[p.locale].push({ topic: p.topic, lexemes });
    });
    const filler = Object.fromEntries(LOCALES.map((l) => [l, new Set<string>()])) as Record<Locale, Set<string>>;
    fillers.forEach((f, i) => {
      for (const lexeme of fillerStems[i] ?? []) filler[f.locale].add(lexeme);
    });
    return { keywords, filler };
  })();
  return vocabulary;
}

/** A stemmed word in more than this share of experts' texts is too common to count (ANALYZE statistics). */
const COMMON_SHARE = 0.2;
const commonCache = new WeakMap<Database, { at: number; words: Promise<Set<string>> }>();

/** The too-common words, looked up at most every ten minutes per database. */
function commonWords(db: Database): Promise<Set<string>> {
  const cached = commonCache.get(db);
  if (cached && Date.now() - cached.at < 600_000) return cached.words;
  const words = q.findCommonWords(db, COMMON_SHARE).catch(() => new Set<string>());
  commonCache.set(db, { at: Date.now(), words });
  return words;
}

/** The language a challenge is written in: Arabic by its script, else the one whose stop words it uses most. */
export function detectLanguage(text: string, stems: Record<Locale, string[]>): Locale {
  if (/\p{Script=Arabic}/u.test(text)) return 'ar';
  let best: Locale = 'en';
  for (const l of ['de', 'fr', 'es'] as const) if ((stems[l]?.length ?? 0) < (stems[best]?.length ?? 0)) best = l;
  return best;
}

/** Topics the text speaks about: a vocabulary entry counts when all its stemmed words occur. */
export function recogniseTopics(stems: Record<Locale, string[]>, vocab: Record<Locale, Keyword[]>): Map<string, number> {
  const hits = new Map<string, number>();
  for (const l of LOCALES) {
    const words = new Set(stems[l] ?? []);
    for (const k of vocab[l]) if (k.lexemes.every((w) => words.has(w))) hits.set(k.topic, (hits.get(k.topic) ?? 0) + 1);
  }
  return hits;
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Ranks the experts `user` may see for a challenge, with the score's parts and the reasons. */
export async function matchExperts(db: Database, input: MatchInput, user: CurrentUser | null, readerLocale: Locale): Promise<MatchResult> {
  const [stems, vocab, index] = await Promise.all([q.stemInAllLanguages(db, input.challenge), loadVocabulary(db), loadTaxonomyIndex(db)]);
  const language = detectLanguage(input.challenge, stems);
  // Words shorter than three letters are mostly noise across languages' stemmers, and words most
  // profiles use tell nothing about fit (and would make everyone a candidate).
  const common = await commonWords(db);
  // Nor do the words of asking ("we need help for our city"): challenge-filler-words.json.
  const words = Object.fromEntries(
    LOCALES.map((l) => [l, (stems[l] ?? []).filter((w) => w.length >= 3 && !common.has(w) && !vocab.filler[l].has(w))]),
  ) as Record<Locale, string[]>;

  const recognised = recogniseTopics(stems, vocab.keywords);
  const topics: Record<string, number> = {};
  for (const [topic, n] of recognised) if (index.themeOfTopic.has(topic)) topics[topic] = Math.min(1, 0.4 + 0.3 * (n - 1));
  for (const topic of input.topics) if (index.themeOfTopic.has(topic)) topics[topic] = 1;
  const themes: Record<string, number> = {};
  for (const [topic, w] of Object.entries(topics)) {
    const theme = index.themeOfTopic.get(topic) as string;
    themes[theme] = Math.max(themes[theme] ?? 0, w * 0.5);
  }
  for (const theme of input.themes) if (index.themes.has(theme)) themes[theme] = 1;

  // A challenge written in Arabic asks, implicitly, for someone who reads and speaks it.
  const languages = [...new Set([...input.languages, ...(language !== 'en' ? [language] : [])])];
  const region = input.region ?? null;
  const country = input.country ?? null;

  const [textRanks, expertIndex] = await Promise.all([q.findTextHits(db, words), currentExpertIndex(db)]);
  const rows = pickMatchCandidates(expertIndex, { textRanks, topics, themes, visible: visibleLevels(user), limit: CANDIDATES });

  const topicWeight = Object.values(topics).reduce((a, b) => a + b, 0);
  const themeWeight = Object.values(themes).reduce((a, b) => a + b, 0);
  const scored = rows.map(({ expert: r, textRank }) => {
    const signals: ExpertMatch['signals'] = {
      text: input.challenge ? textRank / (textRank + TEXT_HALF) : null,
      topic: topicWeight ? Math.min(1, r.topics.reduce((a, t) => a + (topics[t] ?? 0), 0) / topicWeight) : null,
      theme: themeWeight ? Math.min(1, r.themes.reduce((a, t) => a + (themes[t] ?? 0), 0) / themeWeight) : null,
      place: country || region ? placeSignal(r, country, region, index.regionOfCountry) : null,
      language: languages.length ? mean(languages.map((code) => LEVEL[r.languages.find((l) => l.code === code)?.level ?? ''] ?? 0)) : null,
      availability: input.availability.length
        ? input.availability.filter((a) => r.availability.includes(a)).length / input.availability.length
        : null,
    };
    let sum = 0;
    let weight = 0;
    for (const [k, v] of Object.entries(signals) as Array<[keyof typeof WEIGHTS, number | null]>) {
      if (v === null) continue;
      sum += WEIGHTS[k] * v;
      weight += WEIGHTS[k];
    }
    return { row: r, signals, score: weight ? sum / weight : 0 };
  });
  scored.sort((a, b) => b.score - a.score || a.row.id - b.row.id);
  const top = scored.slice(0, input.limit);

  const ids = top.map((s) => s.row.id);
  const [headlines, shared, wordForms] = await Promise.all([
    q.findHeadlines(db, ids, readerLocale),
    q.findSharedWords(db, ids, words),
    originalWords(db, input.challenge),
  ]);
  return {
    language,
    inferredTopics: [...recognised.keys()].filter((t) => index.themeOfTopic.has(t)).sort(),
    items: top.map(({ row, signals, score }) => ({
      id: row.id,
      slug: row.slug,
      externalId: row.externalId,
      name: row.name,
      score: Math.round(score * 1000) / 1000,
      signals,
      reasons: reasonsFor(row, {
        topics,
        languages,
        country,
        region,
        availability: input.availability,
        headline: headlines.get(row.id),
        words: (shared.get(row.id) ?? []).map((w) => wordForms.get(w) ?? w),
        regionOfCountry: index.regionOfCountry,
      }),
    })),
  };
}

function placeSignal(r: IndexedExpert, country: string | null, region: string | null, regionOfCountry: Map<string, string>): number {
  const countries = new Set([...r.countries, ...(r.countryCode ? [r.countryCode] : [])]);
  const regions = new Set([
    ...r.regions,
    ...(r.homeRegion ? [r.homeRegion] : []),
    ...[...countries].map((c) => regionOfCountry.get(c) ?? ''),
  ]);
  if (country && countries.has(country)) return 1;
  const wantedRegion = region ?? (country ? (regionOfCountry.get(country) ?? null) : null);
  return wantedRegion && regions.has(wantedRegion) ? 0.6 : 0;
}

/** The challenge's own spelling of each stemmed word ("recycl" → "recycling"), for readable reasons. */
async function originalWords(db: Database, challenge: string): Promise<Map<string, string>> {
  const tokens = [...new Set(challenge.match(/[\p{L}\p{N}]{3,}/gu) ?? [])].slice(0, 200);
  const phrases = tokens.flatMap((text) => LOCALES.map((locale) => ({ locale, text })));
  const stemmed = await q.stemPhrases(db, phrases);
  const forms = new Map<string, string>();
  phrases.forEach((p, i) => {
    for (const lexeme of stemmed[i] ?? []) if (!forms.has(lexeme)) forms.set(lexeme, p.text);
  });
  return forms;
}

function reasonsFor(
  r: IndexedExpert,
  c: {
    topics: Record<string, number>;
    languages: string[];
    country: string | null;
    region: string | null;
    availability: string[];
    headline: { headline: string; locale: string } | undefined;
    words: string[];
    regionOfCountry: Map<string, string>;
  },
): MatchReason[] {
  const reasons: MatchReason[] = [];
  const sharedTopics = r.topics.filter((t) => c.topics[t]);
  if (sharedTopics.length) reasons.push({ kind: 'topic', topics: sharedTopics });
  if (c.words.length && c.headline) {
    reasons.push({
      kind: 'text',
      headline: c.headline.headline,
      headlineLocale: c.headline.locale,
      words: [...new Set(c.words)].slice(0, 5),
    });
  }
  for (const code of c.languages) {
    const spoken = r.languages.find((l) => l.code === code);
    if (spoken) reasons.push({ kind: 'language', code, level: spoken.level });
  }
  const countries = new Set([...r.countries, ...(r.countryCode ? [r.countryCode] : [])]);
  if (c.country && countries.has(c.country)) reasons.push({ kind: 'country', code: c.country });
  else {
    const wanted = c.region ?? (c.country ? c.regionOfCountry.get(c.country) : undefined);
    const regions = new Set([...r.regions, ...(r.homeRegion ? [r.homeRegion] : [])]);
    if (wanted && regions.has(wanted)) reasons.push({ kind: 'region', slug: wanted });
  }
  const offered = c.availability.filter((a) => (r.availability as string[]).includes(a));
  if (offered.length) reasons.push({ kind: 'availability', values: offered });
  return reasons;
}

/** A reason in words, in the reader's language ("speaks Arabic (native)", "works on Waste management"). */
export function reasonText(i18n: I18n, reason: MatchReason, labels: { topic: (slug: string) => string }): string {
  const { t } = i18n;
  const list = (items: string[]) => items.join(t('common.listSeparator'));
  switch (reason.kind) {
    case 'topic':
      return t('experts.reasons.topic', { topics: list(reason.topics.map(labels.topic)) });
    case 'text':
      return t('experts.reasons.text', { headline: reason.headline, words: list(reason.words) });
    case 'language':
      return t('experts.reasons.language', { language: i18n.languageName(reason.code), level: t(`experts.levels.${reason.level}`) });
    case 'country':
      return t('experts.reasons.country', { country: i18n.countryName(reason.code) });
    case 'region':
      return t('experts.reasons.region', { region: t(`common.regions.${reason.slug}`) });
    case 'availability':
      return t('experts.reasons.availability', { availability: list(reason.values.map((v) => t(`experts.availability.${v}`))) });
  }
}
