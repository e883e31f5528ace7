import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { isLocale } from '../../../platform/i18n/locales.ts';
import { type Edition, loadEditionByNumber } from '../editions/editions.service.ts';
import { itemSourcesByKind } from '../item-sources.ts';
import { editionLocaleFor, TOKEN_SLOT } from '../newsletter.model.ts';
import { renderEditionMail } from '../render/edition-mail.service.ts';
import { renderEdition } from '../render/edition-render.service.ts';
import { EditionPreviewPage } from './edition-preview.views.tsx';

// The preview of an edition: ?lang=<one of its languages>&as=web (the web version inside the site's
// page), as=mail (the e-mail's HTML as its own document, as a mail program shows it) or as=text (its
// plain-text part). Mail previews carry the token slot, not anyone's token: nobody's links are in them.

// The mail's own HTML may style itself inline and show images; it may run nothing, load nothing else,
// post nowhere, and be framed by no one.
const MAIL_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function previewPage(
  c: Context<AppEnv>,
  edition: Edition,
  lang: string | null,
  preview: Parameters<typeof EditionPreviewPage>[0]['preview'],
  message?: string,
) {
  const { i18n } = c.var;
  return renderPage(
    c,
    {
      title: i18n.t('newsletterEditor.previewTitle', { number: edition.number }),
      indexable: false,
      editorial: 'newsletter',
      children: EditionPreviewPage({ i18n, number: edition.number, locales: edition.locales, lang, preview, message }),
    },
    preview ? 200 : 404,
  );
}

export const editionPreviewRoutes = new Hono<AppEnv>()
  .use('/editor/newsletter/*', requires('edit-content'))
  .get('/editor/newsletter/:number{[1-9][0-9]{0,8}}/preview', async (c) => {
    const { deps, i18n } = c.var;
    const edition = await loadEditionByNumber(deps.db, Number(c.req.param('number')));
    if (!edition) throw new HTTPException(404, { message: 'not-found' });
    c.header('cache-control', 'private, no-store');
    if (edition.locales.length === 0) return previewPage(c, edition, null, null, i18n.t('newsletterEditor.problems.noLanguage'));
    const asked = c.req.query('lang');
    const lang = asked === undefined ? editionLocaleFor(i18n.locale, edition.locales) : asked;
    if (!isLocale(lang) || !edition.locales.includes(lang)) {
      return previewPage(c, edition, null, null, i18n.t('newsletterEditor.errors.languageNotWritten'));
    }
    const sources = itemSourcesByKind(deps.modules.extensions);
    const as = c.req.query('as');
    if (as === 'mail' || as === 'text') {
      const mail = await renderEditionMail(deps.db, sources, edition, lang, {
        baseUrl: deps.config.BASE_URL,
        postalAddress: deps.config.POSTAL_ADDRESS ?? '',
        token: TOKEN_SLOT,
      });
      c.header('content-security-policy', MAIL_CSP);
      c.header('x-robots-tag', 'noindex');
      if (as === 'text') return c.text(mail.text);
      return c.html(mail.html);
    }
    const rendered = await renderEdition(deps.db, sources, edition, lang, deps.config.BASE_URL);
    return previewPage(c, edition, lang, { i18n: getI18n(lang), edition: rendered });
  });
