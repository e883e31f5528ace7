import type { Database } from '../../db/client.ts';
import { listPublicExperts } from './experts.queries.ts';

export type ExpertSummary = Awaited<ReturnType<typeof listPublicExperts>>[number];

/** What an anonymous visitor may see of the directory. */
export function listExpertsForVisitors(db: Database, limit = 50): Promise<ExpertSummary[]> {
  return listPublicExperts(db, limit);
}
