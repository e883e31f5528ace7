import type { Database } from '../../platform/db/client.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './personal-data.queries.ts';
import { rowTitle } from './workflow/practice-workflow.service.ts';

// The good practices' part of a member's data export and of account deletion.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const [authored, contacts, steps] = await Promise.all([
    q.listPracticesAuthoredBy(trx, userId),
    q.listPracticeContactsOf(trx, userId),
    q.listPracticeStepsBy(trx, userId),
  ]);
  const contact = (c: (typeof contacts)[number]) => ({ practice: { slug: c.slug, title: c.title }, at: c.created_at, messageKept: false });
  return {
    practicesAuthored: authored.map((p) => ({
      slug: p.slug,
      // A draft has no live title yet: what the member last proposed names it.
      title: rowTitle(p, isLocale(p.locale) ? p.locale : 'en'),
      status: p.status,
      revisionState: p.revision_state,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    })),
    practiceContactsSent: contacts
      .filter((c) => c.sent)
      .map((c) => ({ ...contact(c), to: c.to_editorial_team ? 'editorial-team' : 'member' })),
    practiceContactsReceived: contacts.filter((c) => !c.sent).map(contact),
    practiceSteps: steps.map((s) => ({
      practice: { slug: s.slug, title: s.title },
      from: s.from_state,
      to: s.to_state,
      comment: s.comment,
      at: s.created_at,
    })),
  };
}

/**
 * Drafts the member started and never submitted are deleted: nobody but the member (and editors) ever
 * saw them. Their files are then used by no record and go with the hourly pruneUploads, like every file
 * taken off a draft (uploads' own hook explains why not here). Practices that were submitted stay for
 * the network, without their author; so do the history, reviews and the contact log, without the
 * member.
 */
async function eraseData(trx: Database, userId: number): Promise<void> {
  await q.deletePractices(trx, await q.findUnsubmittedDraftsOf(trx, userId));
  await q.deleteOwnDraftRevisions(trx, userId);
  await q.removeContactPerson(trx, userId);
  await q.forgetPracticePerson(trx, userId);
}

export const practicesPersonalData: PersonalDataHooks = {
  tables: ['practices', 'practice_revisions', 'practice_history', 'practice_contacts'],
  exportData,
  eraseData,
};
