import type { Database } from '../../db/client.ts';
import type { DemoContent } from '../../db/seed/demo-content.ts';
import { slugify } from '../../web/slug.ts';
import { wallClockToInstant } from '../events/time-zones.ts';
import * as q from './calls.queries.ts';
import { CALL_KINDS, type CallKind } from './calls.table.ts';

/** The newsletter's calls (demo content): closed calls linked to their events, texts in every language given. */
export async function saveDemoCalls(db: Database, calls: DemoContent['calls']): Promise<number> {
  for (const c of calls) {
    if (!CALL_KINDS.includes(c.kind as CallKind)) throw new Error(`Demo call ${c.externalId} has an unknown kind ${c.kind}`);
    const deadline = wallClockToInstant(`${c.deadline}T23:59`, 'Europe/Berlin') as Date;
    const id = await q.upsertCallByExternalId(db, {
      external_id: c.externalId,
      slug: slugify(c.translations.en?.title ?? c.externalId, 'call'),
      kind: c.kind as CallKind,
      status: deadline.getTime() > Date.now() ? 'open' : 'closed',
      deadline,
      time_zone: 'Europe/Berlin',
      event_id: null,
      event_external_id: c.event,
      region_slug: c.region,
      per_municipality: null,
      themes: c.themes,
    });
    for (const [locale, text] of Object.entries(c.translations)) {
      if (!text) continue;
      const eligibility = [text.eligibility, text.description].filter(Boolean).join('\n\n');
      await q.upsertCallText(db, id, { locale, title: text.title, summary: text.summary, eligibility, questions: [] });
    }
  }
  return calls.length;
}
