import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';

/** The members behind a practice: its contact person (if a member) and its author. */
export function findPracticePeople(db: Database, practiceId: number) {
  return db.selectFrom('practices').select(['contact_user_id', 'author_user_id']).where('id', '=', practiceId).executeTakeFirst();
}

/** A practice's title in a reader's language, or its best fallback. */
export async function findPracticeTitle(db: Database, practiceId: number, locale: Locale): Promise<string | undefined> {
  const row = await db
    .selectFrom('practice_translations')
    .select('title')
    .where('practice_id', '=', practiceId)
    .orderBy(preferLocale(locale))
    .limit(1)
    .executeTakeFirst();
  return row?.title;
}

/** Who wrote to whom about which practice, and when: never the text. */
export async function insertPracticeContact(
  db: Database,
  row: { practiceId: number; senderUserId: number; recipientUserId: number | null },
): Promise<void> {
  await db
    .insertInto('practice_contacts')
    .values({ practice_id: row.practiceId, sender_user_id: row.senderUserId, recipient_user_id: row.recipientUserId })
    .execute();
}
