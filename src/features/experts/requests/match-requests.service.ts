import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import type { MatchInput } from '../matching/expert-matching.forms.ts';
import { storedInput } from './match-requests.forms.ts';
import * as q from './match-requests.queries.ts';

// Editors' saved matching requests: a city's challenge kept with its conditions, run again whenever it
// is opened (profiles change), adjusted, and annotated with the experts the office contacted for it.

export type EditorContext = { db: Database; user: CurrentUser };

export async function saveMatchRequest(ctx: EditorContext, title: string, input: MatchInput): Promise<number | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return ctx.db.transaction().execute((trx) => q.insertMatchRequest(trx, { title, query: input, createdBy: ctx.user.id }));
}

export async function changeMatchRequest(
  ctx: EditorContext,
  id: number,
  title: string,
  input: MatchInput,
): Promise<'saved' | 'not-found' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return (await ctx.db.transaction().execute((trx) => q.updateMatchRequest(trx, id, { title, query: input }))) ? 'saved' : 'not-found';
}

/** Deletes a saved request with its contact notes (the experts and their contact log stay). */
export async function deleteMatchRequest(ctx: EditorContext, id: number): Promise<'deleted' | 'not-found' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return (await ctx.db.transaction().execute((trx) => q.deleteMatchRequest(trx, id))) ? 'deleted' : 'not-found';
}

export async function getMatchRequest(db: Database, id: number) {
  const request = await q.findMatchRequest(db, id);
  if (!request) return undefined;
  const contacts = await q.listContactNotes(db, id);
  return { request, input: storedInput(request.query), contacts };
}

export function listMatchRequests(db: Database) {
  return q.listMatchRequests(db);
}

/** Notes that the office contacted an expert for this request (again: the note is replaced). */
export async function noteContactedExpert(
  ctx: EditorContext,
  requestId: number,
  expertId: number,
  note: string,
): Promise<'noted' | 'not-found' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await q.findMatchRequest(trx, requestId)) || !(await q.expertExists(trx, expertId))) return 'not-found';
    await q.upsertContactNote(trx, { requestId, expertId, notedBy: ctx.user.id, note });
    return 'noted';
  });
}

export async function forgetContactedExpert(ctx: EditorContext, requestId: number, expertId: number): Promise<'removed' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  await ctx.db.transaction().execute((trx) => q.deleteContactNote(trx, requestId, expertId));
  return 'removed';
}
