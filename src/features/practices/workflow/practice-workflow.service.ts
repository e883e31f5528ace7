import { consumeRateLimits } from '../../../core/rate-limits/rate-limits.service.ts';
import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { slugify } from '../../../platform/lib/slug.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import type { RevisionState } from '../practices.table.ts';
import { contentTitle, missingForReview, type PracticeContent, readContent } from '../record/practice-content.model.ts';
import { freeSlug, readLiveContent, writeLiveRecord } from '../record/practice-record.service.ts';
import { type NoticeEvent, notifyWorkflow } from './practice-notices.service.ts';
import {
  type Actor,
  availableActions,
  EDITABLE_STATES,
  type EditorView,
  transition,
  type WorkflowAction,
} from './practice-workflow.model.ts';
import * as q from './practice-workflow.queries.ts';

/** Submissions mail every editor. */
export const SUBMISSION_LIMITS = {
  // Each submission mails every editor: a member cannot flood the editorial team by submit/withdraw loops.
  practiceSubmitPerMember: { name: 'practice-submit:member', limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

// The use cases of the editorial workflow, one transaction each. Members write revisions; editors decide.
// Access rule: a practice's workspace is open to its author and to editors, and to nobody else (others
// get "not found", so drafts do not even reveal that they exist).

export type WorkflowContext = { db: Database; user: CurrentUser; baseUrl: string };

function actorsFor(user: CurrentUser, practice: q.PracticeHeader): Actor[] {
  const actors: Actor[] = [];
  if (practice.author_user_id === user.id && can(user, 'act-as-member')) actors.push('author');
  if (can(user, 'edit-content')) actors.push('editor');
  return actors;
}

/** Starts a practice: a draft record nobody else sees, and its first revision. */
export async function startPractice(ctx: WorkflowContext, content: PracticeContent): Promise<number> {
  const title = Object.values(content.translations).find((t) => t?.title.trim())?.title ?? content.city;
  // Two people starting practices with the same title at the same moment may pick the same free slug;
  // the unique index refuses the second, which then simply tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const id = await q.insertDraftPractice(trx, await freeSlug(trx, slugify(title, 'practice')), ctx.user.id);
        const revisionId = await q.insertRevision(trx, { practiceId: id, content, authorUserId: ctx.user.id });
        await q.insertHistory(trx, { practiceId: id, revisionId, actorUserId: ctx.user.id, from: null, to: 'draft', comment: '' });
        return id;
      });
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== '23505') throw error;
    }
  }
}

export type Workspace = {
  practice: q.PracticeHeader;
  revision: q.RevisionRow | undefined;
  /** What the author works on: the open revision, else the live record, else the last proposal. */
  content: PracticeContent;
  editable: boolean;
  actors: Actor[];
  actions: WorkflowAction[];
  history: Awaited<ReturnType<typeof q.listHistory>>;
};

/** Everything the author's and the editor's pages show, or undefined when the user may not see it. */
export async function getWorkspace(db: Database, user: CurrentUser, practiceId: number): Promise<Workspace | undefined> {
  const practice = await q.findPracticeHeader(db, practiceId);
  if (!practice) return undefined;
  const actors = actorsFor(user, practice);
  if (actors.length === 0) return undefined;
  const [open, latest, history] = await Promise.all([
    q.findOpenRevision(db, practiceId),
    q.findLatestRevision(db, practiceId),
    q.listHistory(db, practiceId),
  ]);
  const isLive = practice.status === 'published' || practice.status === 'archived';
  const revision = open ?? latest;
  const content = open ? readContent(open.content) : isLive ? await readLiveContent(db, practiceId) : readContent(latest?.content);
  return {
    practice,
    revision,
    content: content ?? readContent({}),
    editable: open ? EDITABLE_STATES.includes(open.state) : practice.status !== 'archived',
    actors,
    actions: open ? availableActions(open.state, actors) : [],
    history,
  };
}

export type SaveOutcome = 'saved' | 'not-found' | 'locked';

/**
 * Saves the author's (or an editor's) changes into the open revision. Without one, a new revision
 * starts from the live record (a published practice stays online unchanged) or from the last proposal.
 */
export async function saveRevision(
  ctx: WorkflowContext,
  practiceId: number,
  change: (content: PracticeContent) => PracticeContent,
): Promise<SaveOutcome> {
  return ctx.db.transaction().execute((trx) => saveRevisionIn(trx, ctx.user, practiceId, change));
}

/** saveRevision inside the caller's transaction (uploads store the file and the revision together). */
export async function saveRevisionIn(
  trx: Database,
  user: CurrentUser,
  practiceId: number,
  change: (content: PracticeContent) => PracticeContent,
): Promise<SaveOutcome> {
  const practice = await q.lockPractice(trx, practiceId);
  if (!practice || actorsFor(user, practice).length === 0) return 'not-found';
  const open = await q.findOpenRevision(trx, practiceId);
  if (open) {
    if (!EDITABLE_STATES.includes(open.state)) return 'locked';
    await q.updateRevisionContent(trx, open.id, change(readContent(open.content)));
    return 'saved';
  }
  if (practice.status === 'archived') return 'locked';
  const isLive = practice.status === 'published';
  const base = isLive ? await readLiveContent(trx, practiceId) : readContent((await q.findLatestRevision(trx, practiceId))?.content);
  const revisionId = await q.insertRevision(trx, { practiceId, content: change(base ?? readContent({})), authorUserId: user.id });
  await q.insertHistory(trx, { practiceId, revisionId, actorUserId: user.id, from: null, to: 'draft', comment: '' });
  return 'saved';
}

