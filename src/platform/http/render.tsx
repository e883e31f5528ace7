import type { Context } from 'hono';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { currentContentVersions } from '../db/content-versions.ts';
import { footerPanels } from '../ui/footer-panels.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';
import type { AppEnv } from './context.ts';

export type RenderOptions = Omit<
  PageProps,
  'i18n' | 'assets' | 'baseUrl' | 'path' | 'user' | 'csrfToken' | 'navigation' | 'footerPanels' | 'contentStamp'
> & {
  path?: string;
};

/** The path after /<locale>, with its query string: what the language switcher and hreflang keep. */
export function pathWithinLocale(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const rest = url.pathname.replace(/^\/[a-z]{2}(?=\/|$)/, '') || '/';
  return rest + url.search;
}

/**
 * The bytes of each page response drawn here, for the page cache (middleware/page-cache.ts): reading them
 * back from the Response would make undici build its body stream and measure and encode the HTML again
 * (~0.3 ms of a 27 KB page under load, the most of it flattening the string the JSX was joined into).
 */
const drawnBodies = new WeakMap<Response, Buffer<ArrayBuffer>>();

/** The HTML of a page `renderPage` answered with, as sent; undefined for any other response. */
export const drawnBody = (res: Response): Buffer<ArrayBuffer> | undefined => drawnBodies.get(res);

/** Renders a full page in the request's locale. Views return fragments; the layout is added here. */
export async function renderPage(c: Context<AppEnv>, options: RenderOptions, status: ContentfulStatusCode = 200): Promise<Response> {
  const { deps, i18n } = c.var;
  const { path, ...rest } = options;
  // Pages of a signed-in person carry their menu (and maybe their data): never stored by a shared cache.
  c.header('cache-control', c.var.user ? 'private, no-store' : 'no-cache');
  // Read once per request already (the page cache asked first); unreadable, the footer is drawn as it is.
  const contentStamp = c.var.user ? undefined : (await currentContentVersions(deps.db).catch(() => undefined))?.stamp;
  const page = (
    <Layout
      {...rest}
      i18n={i18n}
      assets={deps.assets}
      baseUrl={deps.config.BASE_URL}
      path={path ?? pathWithinLocale(c)}
      user={c.var.user ?? null}
      csrfToken={c.var.csrfToken ?? ''}
      navigation={deps.modules.navigation}
      footerPanels={deps.modules.extensions.all(footerPanels)}
      db={deps.db}
      contentStamp={contentStamp}
    />
  );
  // As c.html does it (asynchronous components and their callbacks resolved), encoded once.
  const body = Buffer.from(await resolveCallback(page, HtmlEscapedCallbackPhase.Stringify, false, {}));
  const res = c.body(body, status, { 'content-type': 'text/html; charset=UTF-8' });
  drawnBodies.set(res, body);
  return res;
}
