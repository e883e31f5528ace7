import type { I18n } from '../../../platform/i18n/i18n.ts';

export const practiceFeedPath = (locale: string) => `/${locale}/practices/feed.atom`;

/** The list page's `<link rel="alternate">` to the Atom feed in the reader's language. */
export function PracticeFeedLink({ i18n }: { i18n: I18n }) {
  return <link rel="alternate" type="application/atom+xml" href={practiceFeedPath(i18n.locale)} title={i18n.t('practices.feedLink')} />;
}
