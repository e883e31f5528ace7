import { findReachableMember } from '../../../core/accounts/members.service.ts';
import { queueMail } from '../../../core/mail/mail.service.ts';
import { renderNoticeMail } from '../../../core/mail/notice.templates.tsx';
import { consumeRateLimits } from '../../../core/rate-limits/rate-limits.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { toCsv } from '../../../platform/lib/csv.ts';
import { instantToWallClock } from '../../../platform/lib/time-zones.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import * as q from './event-admin.queries.ts';

/** Editors' messages to participants. */
export const EVENT_MESSAGE_LIMITS = {
  // An editor's message goes to every participant of an event: a few per event and hour.
  eventMessagePerEvent: { name: 'event-message:event', limit: 5, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

// The editors' side of registrations: who registered, the export for the organisers, attendance, and a
// message to all participants. Every function checks the role itself (the routes check it too).

export type EditorContext = { db: Database; user: CurrentUser; baseUrl: string };

export function listEditorEvents(db: Database, locale: Locale) {
  return q.listEventsForEditors(db, locale);
}

export function listEventRegistrations(db: Database, eventId: number) {
  return q.listRegistrations(db, eventId);
}

/** The registrations as CSV for spreadsheet programs (src/web/csv.ts), column names in the editor's language. */
export function registrationsCsv(i18n: I18n, rows: q.RegistrationListRow[], timeZone: string): string {
  const { t } = i18n;
  const time = (d: Date | null) => (d ? instantToWallClock(d, timeZone).replace('T', ' ') : '');
  return toCsv(
    [
      t('events.admin.columns.name'),
      t('events.admin.columns.email'),
      t('events.registration.city'),
      t('events.registration.country'),
      t('events.admin.columns.status'),
      t('events.admin.columns.queuedAt', { zone: timeZone }),
      t('events.registration.role'),
      t('events.registration.brings'),
      t('events.registration.bringsText'),
      t('events.registration.dietary'),
      t('events.admin.columns.attended'),
    ],
    rows.map((r) => [
      r.name,
      r.email ?? '',
      r.city_name ?? '',
      r.country_code ? i18n.countryName(r.country_code) : '',
      t(`events.admin.status.${r.status}`),
      time(r.queued_at),
      r.answers.role ?? '',
      r.answers.brings ? t(`events.registration.bringsOptions.${r.answers.brings}`) : '',
      r.answers.bringsText ?? '',
      r.answers.dietary ?? '',
      r.attended === null ? '' : r.attended ? t('events.admin.yes') : t('events.admin.no'),
    ]),
  );
}

export async function markAttendance(ctx: EditorContext, eventId: number, present: number[]): Promise<'saved' | 'forbidden'> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  await ctx.db.transaction().execute((trx) => q.setAttendance(trx, eventId, present));
  return 'saved';
}

export type MessageOutcome =
  | { ok: true; sent: number }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'rate-limited'; retryAfter: number };

/**
 * Mails the editor's message to every registered participant (and the waiting list on request), each
 * in their own mail: nobody sees the other addresses. Answers go to the editor (Reply-To).
 */
export async function messageParticipants(
  ctx: EditorContext,
  event: { id: number; slug: string; title: string },
  message: { subject: string; text: string; includeWaitlist: boolean },
): Promise<MessageOutcome> {
  if (!can(ctx.user, 'edit-content')) return { ok: false, reason: 'forbidden' };
  return ctx.db.transaction().execute(async (trx): Promise<MessageOutcome> => {
    const limit = await consumeRateLimits(trx, [{ rule: EVENT_MESSAGE_LIMITS.eventMessagePerEvent, subject: String(event.id) }]);
    if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limit.retryAfter };
    const editor = await findReachableMember(trx, ctx.user.id);
    const people = await q.listParticipantsToMessage(trx, event.id, message.includeWaitlist);
    for (const p of people) {
      const locale = isLocale(p.locale) ? p.locale : 'en';
      const { t } = getI18n(locale);
      const mail = renderNoticeMail(locale, {
        subject: message.subject,
        name: p.name,
        paragraphs: message.text
          .split(/\n{2,}/)
          .map((s) => s.trim())
          .filter(Boolean),
        link: `${ctx.baseUrl}/${locale}/events/${event.slug}`,
        action: t('events.mail.open'),
        footer: t('events.admin.messageFooter', { title: event.title }),
      });
      await queueMail(trx, {
        to: p.email as string,
        ...mail,
        ...(editor ? { replyTo: { name: editor.name, address: editor.email } } : {}),
      });
    }
    return { ok: true, sent: people.length };
  });
}
