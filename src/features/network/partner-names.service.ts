import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { pickText } from './network.model.ts';
import { selectPartnerNames } from './partners.queries.ts';

/** The published partners' names in the reader's language (else English, else any), in their order: the newsletter's mail footer. */
export async function listPartnerNames(db: Database, locale: Locale): Promise<string[]> {
  const rows = await selectPartnerNames(db);
  const ids = [...new Set(rows.map((r) => r.id))];
  return ids.flatMap((id) => {
    const text = pickText(
      rows.filter((r) => r.id === id),
      locale,
    );
    return text ? [text.name] : [];
  });
}
