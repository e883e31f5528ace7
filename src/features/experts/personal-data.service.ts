import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './personal-data.queries.ts';
import { deleteExpertProfileOfUser, getMyExpertProfile } from './profile/expert-profile.service.ts';

// The experts module's part of a member's data export and of account deletion: the member's own
// profile, the experts they wrote to, and (editors) the matching requests and notes they kept.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const [profile, sent, received, requests, notes] = await Promise.all([
    getMyExpertProfile(trx, userId),
    q.listExpertContactsSentBy(trx, userId),
    q.listExpertContactsReceivedBy(trx, userId),
    q.listMatchRequestsCreatedBy(trx, userId),
    q.listMatchNotesBy(trx, userId),
  ]);
  return {
    expertProfile: profile ?? null,
    // The message itself was only mailed (expert_contacts keeps who, to whom and when), so the export
    // says so instead of leaving the reader to wonder where the text is.
    expertContactsSent: sent.map((c) => ({ expert: { name: c.display_name, slug: c.slug }, at: c.created_at, messageKept: false })),
    // Only when: who wrote belongs to the senders.
    expertContactsReceived: received.map((c) => ({ at: c.created_at, messageKept: false })),
    matchRequests: requests.map((r) => ({ title: r.title, conditions: r.query, createdAt: r.created_at, updatedAt: r.updated_at })),
    matchRequestNotes: notes.map((n) => ({
      request: n.request_title,
      expert: { name: n.display_name, slug: n.slug },
      note: n.note,
      at: n.created_at,
    })),
  };
}

/**
 * The profile goes, with its texts, lists, photo reference and the log of messages it received (foreign
 * keys cascade from the expert row). What the member did about others stays for them, without the
 * member: the experts' contact log (an expert's count of messages must not change because a sender
 * left), the editorial team's saved requests and notes.
 */
async function eraseData(trx: Database, userId: number): Promise<void> {
  await deleteExpertProfileOfUser(trx, userId);
  await q.forgetExpertContactSender(trx, userId);
  await q.forgetMatchRequestAuthor(trx, userId);
}

export const expertsPersonalData: PersonalDataHooks = {
  tables: ['experts', 'expert_contacts', 'match_requests', 'match_request_contacts'],
  exportData,
  eraseData,
};
