import type { I18n } from '../../../platform/i18n/i18n.ts';

export const eventFeedPath = (locale: string) => `/${locale}/events/feed.atom`;

/** The calendar page's `<link rel="alternate">` to the Atom feed in the reader's language. */
export function EventFeedLink({ i18n }: { i18n: I18n }) {
  return <link rel="alternate" type="application/atom+xml" href={eventFeedPath(i18n.locale)} title={i18n.t('events.feedLink')} />;
}
