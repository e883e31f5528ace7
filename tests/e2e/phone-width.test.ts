import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LOCALES } from '../../src/platform/i18n/locales.ts';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserApp, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';

// A crawl of the demo site on a 360 px phone, in every language: no page may be wider than the screen
// (a French practice page was 493 px wide: its label/value list pushed the values off to the side).
// Public pages are reached as a visitor, detail pages by following the lists' links (so whatever the
// lists link to is checked), then an editor's own pages. Bounded: at most 25 pages a language, one
// browser for all of them.

const VIEWPORT = { width: 360, height: 740 };
const MAX_PAGES = 25;
const PUBLIC_PAGES = [
  '/',
  '/practices',
  '/experts',
  '/experts/match',
  '/events',
  '/calls',
  '/project-ideas',
  '/impact',
  '/themes',
  '/about',
  '/newsletter',
  '/sign-in',
  '/register',
];
/** The lists whose first entries are followed, and what a link to one of their entries looks like. */
const DETAIL_LINKS: Array<{ list: string; pattern: RegExp; take: number }> = [
  { list: '/practices', pattern: /^\/[a-z]{2}\/practices\/[a-z0-9-]+$/, take: 2 },
  { list: '/experts', pattern: /^\/[a-z]{2}\/experts\/[a-z0-9-]+$/, take: 1 },
  { list: '/events', pattern: /^\/[a-z]{2}\/events\/[a-z0-9-]+$/, take: 2 },
  { list: '/calls', pattern: /^\/[a-z]{2}\/calls\/[a-z0-9-]+$/, take: 1 },
  { list: '/project-ideas', pattern: /^\/[a-z]{2}\/project-ideas\/[a-z0-9-]+$/, take: 1 },
];
const SIGNED_IN_PAGES = ['/account', '/my/practices', '/my/practices/new', '/my/expert-profile', '/editor/events/new'];
const EDITOR = 'phone-editor@network.example';

let t: TestApp;
let app: BrowserApp;
let base: string;
let browser: Browser;

before(async () => {
  t = await createTestApp({ seed: 'demo', env: { TRUST_PROXY: 'true' } });
  await createMember(t, EDITOR, 'editor');
  app = await startBrowserApp(t);
  ({ base, browser } = app);
});

after(() => app?.close());

/**
 * How far the document reaches beyond the screen, and the outermost elements that stick out. A string,
 * not a function: the test runner's transpiler would name the inner functions with a helper the page lacks.
 */
const OVERFLOW_SCRIPT = `(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return { scrollWidth: root.scrollWidth, culprits: [] };
  const sticksOut = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
  };
  // Inside a scrolling box (a wide table in .table-scroll) width is allowed: the box scrolls, not the page.
  const scrolls = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  const describe = (el) => {
    const classes = [...el.classList].map((c) => '.' + c).join('');
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    const box = el.getBoundingClientRect();
    return '<' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes + '> ' +
      Math.round(box.left) + '…' + Math.round(box.right) + ' px "' + text + '"';
  };
  const culprits = [];
  const walk = (el) => {
    for (const child of el.children) {
      if (sticksOut(child)) culprits.push(describe(child));
      else if (!scrolls(child)) walk(child);
    }
  };
  walk(document.body);
  return { scrollWidth: root.scrollWidth, culprits: culprits.slice(0, 5) };
})()`;

/**
 * Text that runs out of its own box (a German compound in a figure or a card) without widening the page:
 * the boxes whose content is wider than they are, outside the scrolling ones.
 */
const BOXES_SCRIPT = `(() => {
  const spilled = [];
  for (const el of document.querySelectorAll('main :is(h1, h2, h3, .card, .figures li, dd, legend, summary, th, td)')) {
    if (el.clientWidth === 0 || el.closest('.table-scroll') || getComputedStyle(el).overflowX !== 'visible') continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      spilled.push('<' + el.tagName.toLowerCase() + '> text ' + el.scrollWidth + ' px in a ' + el.clientWidth + ' px box "' + text + '"');
    }
  }
  return spilled.slice(0, 5);
})()`;

async function overflowOf(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  const document = await page.evaluate<{ scrollWidth: number; culprits: string[] }>(OVERFLOW_SCRIPT);
  const spilled = await page.evaluate<string[]>(BOXES_SCRIPT);
  return { scrollWidth: document.scrollWidth, culprits: [...document.culprits, ...spilled] };
}

