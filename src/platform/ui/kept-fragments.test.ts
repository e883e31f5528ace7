import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from '../db/client.ts';
import { keptFragment } from './kept-fragments.ts';

// The layout's kept menu and footer (kept-fragments.ts): drawn once per database and key, for at most a
// minute; never kept without a key (a signed-in person's) or a database.

const databases = () => [{}, {}] as unknown as [Database, Database];

function counter(text: string | (() => Promise<string>)) {
  let draws = 0;
  const draw = () => {
    draws++;
    return { toString: () => (typeof text === 'string' ? `${text}${draws}` : text()) };
  };
  return { draw, draws: () => draws };
}

describe('kept fragments', () => {
  it('draw once per database and key, and again after a minute', () => {
    const [db, other] = databases();
    const menu = counter('<nav>');
    const at = 1_000_000;
    assert.equal(String(keptFragment(db, 'menu|en', menu.draw, at)), '<nav>1');
    assert.equal(String(keptFragment(db, 'menu|en', menu.draw, at + 59_000)), '<nav>1');
    assert.equal(String(keptFragment(db, 'menu|ar', menu.draw, at)), '<nav>2', 'another key');
    assert.equal(String(keptFragment(other, 'menu|en', menu.draw, at)), '<nav>3', 'another database');
    assert.equal(String(keptFragment(db, 'menu|en', menu.draw, at + 60_000)), '<nav>4', 'a minute later');
    assert.equal(menu.draws(), 4);
  });

  it('never keep what has no key or no database', () => {
    const [db] = databases();
    const personal = counter('<ul>');
    keptFragment(db, null, personal.draw);
    keptFragment(db, null, personal.draw);
    keptFragment(undefined, 'footer|en', personal.draw);
    assert.equal(personal.draws(), 3);
  });

  it('keep a fragment with asynchronous parts once they are drawn', async () => {
    const [db] = databases();
    const footer = counter(async () => '<footer>');
    const first = keptFragment(db, 'footer|en|1', footer.draw, 0);
    assert.ok(first instanceof Promise);
    assert.equal(String(await first), '<footer>');
    assert.equal(String(keptFragment(db, 'footer|en|1', footer.draw, 1)), '<footer>');
    assert.equal(footer.draws(), 1);
  });
});
