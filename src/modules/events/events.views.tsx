import type { I18n } from '../../i18n/i18n.ts';
import { FallbackNote, InLanguage, placeLabel } from '../../web/components/content.tsx';
import type { EventSummary, SeriesSummary } from './events.service.ts';
import { dayInZone } from './time-zones.ts';

function eventPlace(i18n: I18n, e: EventSummary): string {
  const place = placeLabel(i18n, e.city, e.countryCode);
  if (place) return place;
  return e.regionSlug ? i18n.t(`common.regions.${e.regionSlug}`) : '';
}

export function EventList({ i18n, events, headingLevel = 3 }: { i18n: I18n; events: EventSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards">
      {events.map((e) => (
        <li class="card" id={`event-${e.slug}`}>
          <p class="kicker">
            {i18n.t(`events.kind.${e.kind}`)} · {i18n.t(`events.format.${e.format}`)}
          </p>
          <InLanguage i18n={i18n} contentLocale={e.contentLocale}>
            <Heading>
              <a href={`/${i18n.locale}/events/${e.slug}`}>{e.title}</a>
            </Heading>
            <p>{e.summary}</p>
          </InLanguage>
          <p class="meta">
            <time datetime={e.startsAt.toISOString()}>
              {i18n.formatDateRange(dayInZone(e.startsAt, e.timeZone), dayInZone(e.endsAt, e.timeZone))}
            </time>
            {eventPlace(i18n, e) ? ` · ${eventPlace(i18n, e)}` : ''}
          </p>
          <FallbackNote i18n={i18n} contentLocale={e.contentLocale} />
        </li>
      ))}
    </ul>
  );
}

export function SeriesList({ i18n, series }: { i18n: I18n; series: SeriesSummary[] }) {
  return (
    <ul class="cards">
      {series.map((s) => (
        <li class="card" id={`series-${s.slug}`}>
          <p class="kicker">{i18n.t('events.series')}</p>
          <InLanguage i18n={i18n} contentLocale={s.contentLocale}>
            <h3>{s.title}</h3>
            <p>{s.summary}</p>
          </InLanguage>
          {s.startsOn && s.endsOn ? <p class="meta">{i18n.formatMonthRange(s.startsOn, s.endsOn)}</p> : null}
          <FallbackNote i18n={i18n} contentLocale={s.contentLocale} />
        </li>
      ))}
    </ul>
  );
}

export function EventsPage(props: { i18n: I18n; upcoming: EventSummary[]; past: EventSummary[]; series: SeriesSummary[] }) {
  const { i18n } = props;
  return (
    <>
      <h1>{i18n.t('events.title')}</h1>
      <p class="lead">{i18n.t('events.intro')}</p>
      <p>
        <a href={`/${i18n.locale}/events.ics`}>{i18n.t('events.subscribe')}</a>
      </p>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{i18n.t('events.upcoming')}</h2>
        {props.upcoming.length ? <EventList i18n={i18n} events={props.upcoming} /> : <p class="empty">{i18n.t('events.noUpcoming')}</p>}
      </section>
      <section aria-labelledby="past">
        <h2 id="past">{i18n.t('events.past')}</h2>
        {props.past.length ? <EventList i18n={i18n} events={props.past} /> : <p class="empty">{i18n.t('events.noPast')}</p>}
      </section>
      {props.series.length ? (
        <section aria-labelledby="series">
          <h2 id="series">{i18n.t('events.seriesTitle')}</h2>
          <SeriesList i18n={i18n} series={props.series} />
        </section>
      ) : null}
    </>
  );
}