export type ActOutcome =
  | { ok: true; to: RevisionState }
  | { ok: false; reason: 'not-found' | 'not-allowed' | 'comment-required' | 'rate-limited' }
  | { ok: false; reason: 'incomplete'; missing: string[] };

/** Queues the notices of a step the context's user took on `practice` (practice-notices.service.ts says who hears). */
function notifyStep(
  trx: Database,
  ctx: WorkflowContext,
  practice: q.PracticeHeader,
  step: { event: NoticeEvent; content: PracticeContent; comment: string },
) {
  return notifyWorkflow(trx, {
    ...step,
    practiceId: practice.id,
    slug: practice.slug,
    authorUserId: practice.author_user_id,
    actorUserId: ctx.user.id,
    baseUrl: ctx.baseUrl,
  });
}

const NOTICE_OF: Partial<Record<RevisionState, NoticeEvent>> = {
  submitted: 'submitted',
  resubmitted: 'resubmitted',
  changes_requested: 'changes_requested',
  published: 'published',
  rejected: 'rejected',
};

/**
 * Takes a workflow action on the open revision: checks who may, records who and when (with the
 * comment), publishes the content when approved, and queues the notices, all in one transaction.
 */
export async function actOnRevision(
  ctx: WorkflowContext,
  practiceId: number,
  action: WorkflowAction,
  comment: string,
): Promise<ActOutcome> {
  return decideInTransaction(ctx, practiceId, action, comment);
}

function decideInTransaction(ctx: WorkflowContext, practiceId: number, action: WorkflowAction, comment: string): Promise<ActOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const practice = await q.lockPractice(trx, practiceId);
    const actors = practice ? actorsFor(ctx.user, practice) : [];
    if (!practice || actors.length === 0) return { ok: false, reason: 'not-found' };
    const open = await q.findOpenRevision(trx, practiceId);
    if (!open) return { ok: false, reason: 'not-allowed' };
    const outcome = transition(open.state, action, actors, comment);
    if (!outcome.ok) return outcome;
    const content = readContent(open.content);
    const index = await loadTaxonomyIndex(trx);
    if (action === 'submit' || action === 'publish') {
      const missing = missingForReview(content, index);
      if (missing.length) return { ok: false, reason: 'incomplete', missing };
    }
    // Counted only when the submission goes through: attempts refused as incomplete cost nothing.
    if (action === 'submit') {
      const limited = await consumeRateLimits(trx, [{ rule: SUBMISSION_LIMITS.practiceSubmitPerMember, subject: `user:${ctx.user.id}` }]);
      if (!limited.allowed) return { ok: false, reason: 'rate-limited' };
    }
    await q.setRevisionState(
      trx,
      open.id,
      outcome.to,
      actors.includes('editor') && action !== 'submit' && action !== 'withdraw' ? ctx.user.id : undefined,
    );
    await q.insertHistory(trx, {
      practiceId,
      revisionId: open.id,
      actorUserId: ctx.user.id,
      from: open.state,
      to: outcome.to,
      comment: comment.trim(),
    });
    if (outcome.to === 'published') {
      await writeLiveRecord(trx, practiceId, content, index, { status: 'published' });
    }
    const event = NOTICE_OF[outcome.to];
    if (event) await notifyStep(trx, ctx, practice, { event, content, comment });
    return { ok: true, to: outcome.to };
  });
}

export type ArchiveOutcome = 'archived' | 'restored' | 'not-found' | 'not-allowed';

/** Editors take a published practice offline (archived) or bring it back; recorded like every change. */
export async function setArchived(ctx: WorkflowContext, practiceId: number, archived: boolean, comment: string): Promise<ArchiveOutcome> {
  if (!can(ctx.user, 'edit-content')) return 'not-allowed';
  return archiveInTransaction(ctx, practiceId, archived, comment);
}

function archiveInTransaction(ctx: WorkflowContext, practiceId: number, archived: boolean, comment: string): Promise<ArchiveOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const practice = await q.lockPractice(trx, practiceId);
    if (!practice) return 'not-found';
    const from = practice.status;
    if (archived ? from !== 'published' : from !== 'archived') return 'not-allowed';
    const to = archived ? 'archived' : 'published';
    await q.setPracticeStatus(trx, practiceId, to);
    // An archived practice is frozen: a version waiting for review is withdrawn with it (and recorded),
    // so approving it later cannot quietly bring the practice back online.
    const open = archived ? await q.findOpenRevision(trx, practiceId) : undefined;
    if (open) {
      await q.setRevisionState(trx, open.id, 'withdrawn', ctx.user.id);
      await q.insertHistory(trx, {
        practiceId,
        revisionId: open.id,
        actorUserId: ctx.user.id,
        from: open.state,
        to: 'withdrawn',
        comment: '',
      });
    }
    await q.insertHistory(trx, { practiceId, revisionId: null, actorUserId: ctx.user.id, from, to, comment: comment.trim() });
    if (archived) {
      const content = (await readLiveContent(trx, practiceId)) ?? readContent({});
      await notifyStep(trx, ctx, practice, { event: 'archived', content, comment });
    }
    return archived ? 'archived' : 'restored';
  });
}

export function listMyPractices(db: Database, user: CurrentUser, locale: string) {
  return q.listPracticesByAuthor(db, user.id, locale);
}

export async function listEditorPractices(db: Database, locale: string, view: EditorView) {
  const [rows, counts] = await Promise.all([q.listForEditors(db, locale, view), q.countForEditors(db)]);
  return { rows, counts };
}

/** The title of a practice in a list: the live title, else the proposed one, in the reader's language. */
export function rowTitle(row: q.RevisionSummary, locale: Locale): string {
  return row.live_title ?? contentTitle(readContent(row.revision_content), locale);
}
