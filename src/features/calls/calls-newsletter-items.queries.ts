import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { CallStatus } from './calls.table.ts';

// Calls for participation as items of newsletter editions. A call is named by its externalId; one
// opened in the editors' pages has none, and is then `peerpolis-call-<id>`, the name the project ideas
// export gives it, so an edition's ref and an idea's call name the same call the same way.

/** The name of `c` in refs (`call:<ref_id>`). */
const REF_ID = sql<string>`coalesce(c.external_id, 'peerpolis-call-' || c.id)`;

const named = (refIds: string[]) =>
  sql`(c.external_id in (${sql.join(refIds)}) or (c.external_id is null and ('peerpolis-call-' || c.id) in (${sql.join(refIds)})))`;

const textIn = (locale: Locale) =>
  sql`(select t.title, t.summary, t.locale from call_translations t where t.call_id = c.id order by ${preferLocale(locale, 't.locale')} limit 1)`;

export type CallItemRow = {
  ref_id: string;
  slug: string;
  status: CallStatus;
  deadline: Date;
  time_zone: string;
  title: string;
  summary: string;
  content_locale: string;
};

const ITEM_COLUMNS = sql`${REF_ID} as ref_id, c.slug, c.status, c.deadline, c.time_zone, tr.title, tr.summary, tr.locale as content_locale`;

/** Calls taking applications at `at` (open, deadline after it), the nearest deadline first. */
export async function listCallsOpenAt(db: Database, locale: Locale, at: Date, limit: number): Promise<CallItemRow[]> {
  const result = await sql<CallItemRow>`
    select ${ITEM_COLUMNS} from calls c cross join lateral ${textIn(locale)} tr
    where c.status = 'open' and c.deadline > ${at}
    order by c.deadline, c.id limit ${limit}`.execute(db);
  return result.rows;
}

/**
 * The public calls (open or closed, not drafts) among these ref ids, in `locale` or the best fallback:
 * a call that closed after the edition was written still has its page, and the deadline says it is over.
 */
export async function findCallItems(db: Database, locale: Locale, refIds: string[]): Promise<CallItemRow[]> {
  if (!refIds.length) return [];
  const result = await sql<CallItemRow>`
    select ${ITEM_COLUMNS} from calls c cross join lateral ${textIn(locale)} tr
    where c.status <> 'draft' and ${named(refIds)}`.execute(db);
  return result.rows;
}

/** Which of these ref ids name a public call. */
export async function findPublicCallRefIds(db: Database, refIds: string[]): Promise<string[]> {
  if (!refIds.length) return [];
  const result = await sql<{ ref_id: string }>`
    select ${REF_ID} as ref_id from calls c where c.status <> 'draft' and ${named(refIds)}`.execute(db);
  return result.rows.map((r) => r.ref_id);
}
