import { type ShareImage, shareCardImage } from '../../platform/http/share-card.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { JsonLd } from '../../platform/ui/json-ld.tsx';
import type { CallRecord, CallText } from './calls.queries.ts';

/** The address of a call's share card (calls have no picture of their own). */
export const callCardPath = (locale: string, slug: string) => `/${locale}/calls/${slug}/card.png`;

/** What the card of a call is drawn from: which call, in which language, with which title. */
export const callCardKey = (call: CallRecord, text: CallText) => `call:${call.id}:${text.locale}:${text.title}`;

export function callShareImage(i18n: I18n, call: CallRecord, text: CallText, baseUrl: string): ShareImage {
  return shareCardImage(baseUrl, callCardPath(i18n.locale, call.slug), callCardKey(call, text), text.title);
}

/**
 * schema.org for a call for participation. schema.org has no type for one: it is not an `Event` (the
 * exchange it leads to may be one, linked as `about`), not an `Offer` (nothing is sold or priced) and
 * not a `JobPosting` or `Grant`; it is a published text inviting applications, so a `CreativeWork`
 * whose `expires` is the deadline (the text is of no use after it), in the language of the text shown.
 */
export function CallHead({
  i18n,
  call,
  text,
  url,
  baseUrl,
}: {
  i18n: I18n;
  call: CallRecord;
  text: CallText;
  url: string;
  baseUrl: string;
}) {
  return (
    <JsonLd
      data={{
        '@context': 'https://schema.org',
        '@type': 'CreativeWork',
        genre: 'call for participation',
        name: text.title,
        abstract: text.summary || undefined,
        inLanguage: text.locale,
        url,
        expires: call.deadline.toISOString(),
        keywords: call.themes.length ? call.themes.join(', ') : undefined,
        about: call.event_slug ? { '@type': 'Event', url: `${baseUrl}/${i18n.locale}/events/${call.event_slug}` } : undefined,
        publisher: { '@type': 'Organization', name: i18n.t('common.siteName'), url: `${baseUrl}/${i18n.locale}/` },
      }}
    />
  );
}
