import type { Database } from '../../../platform/db/client.ts';
import { extensionPoint } from '../../../platform/extension.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { EventTextRow } from '../events.table.ts';
import { registrationState } from '../registration/event-registration.model.ts';
import * as q from './event-page.queries.ts';

export type LoadedEvent = { event: q.EventRecord; text: EventTextRow };

/**
 * An event as `viewer` may see it: published, cancelled and postponed events are public; drafts only
 * for editors (anyone else gets nothing, as if it did not exist). The text is the reader's language,
 * else English, else any.
 */
export async function loadEvent(db: Database, slug: string, locale: Locale, viewer: CurrentUser | null): Promise<LoadedEvent | undefined> {
  const event = await q.findEventBySlug(db, slug);
  if (!event || (event.status === 'draft' && !can(viewer, 'edit-content'))) return undefined;
  const text = pickText(event.texts, locale);
  return text ? { event, text } : undefined;
}

export function pickText(texts: EventTextRow[], locale: Locale): EventTextRow | undefined {
  return texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === 'en') ?? texts[0];
}

export function participantFigures(db: Database, eventId: number) {
  return q.countParticipants(db, eventId);
}

export function viewerRegistration(db: Database, eventId: number, userId: number) {
  return q.findViewerRegistration(db, eventId, userId);
}

/** Whether the event takes registrations now (see registrationState). */
export function registrationStateOf(event: q.EventRecord, now = new Date()) {
  return registrationState(event, now);
}

/** A list of links an event led to, shown in its documentation (e.g. the project ideas a workshop worked on). */
export type EventOutcomeSection = {
  heading: string;
  links: Array<{ href: string; title: string /** Language of the title. */; lang: string; detail: string }>;
};

/**
 * What other modules add to a past event's documentation. Events name no module that builds on them:
 * project ideas contribute their workshop outcomes here through the registry.
 */
export const eventOutcomes =
  extensionPoint<(db: Database, i18n: I18n, eventId: number) => Promise<EventOutcomeSection | null>>('events.outcomes');
