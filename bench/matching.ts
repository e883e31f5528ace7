import { readFileSync } from 'node:fs';
import { type MatchInput, matchInput } from '../src/features/experts/matching/expert-matching.forms.ts';
import { matchExperts } from '../src/features/experts/matching/expert-matching.service.ts';
import type { DatabaseHandle } from '../src/platform/db/client.ts';
import type { CurrentUser } from '../src/platform/http/context.ts';
import { timeIt, writeResults } from './lib.ts';
import { type Judgements, ndcgAt, recallAt } from './metrics.ts';

// Matching quality on the demo experts: the challenges and graded judgements of
// bench/matching/judgements.json were written before the scoring was tuned (docs/matching.md).

type Challenge = {
  id: string;
  language: string;
  challenge: string;
  themes?: string[];
  topics?: string[];
  languages?: string[];
  region?: string;
  country?: string;
  availability?: string[];
  judgements: Judgements;
};

/** Judged as an editor sees it: every profile counts, whatever its visibility. */
const EDITOR: CurrentUser = { id: 0, name: 'bench', role: 'editor', locale: 'en', emailVerified: true, sessionId: 'bench' };

export type MatchingBench = {
  engine: string;
  challenges: number;
  ndcg5: number;
  recall10: number;
  recall10Good: number;
  medianMs: number;
  p95Ms: number;
};

export async function benchMatching(handle: DatabaseHandle): Promise<MatchingBench> {
  const file = JSON.parse(readFileSync(new URL('./matching/judgements.json', import.meta.url), 'utf8')) as { challenges: Challenge[] };
  const rows: Array<{ id: string; lang: string; 'nDCG@5': number; 'recall@10': number; 'recall@10 (grade ≥ 2)': number; top3: string }> =
    [];
  for (const c of file.challenges) {
    const input: MatchInput = matchInput.parse({
      challenge: c.challenge,
      themes: c.themes ?? [],
      topics: c.topics ?? [],
      languages: c.languages ?? [],
      region: c.region || null,
      country: c.country || null,
      availability: c.availability ?? [],
      limit: 10,
    });
    const result = await matchExperts(handle.db, input, EDITOR, 'en');
    const ranked = result.items.map((m) => m.externalId ?? '');
    rows.push({
      id: c.id,
      lang: c.language,
      'nDCG@5': round(ndcgAt(5, ranked, c.judgements)),
      'recall@10': round(recallAt(10, ranked, c.judgements)),
      'recall@10 (grade ≥ 2)': round(recallAt(10, ranked, c.judgements, 2)),
      top3: ranked
        .slice(0, 3)
        .map((id) => `${id.replace('demo-expert-', '')}(${c.judgements[id] ?? 0})`)
        .join(' '),
    });
  }
  console.table(rows);
  const mean = (key: 'nDCG@5' | 'recall@10' | 'recall@10 (grade ≥ 2)') => round(rows.reduce((s, r) => s + r[key], 0) / rows.length);
  const first = file.challenges[0];
  const timing = await timeIt(20, () => matchExperts(handle.db, matchInput.parse({ challenge: first?.challenge ?? '' }), EDITOR, 'en'));
  const result = {
    engine: handle.engine,
    challenges: rows.length,
    ndcg5: mean('nDCG@5'),
    recall10: mean('recall@10'),
    recall10Good: mean('recall@10 (grade ≥ 2)'),
    ...timing,
  };
  console.log(
    `matching on ${handle.engine}: nDCG@5 ${result.ndcg5} (aim ≥ 0.85), recall@10 ${result.recall10} (grade ≥ 2: ${result.recall10Good}), ${rows.length} challenges; one match ${timing.medianMs} ms median`,
  );
  console.log(`written ${writeResults('matching', handle.engine, { ...result, rows })}`);
  return result;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
