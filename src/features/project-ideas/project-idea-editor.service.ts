import { findOrAddCity } from '../../core/cities/cities.service.ts';
import { loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import { type AttachedDocument, attachDocument, type DocumentRefusal, detachDocument } from '../../core/uploads/uploads.service.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { slugify } from '../../platform/lib/slug.ts';
import { listAcceptedExpertOffers } from '../calls/index.ts';
import { findVisibleExpert } from '../experts/index.ts';
import * as choices from './project-idea-editor.queries.ts';
import type { ProjectIdeaForm } from './project-ideas.forms.ts';
import * as q from './project-ideas.queries.ts';
import type { ProjectStage } from './project-ideas.table.ts';

// The editors keep project ideas: the idea and its texts (one language per save), its stage on the way
// to funding readiness, supporting experts, the workshops it went through and its documents. Every use
// case is one transaction under the idea's row lock and checks the role itself (the routes do too).

export type EditorContext = { db: Database; user: CurrentUser };

/** Most documents one idea keeps: outlines, concept notes, budgets, letters of support. */
export const MAX_PROJECT_DOCUMENTS = 10;

export type SaveOutcome = { ok: true; slug: string } | { ok: false; reason: 'forbidden' } | { ok: false; errors: Record<string, string> };

/** Creates an idea (its first stage recorded today) or changes one; unknown themes or topics are refused. */
export async function saveProjectIdea(ctx: EditorContext, existingId: number | null, f: ProjectIdeaForm): Promise<SaveOutcome> {
  if (!can(ctx.user, 'edit-content')) return { ok: false, reason: 'forbidden' };
  const index = await loadTaxonomyIndex(ctx.db);
  const errors: Record<string, string> = {};
  if (!index.countries.has(f.country)) errors.country = 'invalid';
  if (f.themes.some((t) => !index.themes.has(t))) errors.themes = 'invalid';
  if (f.topics.some((t) => !index.themeOfTopic.has(t))) errors.topics = 'invalid';
  if (f.callId !== null && !(await choices.listCallChoices(ctx.db, 'en')).some((c) => c.id === f.callId)) errors.callId = 'invalid';
  if (Object.keys(errors).length) return { ok: false, errors };
  // A topic implies its theme.
  const themes = [...new Set([...f.themes, ...f.topics.map((t) => index.themeOfTopic.get(t) as string)])];
  return ctx.db.transaction().execute(async (trx): Promise<SaveOutcome> => {
    const current = existingId === null ? undefined : await q.lockProjectIdea(trx, existingId);
    if (existingId !== null && !current) return { ok: false, errors: { form: 'invalid' } };
    const write: q.ProjectIdeaWrite = {
      stage: current?.stage ?? 'idea',
      status: f.status,
      city_id: await findOrAddCity(trx, f.country, f.city),
      country_code: f.country,
      call_id: f.callId,
      budget_eur: f.budget,
    };
    let id = current?.id;
    let slug = current?.slug ?? '';
    if (id === undefined) {
      const base = slugify(f.title, 'project');
      slug = base;
      // 'new' is the address of the form for a new idea (/editor/project-ideas/new).
      for (let n = 2; slug === 'new' || (await q.isProjectIdeaSlugTaken(trx, slug)); n++) slug = `${base}-${n}`;
      id = await q.insertProjectIdea(trx, slug, null, write);
      await q.assignExternalId(trx, id);
      await q.addStageRecord(trx, id, { stage: 'idea', reachedOn: today(), actorId: ctx.user.id, note: '' });
    } else await q.updateProjectIdea(trx, id, write);
    await q.upsertProjectIdeaText(trx, id, {
      locale: f.lang,
      title: f.title,
      summary: f.summary,
      challenge: f.challenge,
      approach: f.approach,
      next_steps: f.nextSteps,
    });
    await q.replaceProjectIdeaTaxonomy(trx, id, themes, f.topics);
    return { ok: true, slug };
  });
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Moves the idea to a stage (forward, or back when something fell through), recorded with the day and a note. */
export async function changeProjectStage(
  ctx: EditorContext,
  id: number,
  step: { stage: ProjectStage; reachedOn: string; note: string },
): Promise<'saved' | 'not-found' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return ctx.db.transaction().execute(async (trx) => {
    const idea = await q.lockProjectIdea(trx, id);
    if (!idea) return 'not-found';
    // The step the editors record is where the idea now stands, even when it is dated back; the path
    // on the page is ordered by the day each step was reached.
    await q.addStageRecord(trx, id, { stage: step.stage, reachedOn: step.reachedOn, actorId: ctx.user.id, note: step.note });
    await q.setProjectStage(trx, id, step.stage);
    return 'saved';
  });
}

/** Names an expert (by profile slug) as supporter, or changes what they contribute. */
export async function addSupportingExpert(
  ctx: EditorContext,
  id: number,
  expertSlug: string,
  contribution: string,
): Promise<'added' | 'not-found' | 'expert-not-found' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  const expert = await findVisibleExpert(ctx.db, expertSlug, ctx.user);
  if (!expert) return 'expert-not-found';
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await q.lockProjectIdea(trx, id))) return 'not-found';
    await q.upsertSupportingExpert(trx, id, expert.id, contribution);
    await q.touchProjectIdea(trx, id);
    return 'added';
  });
}

