import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as calls from './calls.queries.ts';
import type { ApplicationStatus } from './calls.table.ts';
import * as q from './personal-data.queries.ts';

// The calls' part of a member's data export and of account deletion.

/** Applications still waiting for a decision: the ones a member may withdraw. */
const OPEN: ApplicationStatus[] = ['submitted', 'in_review', 'revision_requested'];
/** The decisions mailed to the applicant with the editor's note ("in review" is not: see reviewApplication). */
const MAILED: ApplicationStatus[] = ['revision_requested', 'accepted', 'rejected'];

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const applications = await q.listApplicationsOfUser(trx, userId);
  const histories = await Promise.all(applications.map((a) => calls.listHistory(trx, a.id)));
  return {
    callApplications: applications.map((a, i) => ({
      call: { slug: a.call_slug, title: a.call_title },
      status: a.status,
      municipality: { city: a.city_name, country: a.country_code },
      organisation: a.organisation,
      proposal: a.proposal,
      // Answers are kept by position; the questions are the call's, in the member's language.
      answers: a.answers.map((answer, n) => ({ question: a.questions?.[n] ?? null, answer })),
      submittedAt: a.submitted_at,
      updatedAt: a.updated_at,
      decidedAt: a.decided_at,
      // What the editors told the applicant; not who they were (the editors' names are theirs).
      notesFromEditors: (histories[i] ?? [])
        .filter((h) => h.note && MAILED.includes(h.status as ApplicationStatus))
        .map((h) => ({ status: h.status, note: h.note, at: h.created_at })),
    })),
  };
}

/**
 * Applications still open are withdrawn, as the member could do themselves: under the call's lock, so
 * the place they held in their municipality's quota is free for others. Decided ones keep their
 * decision. Every application loses what the member wrote (answers, proposal, organisation); the
 * history keeps its steps without saying who took them.
 */
async function eraseData(trx: Database, userId: number): Promise<void> {
  for (const a of await q.listApplicationsOfUser(trx, userId)) {
    if (!OPEN.includes(a.status)) continue;
    await calls.lockCall(trx, a.call_id);
    // Read again under the lock: an editor's decision may have come in meanwhile.
    const current = await calls.findApplicationById(trx, a.id);
    if (!current || !OPEN.includes(current.status)) continue;
    await calls.setApplicationStatus(trx, a.id, 'withdrawn', false);
    // Nobody to name as actor: the account is being deleted.
    await calls.addHistory(trx, a.id, null, 'withdrawn', '');
  }
  await q.eraseApplicationTexts(trx, userId);
  await q.forgetHistoryActor(trx, userId);
}

export const callsPersonalData: PersonalDataHooks = {
  tables: ['call_applications', 'call_application_history'],
  exportData,
  eraseData,
};
