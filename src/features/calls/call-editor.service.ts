import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import { slugify } from '../../platform/lib/slug.ts';
import type { CallEditorForm } from './call-editor.forms.ts';
import * as q from './calls.queries.ts';

// Editors open calls: one transaction per save, one language's texts at a time.

/** Creates a call (slug from its title) or changes one; returns the slug, or 'forbidden'. */
export async function saveCall(
  ctx: { db: Database; user: CurrentUser },
  existing: q.CallRecord | null,
  f: CallEditorForm,
): Promise<string | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  return ctx.db.transaction().execute(async (trx) => {
    const write: q.CallWrite = {
      kind: f.kind,
      status: f.status,
      deadline: f.deadlineAt,
      time_zone: f.timeZone,
      event_id: f.eventId,
      per_municipality: f.perMunicipality,
    };
    let id = existing?.id;
    let slug = existing?.slug ?? '';
    if (id === undefined) {
      const base = slugify(f.title, 'call');
      slug = base;
      for (let n = 2; await q.isCallSlugTaken(trx, slug); n++) slug = `${base}-${n}`;
      id = await q.insertCall(trx, slug, write);
    } else await q.updateCall(trx, id, write);
    await q.upsertCallText(trx, id, {
      locale: f.lang,
      title: f.title,
      summary: f.summary,
      eligibility: f.eligibility,
      questions: f.questions,
    });
    return slug;
  });
}

export function listCallApplications(db: Database, callId: number) {
  return q.listApplications(db, callId);
}

export function listEventChoices(db: Database, locale: string) {
  return q.listEventChoices(db, locale);
}

export function applicationHistory(db: Database, applicationId: number) {
  return q.listHistory(db, applicationId);
}

/** Accepted applicants with an expert profile and what they offered (project ideas name them as supporters). */
export function listAcceptedExpertOffers(db: Database, callId: number) {
  return q.listAcceptedExpertOffers(db, callId);
}
