import type { I18n } from '../../platform/i18n/i18n.ts';

/** A link whose title is content: written in `lang` (the reader's language or a fallback). */
export type ContentLink = { href: string; title: string; lang: string; detail?: string };

/** A headed list of links to content (pages, regional networks, partners, a region's records); nothing when empty. */
export function LinkSection({ i18n, id, title, links }: { i18n: I18n; id: string; title: string; links: ContentLink[] }) {
  if (!links.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {links.map((link) => (
          <li>
            <a href={link.href} lang={link.lang === i18n.locale ? undefined : link.lang} dir="auto">
              {link.title}
            </a>
            {link.detail ? <span class="meta"> ({link.detail})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
