import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';

export type PracticeHoldingFile = { published: boolean; authorIds: number[] };

/**
 * Every practice holding a stored file (by its SHA-256) in its published record or in any revision,
 * whether the file is on its public page, and who wrote it (the practice's author and its revisions').
 */
export async function findPracticesHoldingFile(db: Database, sha256: string): Promise<PracticeHoldingFile[]> {
  const holds = JSON.stringify([{ sha256 }]);
  const result = await sql<{ published: boolean; author_ids: number[] | null }>`
    select p.status = 'published' and (p.documents @> ${holds}::jsonb or p.images @> ${holds}::jsonb) as published,
      array_remove(array_append(
        array(select r.author_user_id from practice_revisions r where r.practice_id = p.id and r.author_user_id is not null),
        p.author_user_id), null) as author_ids
    from practices p
    where p.documents @> ${holds}::jsonb or p.images @> ${holds}::jsonb
      or exists (select 1 from practice_revisions r where r.practice_id = p.id
                 and (r.content -> 'documents' @> ${holds}::jsonb or r.content -> 'images' @> ${holds}::jsonb))`.execute(db);
  return result.rows.map((r) => ({ published: r.published, authorIds: (r.author_ids ?? []).map(Number) }));
}