export async function removeSupportingExpert(ctx: EditorContext, id: number, expertId: number): Promise<'removed' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await q.lockProjectIdea(trx, id))) return;
    await q.deleteSupportingExpert(trx, id, expertId);
    await q.touchProjectIdea(trx, id);
  });
  return 'removed';
}

export async function linkProjectWorkshop(
  ctx: EditorContext,
  id: number,
  eventId: number,
  linked: boolean,
): Promise<'saved' | 'not-found' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  if (linked && !(await choices.isWorkshopChoice(ctx.db, eventId))) return 'not-found';
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await q.lockProjectIdea(trx, id))) return 'not-found';
    if (linked) await q.addWorkshop(trx, id, eventId);
    else await q.deleteWorkshop(trx, id, eventId);
    await q.touchProjectIdea(trx, id);
    return 'saved';
  });
}

export type DocumentError = DocumentRefusal;

const documentsOf = (id: number) => ({
  lock: async (trx: Database) => (await q.lockProjectIdea(trx, id))?.documents,
  save: (trx: Database, docs: AttachedDocument[]) => q.setProjectDocuments(trx, id, docs),
});

/** Adds a PDF with its title (outline, concept note, budget); at most MAX_PROJECT_DOCUMENTS. */
export async function addProjectDocument(
  ctx: EditorContext,
  id: number,
  input: { file: unknown; title: string },
  config: Pick<Config, 'DATA_DIR'>,
): Promise<'added' | 'not-found' | 'forbidden' | DocumentError> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return attachDocument(
    ctx.db,
    config,
    { ...input, uploaderUserId: ctx.user.id, max: MAX_PROJECT_DOCUMENTS, limitKey: 'projectIdeas.editor.documentLimit' },
    documentsOf(id),
  );
}

export async function removeProjectDocument(ctx: EditorContext, id: number, uploadId: number): Promise<'removed' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  await detachDocument(ctx.db, uploadId, documentsOf(id));
  return 'removed';
}

export type ProjectIdeaRecord = q.ProjectIdeaRecord;

/** One idea with everything the editors keep of it, drafts included (no visibility rule: editors only). */
export function findProjectIdeaForEditors(db: Database, slug: string): Promise<ProjectIdeaRecord | undefined> {
  return q.findProjectIdeaBySlug(db, slug);
}

/** Every idea, drafts included, for the editors' list. */
export function listEditorProjectIdeas(db: Database, locale: Locale) {
  return q.searchProjectIdeas(db, locale, { stages: [], themes: [], regions: [], text: '', includeDrafts: true, limit: 500, offset: 0 });
}

/** What the editor form offers: calls for support of project ideas and events the idea can have gone through. */
export async function loadEditorChoices(db: Database, locale: Locale, callId: number | null) {
  const [calls, workshops, offers] = await Promise.all([
    choices.listCallChoices(db, locale),
    choices.listWorkshopChoices(db, locale),
    callId ? listAcceptedExpertOffers(db, callId) : Promise.resolve([]),
  ]);
  return { calls, workshops, offers };
}
