import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Database } from '../db/client.ts';
import type { Assets } from '../http/assets.ts';
import type { CurrentUser } from '../http/context.ts';
import { shareCardImage, siteCardKey, siteCardPath } from '../http/share-card.ts';
import type { I18n } from '../i18n/i18n.ts';
import { LOCALE_NAMES, LOCALES } from '../i18n/locales.ts';
import { EditorialNav } from './components/editorial-nav.tsx';
import type { FooterPanel } from './footer-panels.ts';
import { CsrfField } from './forms.tsx';
import { keptFragment } from './kept-fragments.ts';
import { entriesOf, type NavEntry } from './navigation.ts';
import { type ContentLocales, PageHead, type ShareInfo } from './page-head.tsx';

export type PageProps = {
  i18n: I18n;
  assets: Assets;
  /** Path after the locale, with query string: '/themes?x=1'. Keeps the page when switching language. */
  path: string;
  title: string;
  description?: string;
  /** Which main navigation entry is the current section (a NavEntry's `section`). */
  section?: string;
  /** On the editorial team's pages: which of their sections this is (shows their section menu). */
  editorial?: string;
  /** Every module's navigation entries (from the registry, through the app's dependencies). */
  navigation: NavEntry[];
  baseUrl: string;
  /** Set false on error pages: alternates of a page that does not exist would mislead crawlers. */
  indexable?: boolean;
  /** Set false when `head` carries the page's own canonical URL and hreflang alternates. */
  alternates?: boolean;
  /** Content written in some languages only: hreflang lists those, the canonical is the language shown. */
  contentLocales?: ContentLocales;
  /** OpenGraph type and picture (default: a website, with the network's card). */
  share?: ShareInfo;
  user: CurrentUser | null;
  csrfToken: string;
  /** The database the footer panels read from (none: panels that need records show nothing). */
  db?: Database;
  /** The content counters' stamp as this request read them (ADR 015): an anonymous page's footer is then drawn once per change. */
  contentStamp?: string;
  /** Modules' panels in the footer (footer-panels.ts), drawn after the network's own. */
  footerPanels?: FooterPanel[];
  /** Extra elements for <head>: OpenGraph tags, JSON-LD. */
  head?: Child;
  children: Child;
};

export function Layout(props: PageProps) {
  const { i18n, assets, path, title, section } = props;
  const { t, locale } = i18n;
  const siteName = t('common.siteName');
  const fullTitle = path === '/' ? `${siteName} – ${title}` : `${title} – ${siteName}`;
  const indexable = props.indexable ?? true;
  // An anonymous visitor's menu and footer are the same on every page of the language (kept-fragments.ts).
  const anonymous = props.user === null;
  const formToken = !props.csrfToken ? null : props.user ? props.csrfToken : '';
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={locale} dir={i18n.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          <meta name="description" content={props.description ?? t('common.tagline')} />
          {indexable ? null : <meta name="robots" content="noindex" />}
          <link rel="stylesheet" href={assets.url('css/site.css')} />
          <link rel="icon" href={assets.url('icons/peerpolis.svg')} type="image/svg+xml" />
          {indexable ? (
            <PageHead
              baseUrl={props.baseUrl}
              locale={locale}
              path={path}
              title={title}
              description={props.description ?? t('common.tagline')}
              siteName={siteName}
              alternates={props.alternates !== false}
              contentLocales={props.contentLocales}
              share={props.share}
              defaultImage={shareCardImage(
                props.baseUrl,
                siteCardPath(locale),
                siteCardKey(locale, t('common.tagline')),
                t('common.tagline'),
              )}
            />
          ) : null}
          {props.head}
        </head>
        <body>
          <a class="skip-link" href="#main">
            {t('common.skipToContent')}
          </a>
          <header class="site-header">
            <div class="wrap header-bar">
              <a class="brand" href={`/${locale}/`}>
                <img src={assets.url('icons/peerpolis.svg')} alt="" width="28" height="28" />
                <span>{siteName}</span>
              </a>
              {/* On a phone the languages, account links and sections fold into a menu so the header keeps
                  to one line; from 60rem on, site.css shows the folded part in place and hides the button.
                  A <details> disclosure needs no script and tells assistive technology its state. */}
              <details class="site-menu">
                {keptFragment(props.db, anonymous ? `menu-start|${locale}` : null, () => (
                  <>
                    <summary>
                      <svg class="menu-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
                        <path d="M1 3h14M1 8h14M1 13h14" />
                      </svg>
                      {t('common.menu')}
                    </summary>
                    <SiteSearch i18n={i18n} entry={entriesOf(props.navigation, 'search')[0]} />
                  </>
                ))}
                <LanguageSwitcher i18n={i18n} path={path} />
                {keptFragment(props.db, anonymous ? `menu-end|${locale}|${section ?? ''}` : null, () => (
                  <>
                    <AccountMenu
                      i18n={i18n}
                      user={props.user}
                      csrfToken={props.csrfToken}
                      editorialHome={entriesOf(props.navigation, 'editorial')[0]?.href}
                    />
                    <MainNav i18n={i18n} navigation={props.navigation} section={section} />
                  </>
                ))}
              </details>
            </div>
          </header>
          <main id="main" tabindex={-1} class="wrap">
            {props.editorial ? (
              <EditorialNav i18n={i18n} entries={entriesOf(props.navigation, 'editorial')} current={props.editorial} />
            ) : null}
            {props.children}
          </main>
          {keptFragment(props.db, anonymous && props.contentStamp ? `footer|${locale}|${formToken}|${props.contentStamp}` : null, () => (
            <Footer
              i18n={i18n}
              navigation={props.navigation}
              panels={props.db ? (props.footerPanels ?? []) : []}
              formToken={formToken}
              db={props.db}
            />
          ))}
        </body>
      </html>
    </>
  );
}

