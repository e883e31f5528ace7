import type { TestApp } from './app.ts';

/**
 * A small browser stand-in over app.request: keeps cookies, reads the CSRF token from the last page,
 * and submits forms the way a browser without JavaScript does.
 */
export class Visitor {
  private cookies = new Map<string, string>();
  csrf = '';
  lastHtml = '';

  constructor(
    private readonly t: TestApp,
    private readonly headers: Record<string, string> = {},
  ) {}

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair?.indexOf('=') ?? -1;
      if (!pair || i < 0) continue;
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  /** The Cookie header this visitor sends, for hand-made requests in tests. */
  cookieHeaderForTests() {
    return this.cookieHeader();
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<Response> {
    const res = await this.t.request(path, { headers: { ...this.headers, cookie: this.cookieHeader() } });
    this.keep(res);
    this.lastHtml = await res.clone().text();
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  /** Posts a form; `_csrf` comes from the last page unless given. */
  async post(path: string, fields: Record<string, string | string[]>, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams({ _csrf: this.csrf });
    for (const [key, value] of Object.entries(fields)) {
      if (key === '_csrf') body.set(key, String(value));
      else for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const res = await this.t.request(path, {
      method: 'POST',
      body,
      headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...extraHeaders },
    });
    this.keep(res);
    this.lastHtml = await res.clone().text();
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  /** Posts a multipart form (file uploads); `_csrf` comes from the last page. */
  async postMultipart(path: string, form: FormData): Promise<Response> {
    if (!form.has('_csrf')) form.set('_csrf', this.csrf);
    const res = await this.t.request(path, { method: 'POST', body: form, headers: { ...this.headers, cookie: this.cookieHeader() } });
    this.keep(res);
    this.lastHtml = await res.clone().text();
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
    if (token) this.csrf = token;
    return res;
  }
}
