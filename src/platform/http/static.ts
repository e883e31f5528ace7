import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { chooseEncoding } from './middleware/compress.ts';

/** Serves a hashed asset, precompressed, cached for a year: its name changes whenever its content does. */
export function serveAsset(c: Context<AppEnv>) {
  const asset = c.var.deps.assets.byUrl(c.req.path);
  if (!asset) return c.notFound();
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  const body = encoding === 'br' ? asset.brotli : encoding === 'gzip' ? asset.gzip : asset.body;
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'Accept-Encoding',
    'content-length': String(body.length),
  };
  if (encoding) headers['content-encoding'] = encoding;
  return c.body(new Uint8Array(body), 200, headers);
}
