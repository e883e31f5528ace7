import { Hono } from 'hono';
import { clientIp, isLoopback } from '../../platform/http/client-ip.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { negotiatedLocale } from '../../platform/http/middleware/locale.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { getOutboxMessage, listOutboxMessages } from './mail.service.ts';
import { OutboxMessagePage, OutboxPage } from './mail.views.tsx';

/**
 * /dev/mail: the development mailbox (outbox transport). Mounted only when NODE_ENV is not production,
 * and answering only requests from this machine: a server started without NODE_ENV=production on a
 * public interface still shows nobody's mail to the world.
 */
export const devMailRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (!isLoopback(clientIp(c))) return c.notFound();
    const locale = negotiatedLocale(c);
    c.set('locale', locale);
    c.set('i18n', getI18n(locale));
    c.header('x-robots-tag', 'noindex');
    await next();
  })
  .get('/', async (c) => {
    const { i18n, deps } = c.var;
    const messages = await listOutboxMessages(deps.db, 100);
    return renderPage(c, { title: i18n.t('devmail.title'), indexable: false, path: '/', children: OutboxPage({ i18n, messages }) });
  })
  .get('/:id{[0-9]+}', async (c) => {
    const { i18n, deps } = c.var;
    const message = await getOutboxMessage(deps.db, c.req.param('id'));
    if (!message) return c.notFound();
    return renderPage(c, { title: message.subject, indexable: false, path: '/', children: OutboxMessagePage({ i18n, message }) });
  })
  .get('/:id{[0-9]+}/html', async (c) => {
    const message = await getOutboxMessage(c.var.deps.db, c.req.param('id'));
    if (!message) return c.notFound();
    // The mail's own HTML, as a mail client would show it: inline styles allowed, nothing else.
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    return c.html(message.html_body);
  });
