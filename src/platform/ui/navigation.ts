/**
 * A link in the site's navigation. `section` is what a page names as its current section (the link
 * is then marked aria-current); `href` is the path after /<locale>; `label` a message key.
 */
export type NavEntry = {
  /** 'search': the site search's page; the header shows a search box sending its words there. */
  area: 'main' | 'footer' | 'editorial' | 'admin' | 'search';
  section: string;
  href: string;
  label: string;
  /** Position in its area: lower first. */
  order: number;
};

/** The entries of one area, in order. */
export function entriesOf(navigation: NavEntry[], area: NavEntry['area']): NavEntry[] {
  return navigation.filter((e) => e.area === area).sort((a, b) => a.order - b.order);
}
