import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import sharp from 'sharp';
import { acceptUpload, type UploadInput, uploadsDir } from '../../src/core/uploads/uploads.service.ts';
import { createTestApp, type TestApp } from './app.ts';

// The uploads tests' app with a DATA_DIR of its own, and the files they send.

export type UploadsTestState = { t: TestApp; dataDir: string; dir: string };

/** Starts an app for one test file (filled in before its tests run) and the helpers that upload through it. */
export function useUploadsApp() {
  const state = {} as UploadsTestState;
  before(async () => {
    state.dataDir = mkdtempSync(join(tmpdir(), 'peerpolis-uploads-'));
    state.t = await createTestApp({ seed: 'none', env: { DATA_DIR: state.dataDir } });
    state.dir = uploadsDir({ DATA_DIR: state.dataDir });
  });
  after(async () => {
    await state.t.close();
    rmSync(state.dataDir, { recursive: true, force: true });
  });
  const accept = (input: UploadInput) => acceptUpload(state.t.database.db, state.dir, input);
  return {
    state,
    accept,
    document: (f: unknown) => accept({ file: f, kind: 'document', uploaderUserId: null }),
    image: (f: unknown) => accept({ file: f, kind: 'image', uploaderUserId: null }),
    files: () => readdirSync(state.dir).sort(),
    rows: (sha256: string) => state.t.database.db.selectFrom('uploads').selectAll().where('sha256', '=', sha256).execute(),
  };
}

export const file = (bytes: Uint8Array | string, name: string, type = '') =>
  new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });

export function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

type Accepted = Awaited<ReturnType<typeof acceptUpload>>;

export function failure(result: Accepted) {
  assert.equal(result.ok, false, 'expected a refusal');
  return result as Extract<Accepted, { ok: false }>;
}

export function success(result: Accepted) {
  assert.ok(result.ok, `expected success, got ${JSON.stringify(result)}`);
  return result.upload;
}

export async function photo(width: number, height: number, options: { orientation?: number; gps?: boolean } = {}) {
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
