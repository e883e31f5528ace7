import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { insertMembers } from '../../../tests/helpers/events.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { projectIdeasPersonalData } from './personal-data.service.ts';
import { changeProjectStage, saveProjectIdea } from './project-idea-editor.service.ts';
import { projectIdeaForm } from './project-ideas.forms.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase({ seed: 'taxonomy' });
});
after(() => database.close());

describe('personal data: project ideas', () => {
  it('exports the steps an editor recorded, and erasing keeps them without the editor', async () => {
    const [first, second] = await insertMembers(database.db, 2, 'idea-editor');
    assert.ok(first && second);
    const amina: CurrentUser = { ...first, role: 'editor' };
    const other: CurrentUser = { ...second, role: 'editor' };
    const form = projectIdeaForm.parse({
      lang: 'en',
      status: 'published',
      title: 'Solar kiosks for Irbid markets',
      summary: 'Shade and power for market traders.',
      challenge: 'Traders lose goods in the heat.',
      city: 'Irbid',
      country: 'JO',
      budget: '120000',
    });
    const saved = await saveProjectIdea({ db: database.db, user: amina }, null, form);
    assert.ok(saved.ok, JSON.stringify(saved));
    const idea = await database.db.selectFrom('project_ideas').select('id').where('slug', '=', saved.slug).executeTakeFirstOrThrow();
    const step = { stage: 'validated' as const, reachedOn: '2026-02-10', note: 'Confirmed by the mayor’s office' };
    assert.equal(await changeProjectStage({ db: database.db, user: amina }, idea.id, step), 'saved');
    assert.equal(
      await changeProjectStage({ db: database.db, user: other }, idea.id, { ...step, stage: 'in-planning', note: 'Workshop held' }),
      'saved',
    );

    const exported = await database.db.transaction().execute((trx) => projectIdeasPersonalData.exportData(trx, amina.id));
    const steps = exported.projectIdeaSteps as Array<{
      projectIdea: { slug: string; title: string };
      stage: string;
      note: string;
      reachedOn: string;
    }>;
    assert.deepEqual(
      steps.map((s) => [s.projectIdea.title, s.stage, s.note]),
      [
        ['Solar kiosks for Irbid markets', 'idea', ''],
        ['Solar kiosks for Irbid markets', 'validated', 'Confirmed by the mayor’s office'],
      ],
    );
    assert.equal(steps[1]?.reachedOn, '2026-02-10');

    await database.db.transaction().execute((trx) => projectIdeasPersonalData.eraseData(trx, amina.id, MAIL_CTX));
    const kept = await database.db.selectFrom('project_idea_stages').select(['stage', 'actor_id']).orderBy('id').execute();
    assert.deepEqual(kept, [
      { stage: 'idea', actor_id: null },
      { stage: 'validated', actor_id: null },
      { stage: 'in-planning', actor_id: other.id },
    ]);
    const after = await database.db.transaction().execute((trx) => projectIdeasPersonalData.exportData(trx, amina.id));
    assert.deepEqual(after, { projectIdeaSteps: [] });
  });
});
