import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { createMember, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertLaterEvents } from '../../../tests/helpers/events.ts';
import type { Visitor } from '../../../tests/helpers/http.ts';
import { childrenNamed, parseXml } from '../../../tests/helpers/xml.ts';
import { sniffFileType } from '../../core/uploads/file-types.model.ts';
import { videoSearchSource, videoSitemapSource } from './video-discovery.service.ts';
import { exportVideos, importVideos } from './videos.import.ts';
import { extractProviderId, isoDuration, parseDuration } from './videos.model.ts';

// Videos on the demo data (the COVID-19 series recordings): the gallery, feed and page; nothing from
// the provider before the visitor asks (HTML and CSP), the no-JavaScript ?play=1 path; the editors'
// form with bad input and uploads (byte ranges); drafts never leaking; the exchange format.

let t: TestApp;
let editor: Visitor;
const DEMO = '/en/videos/recording-keeping-water-and-waste-services-running';
const PROVIDER_HOST = /youtube\.com|youtube-nocookie|youtu\.be|ytimg|vimeo\.com|vimeocdn|googlevideo/i;
const mp4 = () => Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(40_000, 7)]);

before(async () => {
  t = await createTestApp({ seed: 'demo' });
  await createMember(t, 'editor@network.example', 'editor');
  editor = await signedIn(t, 'editor@network.example');
});
after(() => t.close());

const eventRow = () =>
  t.database.db
    .selectFrom('events')
    .select(['id', 'slug'])
    .where('external_id', '=', 'demo-event-covid19-water-waste-services-2020')
    .executeTakeFirstOrThrow();
const eventPath = async () => `/en/events/${(await eventRow()).slug}`;
const count = async () => (await sql<{ n: number }>`select count(*)::int as n from videos`.execute(t.database.db)).rows[0]?.n;

