import type { ExpertIndex, IndexedExpert } from '../directory-index/expert-index.model.ts';
import { visibleBuckets } from '../expert-visibility.model.ts';
import type { ExpertVisibility } from '../experts.table.ts';

export type MatchCandidate = { expert: IndexedExpert; textRank: number };

/** The weights of a cheap first score that decides who is scored fully (docs/matching.md). */
const PRE = { text: 2, textHalf: 0.1, theme: 0.3 } as const;

/**
 * The `limit` experts most worth scoring fully: visible to the reader, best by a cheap first score
 * (shared words, wanted topics, wanted themes). Experts who share only a theme are read only when
 * they could still make the cut, so a common theme does not make tens of thousands of candidates.
 */
export function pickMatchCandidates(
  index: ExpertIndex,
  input: {
    textRanks: Map<number, number>;
    topics: Record<string, number>;
    themes: Record<string, number>;
    visible: ExpertVisibility[];
    limit: number;
  },
): MatchCandidate[] {
  const visible = visibleBuckets(input.visible);
  const pre = new Map<number, number>();
  const bump = (id: number, value: number) => pre.set(id, (pre.get(id) ?? 0) + value);
  for (const [id, rank] of input.textRanks) bump(id, (rank / (rank + PRE.textHalf)) * PRE.text);
  for (const [slug, weight] of Object.entries(input.topics)) for (const id of index.workingOn('topic', slug)) bump(id, weight);

  const themeWeights = new Map(Object.entries(input.themes));
  const themeScore = (e: IndexedExpert) => {
    if (!themeWeights.size) return 0;
    let sum = 0;
    for (const t of e.themes) sum += themeWeights.get(t) ?? 0;
    return PRE.theme * sum;
  };
  const experts: IndexedExpert[] = [];
  const values: number[] = [];
  for (const [id, value] of pre) {
    const expert = index.byId.get(id);
    if (!expert || !visible[expert.bucket]) continue;
    experts.push(expert);
    values.push(value + themeScore(expert));
  }
  let top = best(experts, values, input.limit);
  const themeOnlyMax = PRE.theme * Object.values(input.themes).reduce((a, b) => a + b, 0);
  const cut = top.length >= input.limit ? (top[top.length - 1]?.pre ?? 0) : -1;
  if (themeOnlyMax > 0 && themeOnlyMax >= cut) {
    const themeOnly = new Set<number>();
    for (const slug of Object.keys(input.themes)) for (const id of index.workingOn('theme', slug)) if (!pre.has(id)) themeOnly.add(id);
    const more = top.map((t) => t.expert);
    const moreValues = top.map((t) => t.pre);
    for (const id of themeOnly) {
      const expert = index.byId.get(id);
      if (!expert || !visible[expert.bucket]) continue;
      more.push(expert);
      moreValues.push(themeScore(expert));
    }
    top = best(more, moreValues, input.limit);
  }
  return top.map(({ expert }) => ({ expert, textRank: input.textRanks.get(expert.id) ?? 0 }));
}

/** The `limit` best experts by value (ties: lower id first). */
function best(experts: IndexedExpert[], values: number[], limit: number): Array<{ expert: IndexedExpert; pre: number }> {
  // Sorting thousands of objects is slow: find the cut among plain numbers, then sort only what is above it.
  const cut = values.length > limit ? (Float64Array.from(values).sort()[values.length - limit] as number) : Number.NEGATIVE_INFINITY;
  const kept: Array<{ expert: IndexedExpert; pre: number }> = [];
  values.forEach((pre, i) => {
    if (pre >= cut) kept.push({ expert: experts[i] as IndexedExpert, pre });
  });
  return kept.sort((a, b) => b.pre - a.pre || a.expert.id - b.expert.id).slice(0, limit);
}