/**
 * The site search box, when a module offers the search (a NavEntry of area 'search'): a GET form, so it
 * works without script. On a phone it is the first thing in the menu (the header keeps to one line);
 * from 60rem on it stands at the end of the sections' line.
 */
function SiteSearch({ i18n, entry }: { i18n: I18n; entry: NavEntry | undefined }) {
  if (!entry) return null;
  const { t, locale } = i18n;
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is recent; the role on the form works with every reader
    <form role="search" method="get" action={`/${locale}${entry.href}`} class="site-search">
      <label for="site-search-q" class="visually-hidden">
        {t(entry.label)}
      </label>
      <input id="site-search-q" name="q" type="search" maxlength={200} dir="auto" />
      <button type="submit">{t('common.search.searchAction')}</button>
    </form>
  );
}

function AccountMenu(props: { i18n: I18n; user: CurrentUser | null; csrfToken: string; editorialHome: string | undefined }) {
  const { i18n, user, csrfToken, editorialHome } = props;
  const { t, locale } = i18n;
  if (!user) {
    return (
      <ul class="account-menu">
        <li>
          <a href={`/${locale}/sign-in`}>{t('common.signIn')}</a>
        </li>
        <li>
          <a href={`/${locale}/register`}>{t('common.register')}</a>
        </li>
      </ul>
    );
  }
  return (
    <ul class="account-menu">
      {editorialHome && (user.role === 'editor' || user.role === 'admin') ? (
        <li>
          <a href={`/${locale}${editorialHome}`}>{t('common.editorial')}</a>
        </li>
      ) : null}
      {user.role === 'admin' ? (
        <li>
          <a href={`/${locale}/admin/users`}>{t('common.administration')}</a>
        </li>
      ) : null}
      <li>
        <a href={`/${locale}/my`}>{t('common.myAccount')}</a>
      </li>
      <li>
        <form method="post" action={`/${locale}/sign-out`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="link-button">
            {t('common.signOut')}
          </button>
        </form>
      </li>
    </ul>
  );
}

function MainNav({ i18n, navigation, section }: { i18n: I18n; navigation: NavEntry[]; section: string | undefined }) {
  return (
    <nav class="main-nav" aria-label={i18n.t('common.mainNavigation')}>
      <ul>
        {entriesOf(navigation, 'main').map((item) => (
          <li>
            <a href={`/${i18n.locale}${item.href}`} aria-current={section === item.section ? 'page' : undefined}>
              {i18n.t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitcher({ i18n, path }: { i18n: I18n; path: string }) {
  return (
    <nav class="lang-switch" aria-label={i18n.t('common.chooseLanguage')}>
      <ul>
        {LOCALES.map((l) => (
          <li>
            <a href={`/${l}${path}`} lang={l} hreflang={l} aria-current={l === i18n.locale ? 'true' : undefined}>
              {LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Footer(props: { i18n: I18n; navigation: NavEntry[]; panels: FooterPanel[]; formToken: string | null; db?: Database }) {
  const { i18n, navigation } = props;
  const { t, locale } = i18n;
  return (
    <footer class="site-footer">
      <div class="wrap footer-grid">
        {/* The partner organisations come from the network module's records, through its footer panel. */}
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">{t('common.footer.contactTitle')}</h2>
          <p>{t('common.footer.contactText')}</p>
          <p>
            <a href={`/${locale}/contact`}>{t('common.footer.contactLink')}</a>
          </p>
        </section>
        <section aria-labelledby="footer-site">
          <h2 id="footer-site">{t('common.siteName')}</h2>
          <ul>
            {entriesOf(navigation, 'footer').map((item) => (
              <li>
                <a href={`/${locale}${item.href}`}>{t(item.label)}</a>
              </li>
            ))}
          </ul>
          <p class="small">{t('common.footer.openSource')}</p>
        </section>
        {props.db ? props.panels.map((panel) => panel({ i18n, formToken: props.formToken, db: props.db as Database })) : null}
      </div>
    </footer>
  );
}
