import type { I18n } from '../../../platform/i18n/i18n.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import type { IndexedExpert } from '../directory-index/expert-index.model.ts';

// Matching a city's challenge to experts: how the score is built and why is docs/matching.md. In short,
// each signal is a number in [0, 1] — shared words with the expert's texts (each language with its own
// stemming), wanted topics and themes (given, or recognised in the text in any language), experience in
// the wanted region or country, languages, availability — and the score is their weighted mean over the
// signals the request asks about. Names and ids never count. This file holds the rules, without I/O.

export const WEIGHTS = { text: 0.35, topic: 0.3, theme: 0.05, place: 0.15, language: 0.1, availability: 0.05 } as const;
export type Signals = Record<keyof typeof WEIGHTS, number | null>;

export type MatchReason =
  | { kind: 'topic'; topics: string[] }
  | { kind: 'theme'; themes: string[] }
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
  signals: Signals;
  reasons: MatchReason[];
};

export type MatchResult = { language: Locale; inferredTopics: string[]; items: ExpertMatch[] };

/** A topic-vocabulary entry (topic-keywords.json), stemmed: recognised when all its words occur. */
export type Keyword = { topic: string; lexemes: string[] };

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

/** What a request asks for, once its topics, themes and languages are known. */
export type Wanted = {
  topics: Record<string, number>;
  themes: Record<string, number>;
  /** The themes the request names itself (not only inferred from the challenge's topics). */
  askedThemes: string[];
  languages: string[];
  country: string | null;
  region: string | null;
  availability: string[];
  regionOfCountry: ReadonlyMap<string, string>;
};

const LEVEL = { native: 1, fluent: 0.9, working: 0.6 } as Record<string, number>;
/** ts_rank at which the text signal is half way to 1. */
const TEXT_HALF = 0.05;

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Scores experts for a request: each signal (null where the request does not ask about it) and their
 * weighted mean over the signals that apply. `hasText`: the request has a challenge in words.
 */
export function expertScorer(w: Wanted, hasText: boolean) {
  const topicWeight = sum(Object.values(w.topics));
  const themeWeight = sum(Object.values(w.themes));
  return (r: IndexedExpert, textRank: number): { signals: Signals; score: number } => {
    const signals: Signals = {
      text: hasText ? textRank / (textRank + TEXT_HALF) : null,
      topic: topicWeight ? Math.min(1, r.topics.reduce((a, t) => a + (w.topics[t] ?? 0), 0) / topicWeight) : null,
      theme: themeWeight ? Math.min(1, r.themes.reduce((a, t) => a + (w.themes[t] ?? 0), 0) / themeWeight) : null,
      place: w.country || w.region ? placeSignal(r, w.country, w.region, w.regionOfCountry) : null,
      language: w.languages.length
        ? mean(w.languages.map((code) => LEVEL[r.languages.find((l) => l.code === code)?.level ?? ''] ?? 0))
        : null,
      availability: w.availability.length
        ? w.availability.filter((a) => (r.availability as string[]).includes(a)).length / w.availability.length
        : null,
    };
    let total = 0;
    let weight = 0;
    for (const [k, v] of Object.entries(signals) as Array<[keyof typeof WEIGHTS, number | null]>) {
      if (v === null) continue;
      total += WEIGHTS[k] * v;
      weight += WEIGHTS[k];
    }
    return { signals, score: weight ? total / weight : 0 };
  };
}

function placeSignal(
  r: IndexedExpert,
  country: string | null,
  region: string | null,
  regionOfCountry: ReadonlyMap<string, string>,
): number {
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

/** The least text signal (shared words) that counts as evidence on its own: ts_rank ≈ 0.003. */
export const MIN_TEXT_SIGNAL = 0.05;

/**
 * Whether a scored expert has evidence of fit in what they work on or wrote: a wanted topic, the
 * challenge's words in their texts, or a theme the request names. Place, languages and availability
 * refine a ranking but make no one a match: without evidence an expert is left out, not shown as padding.
 */
export function hasEvidence(r: IndexedExpert, w: Wanted, signals: Signals): boolean {
  return (signals.topic ?? 0) > 0 || (signals.text ?? 0) >= MIN_TEXT_SIGNAL || r.themes.some((t) => w.askedThemes.includes(t));
}

/** Why an expert fits: shared topics, the headline with the challenge's words, languages, place, help offered. */
export function reasonsFor(
  r: IndexedExpert,
  w: Wanted,
  text: { headline: { headline: string; locale: string } | undefined; words: string[] },
): MatchReason[] {
  const reasons: MatchReason[] = [];
  const sharedTopics = r.topics.filter((t) => w.topics[t]);
  if (sharedTopics.length) reasons.push({ kind: 'topic', topics: sharedTopics });
  const askedThemes = r.themes.filter((t) => w.askedThemes.includes(t));
  if (askedThemes.length && !sharedTopics.length) reasons.push({ kind: 'theme', themes: askedThemes });
  if (text.words.length && text.headline) {
    reasons.push({
      kind: 'text',
      headline: text.headline.headline,
      headlineLocale: text.headline.locale,
      words: [...new Set(text.words)].slice(0, 5),
    });
  }
  for (const code of w.languages) {
    const spoken = r.languages.find((l) => l.code === code);
    if (spoken) reasons.push({ kind: 'language', code, level: spoken.level });
  }
  const countries = new Set([...r.countries, ...(r.countryCode ? [r.countryCode] : [])]);
  if (w.country && countries.has(w.country)) reasons.push({ kind: 'country', code: w.country });
  else {
    const wanted = w.region ?? (w.country ? w.regionOfCountry.get(w.country) : undefined);
    const regions = new Set([...r.regions, ...(r.homeRegion ? [r.homeRegion] : [])]);
    if (wanted && regions.has(wanted)) reasons.push({ kind: 'region', slug: wanted });
  }
  const offered = w.availability.filter((a) => (r.availability as string[]).includes(a));
  if (offered.length) reasons.push({ kind: 'availability', values: offered });
  return reasons;
}

/** A reason in words, in the reader's language ("speaks Arabic (native)", "works on Waste management"). */
export function reasonText(
  i18n: I18n,
  reason: MatchReason,
  labels: { topic: (slug: string) => string; theme: (slug: string) => string },
): string {
  const { t } = i18n;
  const list = (items: string[]) => items.join(t('common.listSeparator'));
  switch (reason.kind) {
    case 'topic':
      return t('experts.reasons.topic', { topics: list(reason.topics.map(labels.topic)) });
    case 'theme':
      return t('experts.reasons.theme', { themes: list(reason.themes.map(labels.theme)) });
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
