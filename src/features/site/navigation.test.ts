import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';

// The main navigation reaches every public section and marks the one a page belongs to (project ideas
// used to mark "Events", the impact page "About"); the home page's sentence box runs the matching.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'demo' });
});
after(() => t.close());

// The impact figures and the newsletter's archive are linked from every page's footer (and the home page)
// instead: with the information hub's three sections the main line would no longer fit a 1280 px header.
const SECTIONS = ['/practices', '/experts', '/experts/match', '/events', '/calls', '/project-ideas', '/news', '/publications', '/videos'];

async function page(path: string): Promise<string> {
  const res = await t.request(path);
  assert.equal(res.status, 200, path);
  return res.text();
}

/** The main navigation's links (path after the locale) and the one marked as the current page. */
function mainNav(html: string, locale = 'en'): { links: string[]; current: string[] } {
  const nav = /<nav class="main-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  const anchors = [...nav.matchAll(/<a href="\/[a-z]{2}([^"]*)"([^>]*)>/g)];
  assert.ok(
    anchors.every((a) => a[0].startsWith(`<a href="/${locale}`)),
    'links stay in the page’s language',
  );
  return {
    links: anchors.map((a) => a[1] ?? ''),
    current: anchors.filter((a) => a[2]?.includes('aria-current="page"')).map((a) => a[1] ?? ''),
  };
}

/** The first link of a list page to one of its entries. */
async function firstEntry(list: string, pattern: RegExp): Promise<string> {
  const html = await page(`/en${list}`);
  const href = [...html.matchAll(/href="(\/en\/[^"?#]+)"/g)].map((m) => m[1] ?? '').find((h) => pattern.test(h));
  assert.ok(href, `an entry on ${list}`);
  return href;
}

describe('main navigation', () => {
  it('reaches every public section, in the same order in every language', async () => {
    for (const locale of LOCALES) {
      assert.deepEqual(mainNav(await page(`/${locale}/`), locale).links, SECTIONS, locale);
    }
  });

  it('marks the section of every page, and none on pages outside the sections', async () => {
    const expected: Array<[string, string | undefined]> = [
      ['/en/practices', '/practices'],
      [await firstEntry('/practices', /^\/en\/practices\/[a-z0-9-]+$/), '/practices'],
      ['/en/experts', '/experts'],
      [await firstEntry('/experts', /^\/en\/experts\/(?!match$)[a-z0-9-]+$/), '/experts'],
      ['/en/experts/match', '/experts/match'],
      ['/en/experts/match?challenge=waste%20pickers', '/experts/match'],
      ['/en/events', '/events'],
      [await firstEntry('/events', /^\/en\/events\/[a-z0-9-]+$/), '/events'],
      ['/en/calls', '/calls'],
      [await firstEntry('/calls', /^\/en\/calls\/[a-z0-9-]+$/), '/calls'],
      ['/en/project-ideas', '/project-ideas'],
      [await firstEntry('/project-ideas', /^\/en\/project-ideas\/[a-z0-9-]+$/), '/project-ideas'],
      ['/en/impact', undefined],
      ['/en/newsletter', undefined],
      ['/en/news', '/news'],
      ['/en/news/a-berliner-in-jakarta', '/news'],
      ['/en/publications', '/publications'],
      [await firstEntry('/publications', /^\/en\/publications\/[a-z0-9-]+$/), '/publications'],
      ['/en/videos', '/videos'],
      [await firstEntry('/videos', /^\/en\/videos\/[a-z0-9-]+$/), '/videos'],
      ['/en/', undefined],
      ['/en/about', undefined],
      ['/en/themes', undefined],
      ['/en/privacy', undefined],
    ];
    for (const [path, section] of expected) {
      assert.deepEqual(mainNav(await page(path)).current, section ? [section] : [], path);
    }
  });

  it('folds into a menu that needs no script: a <details> disclosure with a named button', async () => {
    for (const locale of LOCALES) {
      const html = await page(`/${locale}/events`);
      const menu = /<details class="site-menu">\s*<summary>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/.exec(html);
      assert.ok(menu, `${locale}: the menu`);
      assert.match(menu[1] ?? '', /<svg class="menu-icon" aria-hidden="true"/);
      assert.ok((menu[1] ?? '').replace(/<svg[\s\S]*<\/svg>/, '').trim().length > 0, `${locale}: the button has a text`);
      assert.match(menu[2] ?? '', /class="main-nav"/, `${locale}: the sections are in the menu`);
      assert.match(menu[2] ?? '', /class="lang-switch"/, `${locale}: so are the languages`);
    }
  });
});

describe('home page sentence box', () => {
  it('offers the matching with a labelled sentence box, in every language', async () => {
    for (const locale of LOCALES) {
      const html = await page(`/${locale}/`);
      const form = /<form method="get" action="\/([a-z]{2})\/experts\/match" class="match-box">([\s\S]*?)<\/form>/.exec(html);
      assert.ok(form, `${locale}: the form`);
      assert.equal(form[1], locale);
      const label = /<label for="home-challenge">([^<]+)<\/label>/.exec(form[2] ?? '')?.[1];
      assert.ok(label && label.length > 10, `${locale}: labelled`);
      assert.match(form[2] ?? '', /<input id="home-challenge" name="challenge" type="text"[^>]*aria-describedby="home-challenge-hint"/);
    }
    const en = await page('/en/');
    assert.match(en, /Describe your city&#39;s challenge in a sentence/);
    assert.match(await page('/ar/'), /صِفوا التحدّي الذي تواجهه مدينتكم في جملة واحدة/);
    assert.doesNotMatch(await page('/de/'), /Describe your city/, 'translated');
  });

  it('sends the sentence to the matching page, which runs it at once', async () => {
    const sentence = 'our city needs to organise informal waste pickers into a cooperative';
    const res = await t.request(`/en/experts/match?${new URLSearchParams({ challenge: sentence })}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<meta name="robots" content="noindex"/, 'a run request is not for search engines');
    assert.ok(html.includes(`>${sentence}</textarea>`), 'the sentence stands in the form, to refine it');
    assert.match(html, /id="match-results"/);
    assert.match(html, /<div role="status" class="results-count"><h2 id="match-results">/, 'the count is announced');
    assert.doesNotMatch(html, /<h[1-6][^>]*role="status"/, 'from a live region, not from the heading (not valid HTML)');
    assert.match(html, /<ol class="result-list">/, 'the demo has peers for it');
    // An empty box shows the matching form, not an error.
    const empty = await t.request('/en/experts/match?challenge=%20');
    assert.equal(empty.status, 200);
    assert.doesNotMatch(await empty.text(), /id="match-results"|error-summary/);
  });
});
