import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, PASSWORD, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { complete, createPractice } from '../../../../tests/helpers/practice-workflow.ts';

// A display name or a title is one line: typed (or pasted) line breaks and control characters must not
// reach mail headers or subjects, the audit log or a page's <title>.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
});
after(async () => t.close());

describe('one-line fields on input', () => {
  it('stores a display name without its line breaks', async () => {
    const v = newVisitor(t);
    await v.get('/en/register');
    const name = 'Amal\r\nBcc: evil@example.org\u0007';
    const res = await v.post('/en/register', { name, email: 'amal@city.example', password: PASSWORD, locale: 'en', privacy: 'yes' });
    assert.equal(res.status, 303);
    const user = await t.database.db.selectFrom('users').select('name').where('email', '=', 'amal@city.example').executeTakeFirstOrThrow();
    assert.equal(user.name, 'Amal Bcc: evil@example.org');
  });

  it('stores a practice title and contact name as one line, and keeps the lines of its texts', async () => {
    await createMember(t, 'author@city.example');
    const author = await signedIn(t, 'author@city.example');
    const id = await createPractice(author, {
      ...complete,
      title: 'Waste pickers\r\nin cooperatives\u0000\u001b',
      contactName: 'Amina\nExample',
    });
    const revision = await t.database.db
      .selectFrom('practice_revisions')
      .select('content')
      .where('practice_id', '=', id)
      .executeTakeFirstOrThrow();
    const content: unknown = typeof revision.content === 'string' ? JSON.parse(revision.content) : revision.content;
    const record = content as { contact: { name: string }; translations: { de: { title: string; approach: string } } };
    assert.equal(record.translations.de.title, 'Waste pickers in cooperatives');
    assert.equal(record.contact.name, 'Amina Example');
    assert.match(record.translations.de.approach, /aufbauen\n2\. /, 'a multi-line text keeps its lines');
  });
});
