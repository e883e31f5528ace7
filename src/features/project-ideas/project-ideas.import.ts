import { z } from 'zod';
import { findOrAddCity } from '../../core/cities/cities.service.ts';
import { loadTaxonomyIndex, type TaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../platform/db/client.ts';
import { countryCode, importRecords, recordLine, recordText, translationsOf } from '../../platform/exchange.ts';
import { slugify } from '../../platform/lib/slug.ts';
import { isCalendarDay } from '../../platform/lib/time-zones.ts';
import type { ImportReport } from '../../platform/module.ts';
import * as x from './project-ideas.import.queries.ts';
import * as q from './project-ideas.queries.ts';
import { PROJECT_STAGES } from './project-ideas.table.ts';

// The project-ideas part of the exchange format (docs/import-format.md): `npm run cli -- import` /
// `export`, and the demo seed. Idempotent by `externalId`; experts, workshops (events) and the call are
// named by their own external ids and must exist already (import them first, or in the same file:
// the CLI imports experts and events before project ideas).

const text = recordText;
const line = recordLine;
const day = z
  .string()
  .trim()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD, from 1900 on')
  .refine(isCalendarDay, 'not a calendar day');

const translation = z.object({
  title: line(300, 'title is required'),
  summary: text(2000).default(''),
  challenge: text(10_000).default(''),
  approach: text(10_000).default(''),
  nextSteps: text(10_000).default(''),
});

export const importedProjectIdea = z.object({
  externalId: text(200).min(1, 'externalId is required'),
  status: z.enum(['draft', 'published']).default('published'),
  /** Where the idea stands; without it, the latest of `stages`, else `idea` (recorded as reached today). */
  stage: z.enum(PROJECT_STAGES).optional(),
  stages: z
    .array(z.object({ stage: z.enum(PROJECT_STAGES), reachedOn: day, note: text(2000).default('') }))
    .max(50)
    .default([]),
  city: text(200).min(1, 'city is required'),
  country: countryCode(),
  budgetEur: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  call: text(200).nullable().default(null),
  themes: z.array(z.string().trim()).max(20).default([]),
  topics: z.array(z.string().trim()).max(40).default([]),
  /** Supporting experts in the order the page lists them. */
  experts: z
    .array(z.object({ externalId: text(200).min(1), contribution: text(500).default('') }))
    .max(100)
    .default([]),
  workshops: z.array(text(200).min(1)).max(50).default([]),
  translations: translationsOf(translation),
});
export type ImportedProjectIdea = z.infer<typeof importedProjectIdea>;
export type ExportedProjectIdea = z.input<typeof importedProjectIdea>;

type Resolved = { callId: number | null; experts: Map<string, number>; events: Map<string, number> };

/** Problems only the database can see, and the ids of the call, experts and workshops the record names. */
async function resolve(db: Database, p: ImportedProjectIdea, index: TaxonomyIndex): Promise<{ problems: string[]; found: Resolved }> {
  const problems: string[] = [];
  if (!index.countries.has(p.country)) problems.push(`country: unknown country ${p.country}`);
  for (const t of p.themes) if (!index.themes.has(t)) problems.push(`themes: unknown theme ${t}`);
  for (const t of p.topics) if (!index.themeOfTopic.has(t)) problems.push(`topics: unknown topic ${t}`);
  const callId = p.call ? await x.findCallIdByExternalId(db, p.call) : null;
  if (p.call && callId === null) problems.push(`call: no call with externalId ${p.call}`);
  const experts = await x.findExpertIdsByExternalId(
    db,
    p.experts.map((e) => e.externalId),
  );
  for (const e of p.experts) if (!experts.has(e.externalId)) problems.push(`experts: no expert with externalId ${e.externalId}`);
  const events = await x.findEventIdsByExternalId(db, p.workshops);
  for (const w of p.workshops) if (!events.has(w)) problems.push(`workshops: no event with externalId ${w}`);
  return { problems, found: { callId, experts, events } };
}

async function saveOne(db: Database, p: ImportedProjectIdea, r: Resolved, index: TaxonomyIndex): Promise<'created' | 'updated'> {
  const existing = await x.findProjectIdeaIdByExternalId(db, p.externalId);
  const stages = [...p.stages].sort((a, b) => a.reachedOn.localeCompare(b.reachedOn));
  const write: q.ProjectIdeaWrite = {
    stage: p.stage ?? stages.at(-1)?.stage ?? existing?.stage ?? 'idea',
    status: p.status,
    city_id: await findOrAddCity(db, p.country, p.city),
    country_code: p.country,
    call_id: r.callId,
    budget_eur: p.budgetEur,
  };
  let id = existing?.id;
  if (id === undefined) {
    const title = p.translations.en?.title ?? Object.values(p.translations)[0]?.title ?? p.externalId;
    const base = slugify(title, 'project');
    let slug = base;
    for (let n = 2; slug === 'new' || (await q.isProjectIdeaSlugTaken(db, slug)); n++) slug = `${base}-${n}`;
    id = await q.insertProjectIdea(db, slug, p.externalId, write);
  } else await q.updateProjectIdea(db, id, write);
  await q.deleteProjectIdeaTexts(db, id);
  for (const [locale, t] of Object.entries(p.translations)) {
    if (!t) continue;
    await q.upsertProjectIdeaText(db, id, {
      locale,
      title: t.title,
      summary: t.summary,
      challenge: t.challenge,
      approach: t.approach,
      next_steps: t.nextSteps,
    });
  }
  const themes = [...new Set([...p.themes, ...p.topics.map((t) => index.themeOfTopic.get(t) as string)])];
  await q.replaceProjectIdeaTaxonomy(db, id, themes, [...new Set(p.topics)]);
  await q.deleteSupportingExperts(db, id);
  for (const e of p.experts) await q.upsertSupportingExpert(db, id, r.experts.get(e.externalId) as number, e.contribution);
  await q.deleteWorkshops(db, id);
  for (const w of p.workshops) await q.addWorkshop(db, id, r.events.get(w) as number);
  // The path is the file's when it gives one; otherwise a new idea starts at its stage today and an
  // existing one keeps the path the editors recorded.
  if (stages.length) {
    await q.deleteStageRecords(db, id);
    for (const s of stages) await q.addStageRecord(db, id, { stage: s.stage, reachedOn: s.reachedOn, actorId: null, note: s.note });
  } else if (!existing) {
    await q.addStageRecord(db, id, { stage: write.stage, reachedOn: new Date().toISOString().slice(0, 10), actorId: null, note: '' });
  }
  return existing ? 'updated' : 'created';
}

/** Imports project ideas one by one, each in its own transaction; a bad record is reported, never half-saved. */
export async function importProjectIdeas(db: Database, records: unknown[]): Promise<ImportReport> {
  const index = await loadTaxonomyIndex(db);
  return importRecords(db, records, importedProjectIdea, {
    check: (_db, p) => resolve(db, p, index),
    save: (trx, p, found) => saveOne(trx, p, found, index),
  });
}

/**
 * Every project idea in the import format (drafts too: an export is a backup). Experts and events
 * without an external id are named as the experts and events exports name them.
 */
export async function exportProjectIdeas(db: Database): Promise<{ projectIdeas: ExportedProjectIdea[] }> {
  const rows = await x.listProjectIdeasForExport(db);
  return {
    projectIdeas: rows.map((r) => ({
      externalId: r.external_id ?? `project-idea-${r.id}`,
      status: r.status,
      stage: r.stage,
      stages: r.stages,
      city: r.city_name,
      country: r.country_code,
      budgetEur: r.budget_eur,
      call: r.call_external_id,
      themes: r.themes,
      topics: r.topics,
      experts: r.experts,
      workshops: r.events,
      translations: Object.fromEntries(
        r.texts.map((t) => [
          t.locale,
          { title: t.title, summary: t.summary, challenge: t.challenge, approach: t.approach, nextSteps: t.next_steps },
        ]),
      ),
    })),
  };
}
