import { findReachableMember } from '../../../core/accounts/members.service.ts';
import { queueMail } from '../../../core/mail/mail.service.ts';
import { consumeRateLimits, rateLimitSubject } from '../../../core/rate-limits/rate-limits.service.ts';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { isLocale } from '../../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import { loadEditionByNumber } from '../editions/editions.service.ts';
import { subscriberLinks, TOKEN_SLOT } from '../newsletter.model.ts';
import { renderEditionMail } from '../render/edition-mail.service.ts';
import * as q from './edition-editor.queries.ts';
import type { EditorContext, Outcome } from './edition-editor.service.ts';

export const NEWSLETTER_EDITOR_LIMITS = {
  // A test goes to the editor's own address only; a few an hour are plenty to check a change.
  newsletterTestSendPerEditor: { name: 'newsletter-test-send:editor', limit: 10, windowSeconds: 60 * 60 },
  // And per network address, for editors' accounts taken over by someone else.
  newsletterTestSendPerIp: { name: 'newsletter-test-send:ip', limit: 30, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export type TestSendContext = EditorContext & { baseUrl: string; postalAddress: string; secret: string; ip: string };

/**
 * Sends one language's mail of an edition to the signed-in editor's own address, never to anyone else.
 * It carries the editor's own subscriber token when their address is subscribed, so its preference and
 * unsubscribe links (and the List-Unsubscribe header) work as a reader's do and touch only their own
 * subscription. Otherwise the token slot stays in the links: they lead to the "unknown link" answer of
 * the subscriber pages and can change no one's subscription.
 */
export async function sendTestEdition(ctx: TestSendContext, number: number, lang: string): Promise<Outcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const edition = await loadEditionByNumber(trx, number);
    if (!edition) return 'not-found' as const;
    if (!isLocale(lang) || !edition.locales.includes(lang)) {
      return { ok: false as const, problems: [{ field: 'testLang', key: 'newsletterEditor.errors.languageNotWritten' }] };
    }
    const limit = await consumeRateLimits(trx, [
      { rule: NEWSLETTER_EDITOR_LIMITS.newsletterTestSendPerEditor, subject: `user:${ctx.user.id}` },
      { rule: NEWSLETTER_EDITOR_LIMITS.newsletterTestSendPerIp, subject: rateLimitSubject(ctx.secret, ctx.ip) },
    ]);
    if (!limit.allowed) return { ok: false as const, problems: [{ field: 'form', key: 'newsletterEditor.errors.testSendLimit' }] };
    const editor = await findReachableMember(trx, ctx.user.id);
    if (!editor) return { ok: false as const, problems: [{ field: 'form', key: 'newsletterEditor.errors.noAddress' }] };
    const token = (await q.findSubscriberTokenByEmail(trx, editor.email)) ?? TOKEN_SLOT;
    const mail = await renderEditionMail(trx, ctx.sources, edition, lang, {
      baseUrl: ctx.baseUrl,
      postalAddress: ctx.postalAddress,
      token,
    });
    await queueMail(trx, {
      to: editor.email,
      subject: `${getI18n(lang).t('newsletterEditor.testSubject')} ${mail.subject}`,
      html: mail.html,
      text: mail.text,
      unsubscribeUrl: subscriberLinks(ctx.baseUrl, mail.locale, token).unsubscribe,
    });
    return { ok: true as const };
  });
}
