import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Database } from '../../platform/db/client.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { slugify } from '../../platform/lib/slug.ts';
import { wallClockToInstant } from '../../platform/lib/time-zones.ts';
import type { DemoSeedStep } from '../../platform/module.ts';
import * as q from './calls.queries.ts';
import { CALL_KINDS, type CallKind } from './calls.table.ts';

// The December 2020 newsletter's call for participation (demo content). Calls have no part in the
// exchange format yet, so the demo keeps a file of its own, read here; the newsletter page shows the
// same file as the edition's outlook (site.service.ts).

const slugs = z.array(z.string().regex(/^[a-z0-9-]+$/));
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.object({ title: z.string().min(1), summary: z.string().min(1), eligibility: z.string(), description: z.string() });

const demoCall = z.object({
  externalId: z.string(),
  kind: z.string(),
  /** Its event, by externalId: linked once that event exists (events.seed.ts runs first). */
  event: z.string().nullable(),
  opensOn: isoDay,
  /** The end of this day in Berlin. */
  deadline: isoDay,
  region: z.string().nullable(),
  themes: slugs,
  topics: slugs,
  figures: z.record(z.string(), z.number().int().nonnegative()).default({}),
  translations: z.partialRecord(z.enum(LOCALES), text).refine((t) => t.en !== undefined, 'needs an English text'),
});

export type DemoCall = z.infer<typeof demoCall>;

let cached: DemoCall[] | undefined;

/** The demo calls file, validated. Throws with the offending path when the file is malformed. */
export function readDemoCalls(): DemoCall[] {
  const file = new URL('./demo/demo-calls.json', import.meta.url);
  cached ??= z.object({ calls: z.array(demoCall) }).parse(JSON.parse(readFileSync(file, 'utf8'))).calls;
  return cached;
}

/** The newsletter's calls (demo content): closed calls linked to their events, texts in every language given. */
export async function saveDemoCalls(db: Database, calls: DemoCall[]): Promise<number> {
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

export const callsDemo: DemoSeedStep[] = [{ name: 'demo-calls', load: (trx) => saveDemoCalls(trx, readDemoCalls()).then(() => undefined) }];
