import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PASSWORD } from './accounts.ts';
import type { TestApp } from './app.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves a test app on 127.0.0.1 (a free port) and returns its base URL. */
export function listen(t: TestApp): Promise<{ base: string; server: ServerType }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ base: `http://127.0.0.1:${info.port}`, server }),
    );
  });
}

/**
 * axe (WCAG 2.1 A and AA) on the current page: the violations as "rule: targets" lines.
 * Two settings halve its time (measured: 1.3–2.8 s a page became 0.6–1.4 s), without checking less:
 * legacy mode runs axe in the page itself instead of finishing in a second, blank page, which only
 * matters for pages with cross-origin frames (ours have none); and it collects only violations, not
 * the passes and incomplete results nobody reads here.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The browser moves focus to an autofocus element once the page has rendered: wait for it, up to 5 s. */
export async function expectFocusOnErrorSummary(page: Page): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, { timeout: 5000 });
}

export type BrowserApp = { t: TestApp; base: string; browser: Browser; close: () => Promise<void> };

/** A test app served on 127.0.0.1 with a headless Chromium: what every browser test starts from. */
export async function startBrowserApp(t: TestApp): Promise<BrowserApp> {
  const { base, server } = await listen(t);
  const browser = await launchBrowser();
  return {
    t,
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** Signs in through the form in a fresh browser context (its own cookies), and waits for the account page. */
export async function signInWithBrowser(
  target: { browser: Browser; base: string },
  email: string,
  locale: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await target.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${target.base}/${locale}/sign-in`);
  await page.fill('#field-email', email);
  await page.fill('#field-password', PASSWORD);
  await page.click('form.form button[type="submit"]');
  await page.waitForURL(/\/account$/);
  return { context, page };
}
