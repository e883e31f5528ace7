import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { AppEnv } from '../../platform/http/context.ts';
import { keepTyped, parseForm } from '../../platform/ui/forms.tsx';
import { type ContactMessage, contactMessageForm } from './contact-message.forms.ts';
import type { ContactRelayResult } from './contact-relay.service.ts';
import type { ContactFormState } from './contact-section.views.tsx';

/**
 * What sending gave: the relay's result, or the feature's own refusal before it: the page is not the
 * viewer's to see (`not-found`), the viewer is the recipient (`self`), messages are turned `off`.
 */
export type ContactSendResult = ContactRelayResult | { ok: false; reason: 'not-found' | 'self' | 'off' };

/**
 * A posted contact form: sent (post/redirect/get to the page's notice), or the page again in the state
 * the request left the section (`show`): the form as typed (422, 429) or the reason instead of it (409).
 */
export async function answerContactForm<Message = ContactMessage>(
  c: Context<AppEnv>,
  post: {
    /** The page the section stands on. */
    pageUrl: string;
    submitted: Record<string, unknown>;
    /** The form's schema when it asks for more than subject and message (the office's: who writes, to whom). */
    schema?: z.ZodType<Message>;
    send: (message: Message) => Promise<ContactSendResult>;
    show: (form: ContactFormState | undefined, status: ContentfulStatusCode) => Response | Promise<Response>;
  },
): Promise<Response> {
  const parsed = parseForm(post.schema ?? (contactMessageForm as unknown as z.ZodType<Message>), post.submitted);
  if (!parsed.ok) return post.show({ errors: parsed.errors, values: parsed.values }, 422);
  const result = await post.send(parsed.data);
  if (result.ok) return c.redirect(`${post.pageUrl}?sent=1#contact`, 303);
  if (result.reason === 'not-found') return c.notFound();
  if (result.reason === 'rate-limited') {
    // The form again, with what was typed: nothing is lost while waiting.
    c.header('retry-after', String(result.retryAfter));
    const errors = { form: result.limit === 'sender' ? 'rateLimited' : 'recipientBusy' };
    return post.show({ errors, values: keepTyped(post.submitted), retryAfterSeconds: result.retryAfter }, 429);
  }
  // Nobody to write to, messages turned off, or writing to oneself: the page says so instead of the form.
  return post.show(undefined, 409);
}
