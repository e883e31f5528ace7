import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childrenNamed, parseXml } from '../../../tests/helpers/xml.ts';
import { atomFeedXml } from './atom.ts';

describe('atomFeedXml', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const hostile = 'Tom & Jerry </title><x> \u0007 ]]> &amp; \uD800';

  it('keeps any text from breaking the XML and says each entry’s language', () => {
    const xml = atomFeedXml({
      locale: 'en',
      id: 'urn:x',
      title: hostile,
      subtitle: hostile,
      selfUrl: 'https://p.example/en/news/feed.atom?a=1&b="2"',
      pageUrl: 'https://p.example/en/news',
      author: hostile,
      updated: at,
      entries: [
        {
          id: 'urn:y',
          url: 'https://p.example/en/news/1',
          locale: 'ar',
          title: hostile,
          summary: hostile,
          content: '<p>a &amp; b</p>',
          contentType: 'html',
          published: at,
          updated: at,
          categories: ['Water & sanitation'],
          enclosure: { url: 'https://p.example/uploads/a.pdf', type: 'application/pdf', length: 1234 },
        },
      ],
    });
    const feed = parseXml(xml);
    assert.equal(feed.name, 'feed');
    assert.equal(feed.attrs.xmlns, 'http://www.w3.org/2005/Atom');
    assert.equal(childrenNamed(feed, 'title')[0]?.text, 'Tom & Jerry </title><x>  ]]> &amp; ');
    const [entry] = childrenNamed(feed, 'entry');
    assert.ok(entry);
    assert.equal(entry.attrs['xml:lang'], 'ar');
    assert.equal(childrenNamed(entry, 'content')[0]?.text, '<p>a &amp; b</p>');
    assert.equal(childrenNamed(entry, 'content')[0]?.attrs.type, 'html');
    assert.equal(childrenNamed(entry, 'category')[0]?.attrs.term, 'Water & sanitation');
    const links = childrenNamed(entry, 'link');
    assert.deepEqual(
      links.map((l) => l.attrs.rel),
      ['alternate', 'enclosure'],
    );
    assert.equal(links[1]?.attrs.length, '1234');
    assert.equal(childrenNamed(feed, 'link')[0]?.attrs.href, 'https://p.example/en/news/feed.atom?a=1&b="2"');
  });
});
