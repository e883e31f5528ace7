import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Static files from public/, served under content-hashed names (/assets/css/site.3f2a9c1b.css) with a
// one-year immutable cache; compressed once at start-up with the strongest settings, never per request.

export type Asset = {
  url: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
};

export type Assets = {
  /** The hashed URL of a file under public/, e.g. url('css/site.css'). Throws for an unknown file. */
  url: (path: string) => string;
  /** The asset served at a hashed URL path, or undefined. */
  byUrl: (urlPath: string) => Asset | undefined;
};

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function loadAssets(dir: string = PUBLIC_DIR): Assets {
  const bySource = new Map<string, Asset>();
  const byUrl = new Map<string, Asset>();
  for (const file of walk(dir)) {
    const source = relative(dir, file).split('\\').join('/');
    const ext = extname(source);
    const body = readFileSync(file);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const url = `/assets/${source.slice(0, -ext.length)}.${hash}${ext}`;
    const asset: Asset = {
      url,
      type: TYPES[ext] ?? 'application/octet-stream',
      body,
      gzip: gzipSync(body, { level: 9 }),
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    };
    bySource.set(source, asset);
    byUrl.set(url, asset);
  }
  return {
    url: (path) => {
      const asset = bySource.get(path);
      if (!asset) throw new Error(`Unknown asset: ${path}`);
      return asset.url;
    },
    byUrl: (urlPath) => byUrl.get(urlPath),
  };
}
