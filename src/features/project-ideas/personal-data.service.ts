import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './personal-data.queries.ts';

// The project ideas' part of a member's data export and of account deletion. Only editors record steps;
// an idea itself belongs to its project city, not to a person.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const steps = await q.listStepsRecordedBy(trx, userId);
  return {
    projectIdeaSteps: steps.map((s) => ({
      projectIdea: { slug: s.slug, title: s.title },
      stage: s.stage,
      reachedOn: s.reached_on,
      note: s.note,
      recordedAt: s.created_at,
    })),
  };
}

/** A step is part of the idea's documented path, so it stays; only the link to the member goes. */
async function eraseData(trx: Database, userId: number): Promise<void> {
  await q.forgetStepActor(trx, userId);
}

export const projectIdeasPersonalData: PersonalDataHooks = {
  tables: ['project_idea_stages'],
  exportData,
  eraseData,
};
