import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { drawnBody } from '../render.tsx';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|ld\+json|problem\+json)|image\/svg\+xml)/;
const MIN_BYTES = 512;

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts ("br;q=1, gzip;q=0.8"); q=0 rules one out. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q) || 0);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/** The body in `encoding`: brotli at quality 5 (most of the gain at a fraction of the CPU of 11), or gzip. */
export function encodeBody(body: Uint8Array, encoding: Encoding): Promise<Buffer<ArrayBuffer>> {
  const packed =
    encoding === 'br'
      ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gz(body, { level: 6 });
  return packed as Promise<Buffer<ArrayBuffer>>;
}

/**
 * Compresses dynamic responses with brotli (quality 5: most of the gain at a fraction of the CPU of 11)
 * or gzip. Static assets arrive already compressed and carry their own Content-Encoding.
 */
export function compress(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    // Headers first: asking a response for its body makes undici build it a stream, which a response
    // already compressed (a kept page, an asset) would then be sent through.
    if (res.headers.has('content-encoding') || !COMPRESSIBLE.test(type) || !res.body) return;
    if (!/accept-encoding/i.test(res.headers.get('vary') ?? '')) res.headers.append('vary', 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const body = drawnBody(res) ?? Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (body.length < MIN_BYTES) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const packed = await encodeBody(body, encoding);
    headers.set('content-encoding', encoding);
    headers.set('content-length', String(packed.length));
    c.res = new Response(packed, { status: res.status, headers });
  };
}
