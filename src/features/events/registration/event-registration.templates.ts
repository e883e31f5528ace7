import type { MailMessage } from '../../../core/mail/mail.service.ts';
import { renderNoticeMail } from '../../../core/mail/notice.templates.tsx';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { renderCalendar } from '../../../platform/lib/ical.ts';
import type { EventForMail } from './event-registration.queries.ts';

export type ParticipantMail =
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'cancelled'
  | 'reminder'
  | 'changed'
  | 'called-off'
  // The same news for someone on the waiting list: no place, so no join link and no invitation.
  | 'waitlist-changed'
  | 'waitlist-called-off';

/**
 * One participant's mail about their place, in their language. Confirmations, promotions, changes and
 * cancellations carry the event as a calendar invitation (or withdraw it); the join link goes only to
 * those with a place, never to the waiting list (whose invitation would carry it too).
 */
export function renderParticipantMail(
  locale: Locale,
  kind: ParticipantMail,
  member: { name: string; email: string },
  event: EventForMail,
  sender: { baseUrl: string; mailFrom: string },
): MailMessage {
  const { baseUrl } = sender;
  const i18n = getI18n(locale);
  const { t } = i18n;
  const link = `${baseUrl}/${locale}/events/${event.slug}`;
  const when = i18n.formatPeriodInZone(event.starts_at, event.ends_at, event.time_zone);
  const where = [event.venue, event.city_name].filter(Boolean).join(', ');
  const joins =
    (kind === 'confirmed' || kind === 'promoted' || kind === 'reminder' || kind === 'changed') &&
    event.join_url &&
    event.format !== 'in-person';
  const paragraphs = [
    t(`events.mail.${kind}.body`, { title: event.title }),
    t('events.mail.when', { when }),
    ...(where && event.format !== 'virtual' ? [t('events.mail.where', { where })] : []),
    ...(joins ? [t('events.mail.join', { url: event.join_url ?? '' })] : []),
  ];
  const mail = renderNoticeMail(locale, {
    subject: t(`events.mail.${kind}.subject`, { title: event.title }),
    name: member.name,
    paragraphs,
    link,
    action: t('events.mail.open'),
    footer: t('events.mail.footer'),
  });
  const invitation = kind === 'confirmed' || kind === 'promoted' || kind === 'cancelled' || kind === 'changed' || kind === 'called-off';
  const cancels = kind === 'cancelled' || kind === 'called-off';
  return {
    to: member.email,
    ...mail,
    ...(invitation
      ? {
          calendar: {
            method: cancels ? 'CANCEL' : 'REQUEST',
            content: renderCalendar({
              name: event.title,
              method: cancels ? 'CANCEL' : 'REQUEST',
              organizer: { name: t('events.mail.organizer'), email: addressOf(sender.mailFrom) },
              attendee: { name: member.name, email: member.email },
              events: [
                {
                  uid: `event-${event.id}@${new URL(baseUrl).hostname}`,
                  url: link,
                  title: event.title,
                  description: [event.summary, joins ? event.join_url : ''].filter(Boolean).join('\n\n'),
                  location: event.format === 'virtual' ? (joins ? (event.join_url ?? '') : '') : where,
                  startsAt: event.starts_at,
                  endsAt: event.ends_at,
                  updatedAt: event.updated_at,
                  status: cancels ? 'CANCELLED' : 'CONFIRMED',
                  sequence: event.sequence,
                },
              ],
            }),
          },
        }
      : {}),
  };
}

/** The address in a mailbox header value ("Peerpolis <events@example.org>" → "events@example.org"). */
function addressOf(mailbox: string): string {
  return /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
}