describe('videos: the public pages', () => {
  it('shows the gallery with filters, announces and serves a well-formed feed per language', async () => {
    const res = await t.request('/en/videos');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /6 videos/);
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="[^"]+\/en\/videos\/feed.atom"/);
    assert.doesNotMatch(html, PROVIDER_HOST);
    assert.match(await (await t.request('/en/videos?region=mena&year=2020')).text(), /3 videos/);
    assert.match(await (await t.request('/en/videos?series=covid19-exchange')).text(), /6 videos/);
    assert.equal((await t.request('/en/videos?year=abc&theme=%3Cx%3E&page=-1')).status, 200);
    const feed = await t.request('/de/videos/feed.atom');
    assert.match(feed.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const root = parseXml(await feed.text());
    const entries = childrenNamed(root, 'entry');
    assert.equal(entries.length, 6);
    assert.ok(entries.some((e) => childrenNamed(e, 'title')[0]?.text.includes('Wasser- und Abfallversorgung')));
  });

  it('loads nothing from the provider before the visitor asks; ?play=1 embeds the privacy-friendly player', async () => {
    const res = await t.request(DEMO);
    assert.equal(res.status, 200);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.doesNotMatch(html, PROVIDER_HOST, 'no provider host anywhere in the page');
    assert.doesNotMatch(csp, /frame-src|youtube/);
    assert.doesNotMatch(html, /<iframe/);
    assert.match(html, /<input type="hidden" name="play" value="1"/);
    assert.match(html, /Play video — loads it from YouTube; YouTube’s privacy policy applies/);
    assert.match(html, /"@type":"VideoObject"/);
    assert.match(html, /"duration":"PT1H30M12S"/);
    assert.match(html, /<details class="video-transcript">/);
    const played = await t.request(`${DEMO}?play=1`);
    const playedHtml = await played.text();
    assert.match(playedHtml, /<iframe src="https:\/\/www.youtube-nocookie.com\/embed\/demoCovid01\?autoplay=1" title="Video: [^"]+"/);
    const playedCsp = played.headers.get('content-security-policy') ?? '';
    assert.deepEqual(
      playedCsp
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d.startsWith('frame-src')),
      ['frame-src https://www.youtube-nocookie.com'],
    );
    assert.doesNotMatch(playedCsp, /vimeo/);
    // The player page the script frames: only it may frame the provider, and only our pages may frame it.
    const player = await t.request(`${DEMO}/player`);
    assert.match(
      player.headers.get('content-security-policy') ?? '',
      /frame-src https:\/\/www.youtube-nocookie.com; frame-ancestors 'self'/,
    );
    assert.equal(player.headers.get('x-frame-options'), 'SAMEORIGIN', 'older browsers obey X-Frame-Options only');
    assert.equal(played.headers.get('x-frame-options'), 'DENY', 'the video’s own page is framed by nobody');
    assert.match(await player.text(), /<iframe src="https:\/\/www.youtube-nocookie.com\/embed\/demoCovid01\?autoplay=1"/);
    // Every other page keeps the platform's policy without frame-src.
    assert.doesNotMatch((await t.request('/en/videos')).headers.get('content-security-policy') ?? '', /frame-src/);
    assert.equal((await t.request('/en/videos/no-such-video')).status, 404);
    assert.equal((await t.request('/ar/videos/recording-crisis-management-lessons-from-2020')).status, 200);
  });

  it('lists the recordings on the event page, and the sessions’ recordings on the series page', async () => {
    const page = await (await t.request(await eventPath())).text();
    assert.match(page, new RegExp(`href="${DEMO}"`));
    const series = await (await t.request('/en/events/series/covid19-exchange')).text();
    const section = series.split('id="group-outcome-0"')[1]?.split('</section>')[0] ?? '';
    assert.match(section, /^>Videos of the sessions<\/h2>/);
    assert.match(section, new RegExp(`href="${DEMO}"`));
  });

  it('parses provider ids and durations', () => {
    assert.equal(extractProviderId('youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3'), 'dQw4w9WgXcQ');
    assert.equal(extractProviderId('youtube', 'youtu.be/dQw4w9WgXcQ'), 'dQw4w9WgXcQ');
    assert.equal(extractProviderId('vimeo', 'https://vimeo.com/channels/staff/76979871'), '76979871');
    assert.equal(extractProviderId('youtube', 'https://evil.example/watch?v=dQw4w9WgXcQ'), null);
    assert.equal(extractProviderId('youtube', '"><script>'), null);
    assert.equal(parseDuration('1:02:03'), 3723);
    assert.equal(parseDuration('1:75:00'), null);
    assert.equal(isoDuration(3723), 'PT1H2M3S');
    // What the uploads module accepts as recordings and captions, by content only.
    assert.equal(sniffFileType(mp4()), 'mp4');
    assert.equal(sniffFileType(Buffer.from('1a45dfa3a342868101f7810142f2810442f381084282847765626d', 'hex')), 'webm');
    assert.equal(sniffFileType(Buffer.from('1a45dfa3a3428681014282886d6174726f736b61', 'hex')), 'other', 'Matroska is not WebM');
    assert.equal(sniffFileType(Buffer.from('\ufeffWEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n')), 'vtt');
    assert.equal(sniffFileType(Buffer.from('WEBVTTX')), 'other');
    assert.equal(sniffFileType(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe])), 'other', 'not UTF-8');
  });
});

