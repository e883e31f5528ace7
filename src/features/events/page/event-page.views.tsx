import { cityName } from '../../../core/cities/cities.service.ts';
import { CityLink, PlaceWithCity } from '../../../core/cities/index.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage } from '../../../platform/ui/components/content.tsx';
import type { EventTextRow } from '../events.table.ts';
import { Registration, type RegistrationView } from '../registration/event-registration.views.tsx';
import { Documentation, EventProse } from './event-documentation.views.tsx';
import type { EventRecord, ParticipantFigures } from './event-page.queries.ts';
import type { EventOutcomeSection } from './event-page.service.ts';

// An event's public page: what, when (in the event's zone, and the reader's once the small script has
// run), where or how to join, who hosts it, registration, and afterwards what happened.

export type EventPageProps = {
  i18n: I18n;
  event: EventRecord;
  text: EventTextRow;
  figures: ParticipantFigures | null;
  /** What other modules link to this past event (e.g. the project ideas a workshop worked on). */
  outcomes: EventOutcomeSection[];
  registration: RegistrationView;
  countries: Array<{ code: string; name: string }>;
  /** Theme labels in the reader's language, by slug. */
  themeLabels: Map<string, string>;
  csrfToken: string;
  notice?: string;
};

export function EventPage(props: EventPageProps) {
  const { i18n, event, text } = props;
  const { t, locale } = i18n;
  const place = [event.venue, event.city_name ? cityName({ name: event.city_name, names: event.city_names ?? {} }, locale) : null]
    .filter(Boolean)
    .join(', ');
  const country = event.country_code ? i18n.countryName(event.country_code) : '';
  const over = event.ends_at.getTime() < Date.now();
  return (
    <article class="event">
      <p class="kicker">
        {t(`events.kind.${event.kind}`)} · {t(`events.format.${event.format}`)}
        {event.status !== 'published' ? ` · ${t(`events.status.${event.status}`)}` : ''}
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {t(`events.notices.${props.notice}`)}
        </p>
      ) : null}
      <InLanguage i18n={i18n} contentLocale={text.locale}>
        <h1>{text.title}</h1>
        <p class="lead">{text.summary}</p>
      </InLanguage>
      <FallbackNote i18n={i18n} contentLocale={text.locale} />
      {event.status === 'cancelled' || event.status === 'postponed' ? (
        <p class="notice warning" role="status">
          {t(`events.statusNote.${event.status}`)}
        </p>
      ) : null}
      {event.format_changed_at ? <p class="notice">{t('events.formatChanged', { format: t(`events.format.${event.format}`) })}</p> : null}

      <dl class="facts">
        <dt>{t('events.when')}</dt>
        <dd>
          <time datetime={event.starts_at.toISOString()}>{i18n.formatPeriodInZone(event.starts_at, event.ends_at, event.time_zone)}</time>
          <span class="hint"> ({event.time_zone.replaceAll('_', ' ')})</span>
          <span
            class="local-time"
            data-start={event.starts_at.toISOString()}
            data-end={event.ends_at.toISOString()}
            data-zone={event.time_zone}
            hidden
          >
            {t('events.yourTime')}
          </span>
        </dd>
        {event.format !== 'virtual' && (place || country) ? (
          <>
            <dt>{t('events.where')}</dt>
            <dd dir="auto">
              {event.venue}
              {event.venue && (event.city_name || country) ? ', ' : null}
              <PlaceWithCity
                i18n={i18n}
                city={
                  event.city_name
                    ? { slug: event.city_slug, country_code: event.city_country, name: event.city_name, names: event.city_names }
                    : null
                }
                countryCode={event.country_code}
              />
            </dd>
          </>
        ) : null}
        {event.format !== 'in-person' ? (
          <>
            <dt>{t('events.online')}</dt>
            <dd>{t('events.joinLinkForParticipants')}</dd>
          </>
        ) : null}
        {event.languages.length ? (
          <>
            <dt>{t('events.languages')}</dt>
            <dd>{event.languages.map((code) => i18n.languageName(code)).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {event.hosts.length ? (
          <>
            <dt>{t('events.hosts')}</dt>
            <dd dir="auto">
              {event.hosts.map((h, i) => (
                <>
                  {i ? t('common.listSeparator') : null}
                  <CityLink i18n={i18n} city={h} /> ({i18n.countryName(h.country_code)})
                </>
              ))}
            </dd>
          </>
        ) : null}
        {event.partners.length ? (
          <>
            <dt>{t('events.partners')}</dt>
            <dd dir="auto">{event.partners.join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {event.themes.length ? (
          <>
            <dt>{t('events.themes')}</dt>
            <dd>
              {event.themes.map((slug, i) => (
                <>
                  {i ? t('common.listSeparator') : ''}
                  <a href={`/${locale}/events?theme=${slug}`}>{props.themeLabels.get(slug) ?? slug}</a>
                </>
              ))}
            </dd>
          </>
        ) : null}
        {event.series ? (
          <>
            <dt>{t('events.series')}</dt>
            <dd>
              <a href={`/${locale}/events/series/${event.series.slug}`} dir="auto">
                {i18n.label(event.series.titles)}
              </a>
            </dd>
          </>
        ) : null}
        {event.learning_process ? (
          <>
            <dt>{t('events.learningProcess')}</dt>
            <dd>
              <a href={`/${locale}/events/learning-processes/${event.learning_process.slug}`} dir="auto">
                {i18n.label(event.learning_process.titles)}
              </a>
            </dd>
          </>
        ) : null}
        {event.capacity ? (
          <>
            <dt>{t('events.places')}</dt>
            <dd>{t('events.placesLeft', { left: Math.max(0, event.capacity - event.registered), capacity: event.capacity })}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/${locale}/events/${event.slug}.ics`} download>
          {t('events.addToCalendar')}
        </a>
      </p>

      {text.programme ? (
        <section aria-labelledby="programme">
          <h2 id="programme">{t('events.programme')}</h2>
          <EventProse i18n={i18n} contentLocale={text.locale} text={text.programme} />
        </section>
      ) : null}

      {over ? <Documentation {...props} /> : <Registration {...props} />}
    </article>
  );
}
