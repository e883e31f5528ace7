import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './news.queries.ts';

// The news' part of a member's data export and of account deletion: which articles an editor created
// or last changed. The articles themselves are the network's and stay; only the names go.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const rows = await q.listNewsOfUser(trx, userId);
  return rows.length
    ? {
        newsArticles: rows.map((r) => ({
          externalId: r.external_id,
          slug: r.slug,
          created: r.created,
          lastChanged: r.updated,
          updatedAt: r.updated_at,
        })),
      }
    : {};
}

export const newsPersonalData: PersonalDataHooks = {
  tables: ['news_articles'],
  exportData,
  eraseData: (trx, userId) => q.forgetNewsAuthor(trx, userId),
};
