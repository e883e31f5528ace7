import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RelaySender } from '../../../core/mail/contact-relay.service.ts';
import { answerContactForm } from '../../../core/mail/contact-section.routes.ts';
import type { ContactFormState } from '../../../core/mail/contact-section.views.tsx';
import { rateLimitSubject } from '../../../core/rate-limits/rate-limits.service.ts';
import { clientIp } from '../../../platform/http/client-ip.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { cleanFormBody } from '../../../platform/ui/forms.tsx';
import { officeContactForm } from './office-contact.forms.ts';
import { listOfficeRecipients, type OfficeRecipient, sendOfficeMessage } from './office-contact.service.ts';
import { OfficeContactPage, recipientLabel } from './office-contact.views.tsx';

/** A confirmed member writes as their account; everyone else (signed out, or address not confirmed yet) as a visitor. */
function memberOf(c: Context<AppEnv>) {
  const { user } = c.var;
  return user?.emailVerified ? user : null;
}

function showContactPage(c: Context<AppEnv>, recipients: OfficeRecipient[], form: ContactFormState, status: ContentfulStatusCode = 200) {
  const { i18n, csrfToken } = c.var;
  const member = memberOf(c);
  return renderPage(
    c,
    {
      title: i18n.t('officeContact.title'),
      description: i18n.t('officeContact.intro'),
      section: 'contact',
      children: OfficeContactPage({
        i18n,
        csrfToken,
        recipients: recipients.map((r) => [r.key, recipientLabel(i18n, r)]),
        member: member ? { name: member.name } : null,
        sent: c.req.query('sent') === '1' && status === 200,
        form,
      }),
    },
    status,
  );
}

/** GET and POST /<locale>/contact: the network office's contact form (`?to=<region>` preselects a coordinator). */
export const officeContactRoutes = new Hono<AppEnv>()
  .get('/contact', async (c) => {
    const recipients = await listOfficeRecipients(c.var.deps.db, c.var.deps.config);
    const to = c.req.query('to') ?? '';
    return showContactPage(c, recipients, { errors: {}, values: recipients.some((r) => r.key === to) ? { to } : {} });
  })
  .post('/contact', async (c) => {
    const { deps, locale } = c.var;
    const recipients = await listOfficeRecipients(deps.db, deps.config);
    const member = memberOf(c);
    let submitted: Record<string, unknown>;
    try {
      submitted = cleanFormBody(await c.req.parseBody());
    } catch {
      throw new HTTPException(400, { message: 'malformed-form' });
    }
    return answerContactForm(c, {
      pageUrl: `/${locale}/contact`,
      submitted,
      schema: officeContactForm(
        recipients.map((r) => r.key),
        !member,
      ),
      send: (message) => {
        // A visitor is counted by IP address and by the address they typed, both as keyed hashes.
        const sender: RelaySender = member ?? {
          name: message.name ?? '',
          email: message.email ?? '',
          locale,
          limitKeys: [rateLimitSubject(deps.secret, clientIp(c)), rateLimitSubject(deps.secret, message.email ?? '')],
        };
        return sendOfficeMessage({ db: deps.db, baseUrl: deps.config.BASE_URL }, recipients, sender, message);
      },
      show: (form, status) => showContactPage(c, recipients, form ?? { errors: {}, values: {} }, status),
    });
  });
