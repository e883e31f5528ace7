import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { footerPanels } from '../ui/footer-panels.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';
import type { AppEnv } from './context.ts';

export type RenderOptions = Omit<
  PageProps,
  'i18n' | 'assets' | 'baseUrl' | 'path' | 'user' | 'csrfToken' | 'navigation' | 'footerPanels'
> & {
  path?: string;
};

/** The path after /<locale>, with its query string: what the language switcher and hreflang keep. */
export function pathWithinLocale(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const rest = url.pathname.replace(/^\/[a-z]{2}(?=\/|$)/, '') || '/';
  return rest + url.search;
}

/** Renders a full page in the request's locale. Views return fragments; the layout is added here. */
export function renderPage(c: Context<AppEnv>, options: RenderOptions, status: ContentfulStatusCode = 200) {
  const { deps, i18n } = c.var;
  const { path, ...rest } = options;
  // Pages of a signed-in person carry their menu (and maybe their data): never stored by a shared cache.
  c.header('cache-control', c.var.user ? 'private, no-store' : 'no-cache');
  return c.html(
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
    />,
    status,
  );
}
