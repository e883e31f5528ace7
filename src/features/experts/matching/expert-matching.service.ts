import { readFileSync } from 'node:fs';
import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { currentExpertIndex } from '../directory-index/expert-index.service.ts';
import { visibleLevels } from '../expert-visibility.model.ts';
import type { MatchInput } from './expert-matching.forms.ts';
import {
  detectLanguage,
  expertScorer,
  hasEvidence,
  type Keyword,
  type MatchResult,
  reasonsFor,
  recogniseTopics,
  type Wanted,
} from './expert-matching.model.ts';
import * as q from './expert-matching.queries.ts';
import { pickMatchCandidates } from './match-candidates.model.ts';

// Matching a city's challenge to experts (docs/matching.md): the stemming, the vocabulary and the
// lookups around the rules of expert-matching.model.ts.

const CANDIDATES = 300;

// --- the topic vocabulary (topic-keywords.json, beside this file), stemmed once per process ---

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

  const wanted: Wanted = {
    topics,
    themes,
    askedThemes: input.themes.filter((theme) => index.themes.has(theme)),
    // A challenge written in Arabic asks, implicitly, for someone who reads and speaks it.
    languages: [...new Set([...input.languages, ...(language !== 'en' ? [language] : [])])],
    region: input.region ?? null,
    country: input.country ?? null,
    availability: input.availability,
    regionOfCountry: index.regionOfCountry,
  };

  const [textRanks, expertIndex] = await Promise.all([q.findTextHits(db, words), currentExpertIndex(db)]);
  const rows = pickMatchCandidates(expertIndex, { textRanks, topics, themes, visible: visibleLevels(user), limit: CANDIDATES });
  const scoreOf = expertScorer(wanted, Boolean(input.challenge));
  const scored = rows
    .map(({ expert: r, textRank }) => ({ row: r, ...scoreOf(r, textRank) }))
    .filter((s) => hasEvidence(s.row, wanted, s.signals));
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
      reasons: reasonsFor(row, wanted, {
        headline: headlines.get(row.id),
        words: (shared.get(row.id) ?? []).map((w) => wordForms.get(w) ?? w),
      }),
    })),
  };
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
