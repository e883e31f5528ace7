import type { Database } from '../../../platform/db/client.ts';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { DEFAULT_LOCALE, isLocale } from '../../../platform/i18n/locales.ts';
import { listPartnerNames } from '../../network/index.ts';
import type { Edition } from '../editions/editions.service.ts';
import { type NewsletterItemSource, subscriberLinks } from '../newsletter.model.ts';
import { editionMailHtml, editionMailText } from './edition-mail.templates.tsx';
import { renderEdition } from './edition-render.service.ts';

export type EditionMail = {
  /** One line: mail headers end at a line break. */
  subject: string;
  html: string;
  text: string;
  /** The language of the edition's texts in this mail (the reader's, else English, else the edition's first). */
  locale: string;
};

/** The web version of an edition in a reader's language: no token, the same address for everyone. */
export const editionWebUrl = (baseUrl: string, locale: string, number: number) => `${baseUrl}/${locale}/newsletter/${number}`;

/**
 * An edition as the mail one reader gets, in their language. The sender renders it once per language
 * with `token: TOKEN_SLOT` and puts each reader's token in its place; a test send passes a real one.
 */
export async function renderEditionMail(
  db: Database,
  sources: Map<string, NewsletterItemSource>,
  edition: Edition,
  readerLocale: string,
  options: { baseUrl: string; postalAddress: string; token: string },
): Promise<EditionMail> {
  const locale = isLocale(readerLocale) ? readerLocale : DEFAULT_LOCALE;
  const i18n = getI18n(locale);
  const rendered = await renderEdition(db, sources, edition, locale, options.baseUrl);
  const personal = subscriberLinks(options.baseUrl, locale, options.token);
  const content = {
    edition: rendered,
    i18n,
    links: {
      web: editionWebUrl(options.baseUrl, locale, rendered.number),
      preferences: personal.preferences,
      unsubscribe: personal.unsubscribe,
    },
    postalAddress: options.postalAddress.trim(),
    // From the network's partner records, in the reader's language (one query per edition and language).
    partners: await listPartnerNames(db, locale),
  };
  const subject = (rendered.subject || i18n.t('newsletter.edition.untitled', { number: rendered.number })).replace(/\s+/g, ' ').trim();
  return { subject, html: editionMailHtml(content), text: editionMailText(content), locale: rendered.locale };
}
