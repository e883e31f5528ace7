import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownToText, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders the usual Markdown', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** and _soft_ words.\n\n- one\n- two\n\n[Trier](/en/events/trier)');
    assert.match(html, /<h2>Title<\/h2>/);
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<em>soft<\/em>/);
    assert.match(html, /<li>one<\/li>/);
    assert.match(html, /<a href="\/en\/events\/trier">Trier<\/a>/);
  });

  it('escapes raw HTML and drops scripts, handlers and frames', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<b onclick="x()">hi</b> <iframe src="https://evil.example"></iframe>');
    // Shown as text (escaped), never as elements or attributes.
    assert.doesNotMatch(html, /<(script|b|iframe)\b/i);
    assert.doesNotMatch(html, /<[^>]*\sonclick=/i);
    assert.match(html, /&lt;script&gt;/);
  });

  it('refuses javascript:, data: and vbscript: links, in Markdown and as autolinks', () => {
    for (const link of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html,hi)',
      '[x](vbscript:msgbox)',
      '<javascript:alert(1)>',
    ]) {
      const html = renderMarkdown(link);
      assert.doesNotMatch(html, /href="\s*(javascript|data|vbscript):/i, link);
    }
  });

  it('drops images, so no tracking pixel loads when a page or feed is read', () => {
    const html = renderMarkdown('Read ![](https://tracker.example/p.gif?u=1) this');
    assert.doesNotMatch(html, /<img|tracker\.example/);
  });

  it('marks links to other sites nofollow noopener', () => {
    assert.match(renderMarkdown('<https://example.org/a>'), /rel="nofollow noopener noreferrer"/);
    assert.doesNotMatch(renderMarkdown('[in](/de/news)'), /rel=/);
  });
});

describe('markdownToText', () => {
  it('gives the text on one line, entities decoded, cut at a word', () => {
    assert.equal(markdownToText('# A & B\n\nOne *two*\n\n- three'), 'A & B One two three');
    assert.equal(markdownToText('alpha beta gamma delta', 13), 'alpha beta…');
    assert.equal(markdownToText('<script>x</script>text'), '<script>x</script>text');
  });

  it('reads only the beginning of a long body, with the same summary as the whole would give', () => {
    const paragraph = (n: number) => `Paragraph ${n} on *water* kiosks and [fees](https://example.org/${n}) in Agadir.`;
    const body = Array.from({ length: 400 }, (_, i) => paragraph(i)).join('\n\n');
    const whole = markdownToText(body, Number.POSITIVE_INFINITY);
    const summary = markdownToText(body, 300);
    assert.ok(summary.length <= 301 && summary.endsWith('…'), summary);
    assert.ok(whole.startsWith(summary.slice(0, -1)), 'the summary is the start of the whole text');
    // A body that is mostly markup (long link addresses) still says that it goes on.
    const links = Array.from({ length: 200 }, (_, i) => `[${i}](https://example.org/${'x'.repeat(200)}/${i})`).join(' ');
    assert.ok(markdownToText(links, 300).endsWith('…'));
  });
});
