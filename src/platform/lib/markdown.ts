import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Editors write news, publications' summaries and the network's pages in Markdown. What reaches a page
// is sanitised HTML: markdown-it escapes raw HTML and refuses javascript:/data: links itself, and
// sanitize-html then keeps only an allow-list of tags, attributes and link schemes, so a pasted <script>,
// an onclick, a javascript: link or an image (a tracking pixel loads the moment a page or feed is
// read) never gets through, whatever markdown-it's rules let pass. Pictures have fields of their own,
// with alt text and credit, stored on the platform.

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'h2',
    'h3',
    'h4',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Dropped with their content: what they hold is not text a reader should see.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'svg', 'math'],
  transformTags: {
    // The page has its own h1 (the title): a heading in the text starts one level below.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    // Links to other sites pass no referrer or window handle and no endorsement for search engines.
    a: (tagName, attribs) => {
      const external = /^(https?:)?\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'nofollow noopener noreferrer' } : attribs };
    },
  },
};

/** Markdown to HTML that is safe to put into a page as it is (only the allow-list above survives). */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}

/** Markdown to plain text on one line (summaries, feeds, search results), cut at a word near `max` characters. */
export function markdownToText(source: string, max = Number.POSITIVE_INFINITY): string {
  // Only the beginning can show, so only a prefix of the source several times `max` is rendered (cut at a
  // paragraph break when there is one): a page of search results shows 20 summaries, some taken from
  // bodies of many kilobytes. (A reference link whose definition comes after the cut shows as its text.)
  const prefix = prefixFor(source, max);
  const html = markdown.render(prefix).replace(/<\/(p|li|h\d|blockquote|tr|pre)>/g, ' ');
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ALLOWED.nonTextTags })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return prefix.length < source.length ? `${text}…` : text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The source up to the last paragraph break before 4 × max + 200 characters (all of it when shorter). */
function prefixFor(source: string, max: number): string {
  const room = Number.isFinite(max) ? max * 4 + 200 : Number.POSITIVE_INFINITY;
  if (source.length <= room) return source;
  const cut = source.slice(0, room);
  const paragraph = cut.lastIndexOf('\n\n');
  return paragraph > max * 2 ? cut.slice(0, paragraph) : cut;
}
