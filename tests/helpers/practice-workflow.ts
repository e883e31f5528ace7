import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { catalogs } from '../../src/platform/i18n/catalogs.ts';
import { getI18n } from '../../src/platform/i18n/i18n.ts';
import { createMember, signedIn } from './accounts.ts';
import { createTestApp, type TestApp } from './app.ts';
import type { Visitor } from './http.ts';

// The steps the workflow's, the editor's and the files' tests take over HTTP (no tests of its own): an
// app with an author, another member and an editor, a complete practice, and the workflow's actions.

export type WorkflowWorld = { t: TestApp; author: Visitor; other: Visitor; editor: Visitor };

/** The test file's app and its three people, set up before its tests; submissions start uncounted in each test. */
export function useWorkflowApp(): WorkflowWorld {
  const world = {} as WorkflowWorld;
  before(async () => {
    world.t = await createTestApp({ seed: 'demo', env: { BASE_URL: 'https://peers.example.org', TRUST_PROXY: 'true' } });
    await createMember(world.t, 'amina@city.example');
    await createMember(world.t, 'other@city.example');
    await createMember(world.t, 'editor@network.example', 'editor');
    world.author = await signedIn(world.t, 'amina@city.example');
    world.other = await signedIn(world.t, 'other@city.example');
    world.editor = await signedIn(world.t, 'editor@network.example');
  });
  after(() => world.t?.close());
  // Submissions are rate-limited per member (tested on its own); the other tests start with none counted.
  beforeEach(() => world.t?.database.db.deleteFrom('rate_limits').execute());
  return world;
}

export const complete = {
  lang: 'de',
  intent: 'save',
  title: 'Abfallsammlerinnen in Genossenschaften',
  summary: 'Die Stadt bindet informelle Abfallsammlerinnen in die kommunale Sammlung ein.',
  challenge: 'Tausende Menschen sammelten Wertstoffe ohne Vertrag und ohne Schutz.',
  approach: '1. Register aufbauen\n2. Genossenschaften gründen\n3. Verträge schließen',
  results: 'Die Recyclingquote stieg.',
  lessons: 'Früh mit den Sammlerinnen reden.',
  transfer: 'Eine Satzung, die Verträge mit Genossenschaften erlaubt.',
  resources: 'Zwei Stellen in der Verwaltung.',
  city: 'Belo Horizonte',
  country: 'BR',
  topic: ['waste-management'],
  sdg: ['8', '11'],
  startYear: '2016',
  endYear: '',
  projectState: 'ongoing',
  partners: 'Cooperativa Asmare',
  links: 'https://example.org/asmare Asmare',
  contactSelf: 'yes',
  contactName: 'Amina Example',
  contactOrganisation: 'Stadt Belo Horizonte',
};

/** Creates a practice as `who` and returns its id (from the redirect to the workspace). */
export async function createPractice(who: Visitor, fields: Record<string, string | string[]> = complete): Promise<number> {
  await who.get('/en/my/practices/new');
  const res = await who.post('/en/my/practices/new', fields);
  assert.equal(res.status, 303);
  const id = Number(/\/my\/practices\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
  assert.ok(id > 0);
  return id;
}

const NOTICE_KEYS = Object.keys(catalogs.en)
  .filter((k) => k.startsWith('practiceWorkflow.notices.'))
  .map((k) => k.slice('practiceWorkflow.notices.'.length));

/** The notice an action led to: from the redirect (?notice=) or, when refused, from the page shown again. */
export async function noticeOf(res: Response): Promise<string> {
  const fromLocation = /notice=(\w+)/.exec(res.headers.get('location') ?? '')?.[1];
  if (fromLocation) return fromLocation;
  const html = await res.clone().text();
  const { t: translate } = getI18n('en');
  return NOTICE_KEYS.find((k) => html.includes(`role="status">${translate(`practiceWorkflow.notices.${k}`)}`)) ?? `(status ${res.status})`;
}

export async function act(who: Visitor, area: 'my' | 'editor', id: number, action: string, comment = '') {
  await who.get(`/en/${area}/practices/${id}`);
  return who.post(`/en/${area}/practices/${id}/act`, { action, comment });
}

/** Creates a practice as the world's author, submits it and has the editor publish it; returns its id. */
export async function publishedPractice(world: WorkflowWorld, fields: Record<string, string | string[]>): Promise<number> {
  const id = await createPractice(world.author, fields);
  await act(world.author, 'my', id, 'submit');
  await act(world.editor, 'editor', id, 'publish');
  return id;
}

export const publicStatus = async (t: TestApp, id: number) =>
  await t.database.db.selectFrom('practices').select(['slug', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
