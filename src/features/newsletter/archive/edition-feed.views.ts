// The Atom feed (RFC 4287) of the sent editions in one language. Written by hand (the project has no XML
// library): every text and attribute goes through xmlEscape, which also drops the characters XML 1.0
// forbids (control characters, lone surrogates) so that no edition text can make the feed unreadable.

// Everything outside XML 1.0's Char production: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export type FeedEntry = {
  id: string;
  url: string;
  /** The language of this entry's texts: the feed's, or the one it fell back to. */
  locale: string;
  title: string;
  summary: string;
  content: string;
  published: Date;
  updated: Date;
};

export type Feed = {
  locale: string;
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  pageUrl: string;
  author: string;
  /** When the newest entry changed. */
  updated: Date;
  entries: FeedEntry[];
};

const element = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;

function entryXml(entry: FeedEntry, feedLocale: string): string[] {
  return [
    // The entry's language when it fell back to another: readers and screen readers switch to it.
    `  <entry xml:lang="${xmlEscape(entry.locale)}">`,
    `    ${element('id', entry.id)}`,
    `    ${element('title', entry.title, ' type="text"')}`,
    `    <link rel="alternate" type="text/html" hreflang="${xmlEscape(feedLocale)}" href="${xmlEscape(entry.url)}"/>`,
    `    ${element('published', entry.published.toISOString())}`,
    `    ${element('updated', entry.updated.toISOString())}`,
    ...(entry.summary ? [`    ${element('summary', entry.summary, ' type="text"')}`] : []),
    ...(entry.content ? [`    ${element('content', entry.content, ' type="text"')}`] : []),
    '  </entry>',
  ];
}

export function editionFeedXml(feed: Feed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.locale)}">`,
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title, ' type="text"')}`,
    `  ${element('subtitle', feed.subtitle, ' type="text"')}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.pageUrl)}"/>`,
    `  ${element('updated', feed.updated.toISOString())}`,
    `  <author>${element('name', feed.author)}</author>`,
    ...feed.entries.flatMap((entry) => entryXml(entry, feed.locale)),
    '</feed>',
    '',
  ].join('\n');
}