/** The first `take` distinct links on `page` whose path matches `pattern`. */
async function linksOn(page: Page, pattern: RegExp, take: number): Promise<string[]> {
  const hrefs = await page.$$eval('main a[href^="/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => h.split(/[?#]/)[0] ?? '').filter((h) => pattern.test(h)))].slice(0, take);
}

type Width = { path: string; scrollWidth: number; culprits: string[] };

async function measure(page: Page, path: string): Promise<Width> {
  const res = await page.goto(`${base}${path}`);
  assert.equal(res?.status(), 200, path);
  return { path, ...(await overflowOf(page)) };
}

describe('on a 360 px phone', () => {
  for (const locale of LOCALES) {
    it(`no page is wider than the screen in ${locale}`, async (test) => {
      const widths: Width[] = [];
      const visitor: BrowserContext = await browser.newContext({ viewport: VIEWPORT });
      const page = await visitor.newPage();
      for (const path of PUBLIC_PAGES) widths.push(await measure(page, `/${locale}${path}`));
      for (const { list, pattern, take } of DETAIL_LINKS) {
        await page.goto(`${base}/${locale}${list}`);
        const links = await linksOn(page, pattern, take);
        assert.ok(links.length > 0, `${locale}${list} links to no entry`);
        for (const link of links) widths.push(await measure(page, link));
      }
      await visitor.close();

      const editor = await signInWithBrowser({ browser, base }, EDITOR, locale);
      await editor.page.setViewportSize(VIEWPORT);
      for (const path of SIGNED_IN_PAGES) widths.push(await measure(editor.page, `/${locale}${path}`));
      await editor.context.close();

      if (process.env.PHONE_WIDTHS) console.log(widths.map((w) => `${locale} ${w.scrollWidth} ${w.path}`).join('\n'));
      const widest = widths.reduce((a, b) => (b.scrollWidth > a.scrollWidth ? b : a));
      test.diagnostic(`${widths.length} pages, the widest ${widest.path} at ${widest.scrollWidth} px`);
      assert.ok(widths.length <= MAX_PAGES, `${widths.length} pages: keep the crawl short`);
      const tooWide = widths.filter((w) => w.scrollWidth > VIEWPORT.width || w.culprits.length > 0);
      assert.deepEqual(
        tooWide.map((w) => `${w.path}: ${w.scrollWidth} px wide; ${w.culprits.join('; ')}`),
        [],
        `pages wider than ${VIEWPORT.width} px, or with text out of its box`,
      );
    });
  }
});

describe('the first screen', () => {
  it('keeps the small label above a detail page’s title apart from the header', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    for (const list of ['/practices', '/events', '/experts']) {
      await page.goto(`${base}/en${list}`);
      const [detail] = await linksOn(page, DETAIL_LINKS.find((d) => d.list === list)?.pattern ?? /^$/, 1);
      await page.goto(`${base}${detail}`);
      const header = await page.locator('.site-header').boundingBox();
      const kicker = await page.locator('main .kicker').first().boundingBox();
      assert.ok(header && kicker, detail);
      const gap = kicker.y - (header.y + header.height);
      assert.ok(gap >= 12, `${detail}: the label is ${gap} px below the header`);
    }
    await page.close();
  });

  it('shows project ideas across the whole width of a desktop screen, not beside a column of filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/en/project-ideas`);
    const cards = await page
      .locator('.results .card')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((box) => ({ top: box.top, right: box.right })));
    const onFirstScreen = cards.filter((c) => c.top < 800);
    assert.ok(onFirstScreen.length > 0, 'no project idea on the first screen');
    assert.ok(Math.max(...onFirstScreen.map((c) => c.right)) > 900, 'the right half of the first screen stays empty');
    await page.close();
  });

  it('gives the impact charts’ place to their tables on a phone, and shows them on a wider screen', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${base}/de/impact`);
    assert.equal(await page.locator('.impact-breakdown .chart').first().isVisible(), false, 'a chart too small to read');
    assert.equal(await page.locator('.impact-breakdown table').first().isVisible(), true);
    await page.setViewportSize({ width: 1000, height: 800 });
    assert.equal(await page.locator('.impact-breakdown .chart').first().isVisible(), true);
    await page.close();
  });
});