describe('videos: editors, drafts and files', () => {
  let slug = '';
  let posterUrl = '';
  let fileUrl = '';

  it('refuses bad input with messages next to the fields, keeps what was typed and saves nothing', async () => {
    assert.equal((await t.request('/en/editor/videos/new')).status, 303, 'visitors are sent to sign in');
    await editor.get('/en/editor/videos/new');
    const before = await count();
    const form = new FormData();
    for (const [k, v] of Object.entries({
      lang: 'en',
      title: 'Lab session on cooling',
      provider: 'youtube',
      providerId: 'https://youtube.com/watch?v=short',
      duration: '1:99',
      recordedAt: '2024-13-45',
      status: 'published',
    }))
      form.set(k, v);
    form.set('eventId', 'abc');
    form.set('description', 'x'.repeat(5001));
    const res = await editor.postMultipart('/en/editor/videos/new', form);
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /id="field-description-error">This is too long/);
    assert.match(html, /id="field-eventId-error">Please check this value/);
    assert.match(html, /This is not a video ID or address of the chosen platform/);
    assert.match(html, /Please enter the duration as h:mm:ss/);
    assert.match(html, /id="field-recordedAt-error">/, 'an impossible day is a message, not a 500');
    assert.match(html, /value="Lab session on cooling"/);
    const noPoster = new FormData();
    for (const [k, v] of Object.entries({
      lang: 'en',
      title: 'Lab session on cooling',
      provider: 'vimeo',
      providerId: 'https://vimeo.com/76979871',
      duration: '0:45:00',
      recordedAt: '2024-02-20',
    }))
      noPoster.set(k, v);
    const again = await editor.postMultipart('/en/editor/videos/new', noPoster);
    assert.equal(again.status, 422);
    assert.match(await again.text(), /Please upload a poster picture/);
    const notVideo = new FormData();
    for (const [k, v] of Object.entries({ lang: 'en', title: 'Clip', provider: 'file', duration: '2:00', recordedAt: '2024-02-20' }))
      notVideo.set(k, v);
    notVideo.set('file', new File([Buffer.from('%PDF-1.4 not a video')], 'clip.mp4', { type: 'video/mp4' }));
    const refused = await editor.postMultipart('/en/editor/videos/new', notVideo);
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /This file is not an MP4 or WebM video/);
    assert.equal(await count(), before, 'nothing saved');
  });

  it('keeps an uploaded draft, its poster and file away from everyone but editors', async () => {
    const poster = await sharp({ create: { width: 320, height: 180, channels: 3, background: '#0b5c8c' } })
      .png()
      .toBuffer();
    const form = new FormData();
    for (const [k, v] of Object.entries({
      lang: 'en',
      title: 'Lab session on urban cooling',
      description: 'Shade **trees**.',
      provider: 'file',
      duration: '0:02:30',
      recordedAt: '2024-02-20',
      status: 'draft',
      themes: 'municipal-services',
    }))
      form.set(k, v);
    form.set('poster', new File([poster], 'poster.png', { type: 'image/png' }));
    form.set('file', new File([mp4()], 'clip.mp4', { type: 'video/mp4' }));
    form.set('captions', new File(['WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n'], 'en.vtt', { type: 'text/vtt' }));
    const res = await editor.postMultipart('/en/editor/videos/new', form);
    assert.equal(res.status, 303, await res.text());
    slug = /\/editor\/videos\/([a-z0-9-]+)\/edit/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
    assert.equal(slug, 'lab-session-on-urban-cooling');
    const page = await (await editor.get(`/en/videos/${slug}`)).text();
    posterUrl = /poster="(\/uploads\/[0-9a-f]{64}\.jpg)"/.exec(page)?.[1] ?? '';
    fileUrl = /<source src="(\/uploads\/[0-9a-f]{64}\.mp4)" type="video\/mp4"/.exec(page)?.[1] ?? '';
    assert.ok(posterUrl && fileUrl, 'poster and file on the editor’s view');
    assert.match(page, /<video class="video-frame" controls="" preload="none"/);
    assert.match(page, /<track kind="captions" src="\/uploads\/[0-9a-f]{64}\.vtt" srclang="en"/);

    // Nothing of the draft reaches anyone else: page, list, feed, files, search, sitemap.
    assert.equal((await t.request(`/en/videos/${slug}`)).status, 404);
    assert.doesNotMatch(await (await t.request('/en/videos')).text(), /urban cooling/);
    assert.doesNotMatch(await (await t.request('/en/videos/feed.atom')).text(), /urban cooling/);
    assert.doesNotMatch(await (await t.request(await eventPath())).text(), /urban cooling/);
    assert.equal((await t.request(posterUrl)).status, 404);
    assert.equal((await t.request(fileUrl)).status, 404);
    assert.equal((await editor.get(fileUrl)).status, 200);
    const search = await videoSearchSource.search(t.database.db, { q: 'cooling', locale: 'en', viewer: null, limit: 10, offset: 0 });
    assert.equal(search.total, 0);
    const sitemap = await videoSitemapSource.entries(t.database.db, { offset: 0, limit: 100 });
    assert.ok(!sitemap.some((e) => e.path.includes(slug)));
  });

  it('publishes it: found by search and sitemap, served with byte ranges', async () => {
    await editor.get(`/en/editor/videos/${slug}/edit`);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      lang: 'en',
      title: 'Lab session on urban cooling',
      provider: 'file',
      duration: '2:30',
      recordedAt: '2024-02-20',
      status: 'published',
      description: 'Shade **trees** and [cool roofs](https://example.org).',
    }))
      form.set(k, v);
    assert.equal((await editor.postMultipart(`/en/editor/videos/${slug}/edit`, form)).status, 303);
    assert.equal((await t.request(`/en/videos/${slug}`)).status, 200);
    const search = await videoSearchSource.search(t.database.db, { q: 'cooling', locale: 'de', viewer: null, limit: 10, offset: 0 });
    assert.equal(search.total, 1);
    assert.equal(search.hits[0]?.path, `/de/videos/${slug}`);
    assert.equal(search.hits[0]?.language, 'en');
    assert.equal(search.hits[0]?.summary, 'Shade trees and cool roofs.', 'the description as text, not Markdown');
    assert.ok((await videoSitemapSource.entries(t.database.db, { offset: 0, limit: 100 })).some((e) => e.path === `/videos/${slug}`));
    const full = await t.request(fileUrl);
    assert.equal(full.status, 200);
    assert.equal(full.headers.get('content-type'), 'video/mp4');
    const part = await t.request(fileUrl, { headers: { range: 'bytes=0-99' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 0-99/${mp4().length}`);
    assert.equal((await part.arrayBuffer()).byteLength, 100);
    assert.equal((await t.request(fileUrl.replace('.mp4', '.webm'))).status, 404);
    assert.equal((await t.request(posterUrl)).status, 200);
  });

  it('exports and imports the same records (idempotent), rejecting bad ones with reasons', async () => {
    const vimeo = (externalId: string) => ({
      externalId,
      recordedAt: '2024-01-01',
      durationSeconds: 60,
      provider: 'vimeo',
      providerId: '1',
    });
    const translations = { en: { title: 'Z' } };
    const exported = await exportVideos(t.database.db);
    assert.equal(exported.length, 7);
    const report = await importVideos(t.database.db, JSON.parse(JSON.stringify(exported)));
    assert.deepEqual(new Set(report.map((r) => r.outcome)), new Set(['updated']));
    assert.deepEqual(await exportVideos(t.database.db), exported);
    const bad = await importVideos(t.database.db, [
      { ...vimeo('bad-1'), provider: 'youtube', providerId: 'javascript:x', translations },
      { ...vimeo('bad-2'), status: 'draft', eventExternalId: 'nope', themes: ['nope'], translations },
      { ...vimeo('bad-3'), recordedAt: '2024-13-45', translations },
      { ...vimeo('ok-4'), translations },
    ]);
    assert.equal(bad[0]?.outcome, 'rejected');
    assert.match(bad[0]?.reasons.join(' ') ?? '', /providerId: not a youtube video ID/);
    assert.equal(bad[1]?.outcome, 'rejected');
    assert.match(bad[1]?.reasons.join(' ') ?? '', /eventExternalId: no event with externalId nope/);
    assert.match(bad[2]?.reasons.join(' ') ?? '', /recordedAt: not a calendar day/);
    assert.equal(bad[3]?.outcome, 'created', 'the other records are imported');
    assert.equal(await count(), 8);
  });

  it('offers the linked event in the form (so a save keeps it) even behind 500 newer events', async () => {
    await insertLaterEvents(t.database.db, 501);
    await editor.get('/en/editor/videos/recording-keeping-water-and-waste-services-running/edit');
    assert.match(editor.lastHtml, new RegExp(`<option value="${(await eventRow()).id}" selected="">[^<]+ \\(2020-`));
  });
});
