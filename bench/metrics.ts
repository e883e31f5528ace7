// Ranking quality measures for the matching evaluation (bench/matching.ts).

/** Graded relevance judgements: externalId → grade (3 ideal, 2 useful, 1 related; absent = 0). */
export type Judgements = Record<string, number>;

/** nDCG@k with gains 2^grade − 1 and log2 discounts; 1 when the top k is as good as the ideal order. */
export function ndcgAt(k: number, ranked: string[], judged: Judgements): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(judged[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judged)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the judged-relevant experts (grade ≥ minGrade) found in the top k. */
export function recallAt(k: number, ranked: string[], judged: Judgements, minGrade = 1): number {
  const relevant = Object.entries(judged).filter(([, g]) => g >= minGrade);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter(([id]) => top.has(id)).length / relevant.length;
}
