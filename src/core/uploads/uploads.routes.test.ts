import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Hono } from 'hono';
import sharp from 'sharp';
import { file, pdf, photo, success, useUploadsApp } from '../../../tests/helpers/uploads.ts';
import { moduleServices } from '../../modules.ts';
import { loadConfig } from '../../platform/config.ts';
import { createDeps } from '../../platform/deps.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { sniffFileType } from './file-types.model.ts';
import { contentDisposition, parseRange, uploadBodyLimit } from './uploads.routes.ts';
import { acceptUpload } from './uploads.service.ts';

const MB = 1024 * 1024;
const { state, document, image, rows } = useUploadsApp();
const _en = getI18n('en');
const _de = getI18n('de');

describe('the upload size limit on requests', () => {
  function multipart(size: number) {
    const boundary = '----peerpolis-test-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ntoken\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const data = Buffer.alloc(size, 0x20);
    pdf('x').copy(data);
    const body = Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return { body, type: `multipart/form-data; boundary=${boundary}` };
  }

  /** A tiny app like the practice editor's: the limit, then a handler that parses the form and stores the file. */
  function tinyApp(options: Parameters<typeof uploadBodyLimit>[0] = {}, before?: (c: any) => Promise<void>) {
    const deps = createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: state.dataDir }), state.t.database, {
      persistSecret: false,
    });
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('deps', { ...deps, modules: moduleServices });
      c.set('user', null);
      c.set('csrfToken', '');
      c.set('i18n', getI18n('en'));
      if (before) await before(c);
      await next();
    });
    app.post('/:locale/upload', uploadBodyLimit(options), async (c) => {
      const body = await c.req.parseBody();
      const result = await acceptUpload(deps.db, state.dir, { file: body.file, kind: 'document', uploaderUserId: null });
      return result.ok ? c.text(result.upload.sha256) : c.text(getI18n('de').t(result.error, result.values), 422);
    });
    return app;
  }

  it('answers a 20 MB form with a localized 413 page naming the size and the limit, and a link back', async () => {
    const { body, type } = multipart(20 * MB);
    const res = await tinyApp().request('/de/upload', {
      method: 'POST',
      body,
      headers: { 'content-type': type, 'content-length': String(body.length), referer: 'http://localhost/de/practices/7/edit?step=2' },
    });
    assert.equal(res.status, 413);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.match(html, /<html lang="de"/);
    assert.match(html, /<h1>Die Datei ist zu groß<\/h1>/);
    assert.match(html, /Die Datei ist 20 MB groß; erlaubt sind höchstens 10 MB\./);
    assert.match(html, /<a href="\/de\/practices\/7\/edit\?step=2">Zurück zum Formular<\/a>/);
  });

  it('counts a body sent without Content-Length and stops at the limit', async () => {
    const { body, type } = multipart(13 * MB);
    const res = await tinyApp().request('/fr/upload', {
      method: 'POST',
      body,
      headers: { 'content-type': type, referer: 'https://elsewhere.example/phish' },
    });
    assert.equal(res.status, 413);
    const html = await res.text();
    assert.match(html, /Le fichier dépasse la limite de 10 Mo\./);
    assert.match(html, /<a href="\/fr\/">Retour au formulaire<\/a>/, 'no link back to another site');
  });

  it('lets the caller render its own form with the message', async () => {
    const { body, type } = multipart(20 * MB);
    const app = tinyApp({ onTooLarge: (c, error) => c.text(`form again: ${getI18n('en').t(error.error, error.values)}`, 413) });
    const res = await app.request('/en/upload', {
      method: 'POST',
      body,
      headers: { 'content-type': type, 'content-length': String(body.length) },
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /^form again: The file is 20 MB; the limit is 10 MB\./);
  });

  it('lets a form under the limit through, and leaves the 10 MB rule to the service', async () => {
    const ok = multipart(1000);
    const accepted = await tinyApp().request('/en/upload', {
      method: 'POST',
      body: ok.body,
      headers: { 'content-type': ok.type, 'content-length': String(ok.body.length) },
    });
    assert.equal(accepted.status, 200);
    assert.match(await accepted.text(), /^[0-9a-f]{64}$/);
    const eleven = multipart(11 * MB);
    const refused = await tinyApp().request('/en/upload', {
      method: 'POST',
      body: eleven.body,
      headers: { 'content-type': eleven.type, 'content-length': String(eleven.body.length) },
    });
    assert.equal(refused.status, 422);
    assert.equal(await refused.text(), 'Die Datei ist 11 MB groß; erlaubt sind höchstens 10 MB. Bitte wählen Sie eine kleinere Datei.');
  });

  it('does not fail when an earlier middleware (the CSRF check) already read a body of unknown length', async () => {
    const { body, type } = multipart(2000);
    const app = tinyApp({}, async (c) => {
      await c.req.parseBody();
    });
    const res = await app.request('/en/upload', { method: 'POST', body, headers: { 'content-type': type } });
    assert.equal(res.status, 200);
  });
});

