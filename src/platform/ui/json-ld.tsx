import { raw } from 'hono/html';

/**
 * A schema.org JSON-LD block. The JSON is written raw (entities are not decoded inside <script>), so
 * `<`, `>` and `&` are escaped as \u003c… : no text (a title with "</script>") can close the element or
 * open a comment; U+2028/2029 are escaped for old JavaScript parsers. A data block is never executed.
 */
export function JsonLd({ data }: { data: object }) {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return <script type="application/ld+json">{raw(json)}</script>;
}
