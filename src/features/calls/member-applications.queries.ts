import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { ApplicationStatus, CallStatus } from './calls.table.ts';

export type MemberApplicationRow = {
  slug: string;
  call_status: CallStatus;
  deadline: Date;
  title: string;
  title_locale: string;
  status: ApplicationStatus;
  updated_at: Date;
};

/** One member's applications to calls (never drafts), the latest change first, with the call's title in the reader's language. */
export async function listApplicationsOfMember(db: Database, userId: number, locale: Locale): Promise<MemberApplicationRow[]> {
  const result = await sql<MemberApplicationRow>`
    select c.slug, c.status as call_status, c.deadline, tr.title, tr.locale as title_locale, a.status, a.updated_at
    from call_applications a
      join calls c on c.id = a.call_id
      cross join lateral (select t.title, t.locale from call_translations t where t.call_id = c.id
        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where a.user_id = ${userId} and c.status <> 'draft'
    order by a.updated_at desc, a.id desc
    limit 200`.execute(db);
  return result.rows;
}