describe('GET /uploads/:name', () => {
  let pdfSha: string;
  let imageSha: string;
  before(async () => {
    pdfSha = success(await document(file(pdf('served'), '«Plan» für Köln; "final".pdf', 'application/pdf'))).sha256;
    imageSha = success(await image(file(await photo(1000, 500), 'street.jpg'))).sha256;
  });

  function assertFileHeaders(res: Response) {
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  }

  it('serves a PDF inline under its uploaded name, with the security headers and its hash as ETag', async () => {
    const res = await state.t.request(`/uploads/${pdfSha}.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assertFileHeaders(res);
    assert.equal(res.headers.get('etag'), `"${pdfSha}"`);
    assert.equal(
      res.headers.get('content-disposition'),
      `inline; filename="_Plan_ f_r K_ln; _final_.pdf"; filename*=UTF-8''%C2%ABPlan%C2%BB%20f%C3%BCr%20K%C3%B6ln%3B%20%22final%22.pdf`,
    );
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf('served'));
    const again = await state.t.request(`/uploads/${pdfSha}.pdf`, { headers: { 'if-none-match': `"${pdfSha}"` } });
    assert.equal(again.status, 304);
  });

  it('serves both image sizes inline as JPEG', async () => {
    for (const [name, width] of [
      [`${imageSha}.jpg`, 1000],
      [`${imageSha}-640.jpg`, 640],
    ] as const) {
      const res = await state.t.request(`/uploads/${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get('content-type'), 'image/jpeg');
      assert.equal(res.headers.get('content-disposition'), 'inline');
      assertFileHeaders(res);
      assert.equal((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width, width);
    }
    const head = await state.t.request(`/uploads/${imageSha}.jpg`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.ok(Number(head.headers.get('content-length')) > 0);
  });

  it('answers byte ranges, so an interrupted download can resume', async () => {
    const whole = pdf('served');
    const res = await state.t.request(`/uploads/${pdfSha}.pdf`, { headers: { range: 'bytes=5-9' } });
    assert.equal(res.status, 206);
    assert.equal(res.headers.get('content-range'), `bytes 5-9/${whole.length}`);
    assert.equal(await res.text(), whole.subarray(5, 10).toString());
    const past = await state.t.request(`/uploads/${pdfSha}.pdf`, { headers: { range: `bytes=${whole.length}-` } });
    assert.equal(past.status, 416);
    assert.deepEqual(parseRange('bytes=-10', 100), { start: 90, end: 99 });
    assert.deepEqual(parseRange('bytes=90-500', 100), { start: 90, end: 99 });
    assert.equal(parseRange('bytes=0-1,5-6', 100), null);
    assert.equal(parseRange('bytes=9-3', 100), null);
  });

  it('answers 404 for anything but a stored name: traversal, unknown hashes, other suffixes, temporary files', async () => {
    const unknown = 'a'.repeat(64);
    const paths = [
      '/uploads/../etc/passwd',
      '/uploads/..%2F..%2Fetc%2Fpasswd',
      '/uploads/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/uploads/..%5c..%5cetc%5cpasswd',
      `/uploads/${pdfSha}.pdf%00.jpg`,
      `/uploads/${pdfSha}.PDF`,
      `/uploads/${pdfSha.toUpperCase()}.pdf`,
      `/uploads/${pdfSha}.jpg`,
      `/uploads/${pdfSha}-640.pdf`,
      `/uploads/${imageSha}.pdf`,
      `/uploads/${imageSha}.png`,
      `/uploads/${unknown}.pdf`,
      `/uploads/${pdfSha}`,
      '/uploads/',
      '/uploads/.tmp-1-abc',
      `/uploads/x/${pdfSha}.pdf`,
    ];
    for (const path of paths) {
      const res = await state.t.request(path);
      // A NUL byte is refused before routing (400, see request-guard.ts); everything else is not found.
      assert.equal(res.status, path.includes('%00') ? 400 : 404, path);
      assert.doesNotMatch(await res.text(), /root:|%PDF/, path);
    }
  });

  it('never serves a file whose record was rolled back with the caller’s transaction', async () => {
    let sha = '';
    await assert.rejects(
      state.t.database.db.transaction().execute(async (trx) => {
        const result = await acceptUpload(trx, state.dir, {
          file: file(pdf('rolled back'), 'draft.pdf'),
          kind: 'document',
          uploaderUserId: null,
        });
        assert.ok(result.ok);
        sha = result.upload.sha256;
        throw new Error('the practice could not be saved');
      }),
      /could not be saved/,
    );
    assert.equal((await rows(sha)).length, 0);
    assert.equal((await state.t.request(`/uploads/${sha}.pdf`)).status, 404);
  });
});

describe('helpers', () => {
  it('sniffs types from content only', () => {
    assert.equal(sniffFileType(pdf('x')), 'pdf');
    assert.equal(sniffFileType(Buffer.from('\uFEFF  <!-- hi --><svg/>')), 'svg');
    assert.equal(sniffFileType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1')), 'webp');
    assert.equal(sniffFileType(Buffer.from('RIFF\0\0\0\0AVI ', 'latin1')), 'other');
    assert.equal(sniffFileType(new Uint8Array(0)), 'other');
  });

  it('encodes Content-Disposition for every client (RFC 6266 / 8187)', () => {
    assert.equal(contentDisposition('inline', 'plan.pdf'), `inline; filename="plan.pdf"; filename*=UTF-8''plan.pdf`);
    assert.equal(
      contentDisposition('attachment', "خطة (2024)'s 100%.pdf"),
      `attachment; filename="___ (2024)'s 100_.pdf"; filename*=UTF-8''%D8%AE%D8%B7%D8%A9%20%282024%29%27s%20100%25.pdf`,
    );
  });
});
