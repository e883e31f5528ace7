import type { I18n } from '../../../platform/i18n/i18n.ts';
import { dayInZone } from '../../../platform/lib/time-zones.ts';
import { FallbackNote, InLanguage, placeLabel } from '../../../platform/ui/components/content.tsx';
import { type FilterOption, FilterSelect } from '../../../platform/ui/components/search.tsx';
import { SearchPage } from '../../../platform/ui/components/search-page.tsx';
import { EVENT_FORMATS, EVENT_KINDS } from '../events.table.ts';
import { type EventSearchParams, eventQueryString } from './event-search.forms.ts';
import type { EventSearchResult, EventSummary, SeriesSummary } from './event-search.service.ts';

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
          <OutcomeMarkers i18n={i18n} event={e} />
          <FallbackNote i18n={i18n} contentLocale={e.contentLocale} />
        </li>
      ))}
    </ul>
  );
}

/** What a past event left to watch or read: words, not only a symbol, so every reader and screen reader gets it. */
function OutcomeMarkers({ i18n, event }: { i18n: I18n; event: Pick<EventSummary, 'recorded' | 'documented'> }) {
  if (!event.recorded && !event.documented) return null;
  return (
    <ul class="chips" aria-label={i18n.t('events.outcomeMarkers.label')}>
      {event.recorded ? <li>{i18n.t('events.outcomeMarkers.recorded')}</li> : null}
      {event.documented ? <li>{i18n.t('events.outcomeMarkers.documented')}</li> : null}
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
            <h3>
              <a href={`/${i18n.locale}/events/series/${s.slug}`}>{s.title}</a>
            </h3>
            <p>{s.summary}</p>
          </InLanguage>
          {s.startsOn && s.endsOn ? <p class="meta">{i18n.formatMonthRange(s.startsOn, s.endsOn)}</p> : null}
          <FallbackNote i18n={i18n} contentLocale={s.contentLocale} />
        </li>
      ))}
    </ul>
  );
}

export type EventsPageProps = {
  i18n: I18n;
  params: EventSearchParams;
  /** The query parameters that were not understood (named on the page). */
  ignored: string[];
  result: EventSearchResult;
  series: SeriesSummary[];
  /** Series and learning processes to filter by. */
  groups: { series: Array<{ slug: string; title: string }>; process: Array<{ slug: string; title: string }> };
  themes: Array<{ slug: string; name: string }>;
  regions: string[];
};

const LANGS = ['en', 'de', 'fr', 'es', 'ar', 'pt', 'ru', 'sq', 'sr', 'mk', 'ka', 'id'];

/** The calendar: upcoming or past events, filtered by a GET form (no script), with the feeds to subscribe to. */
/** The calendar feed that matches the list: one theme's when exactly one is chosen, else the whole network's. */
export function calendarFeedPath(locale: string, params: { theme: string[] }): string {
  return params.theme.length === 1 ? `/${locale}/events.ics?theme=${params.theme[0]}` : `/${locale}/events.ics`;
}

export function EventsPage(props: EventsPageProps) {
  const { i18n, params, result } = props;
  const { t, locale } = i18n;
  const href = (overrides: { page?: number; when?: 'upcoming' | 'past' }) => {
    const qs = eventQueryString(params, overrides);
    return `/${locale}/events${qs ? `?${qs}` : ''}`;
  };
  const feed = calendarFeedPath(locale, params);
  const filters: Array<[name: 'kind' | 'format' | 'theme' | 'region' | 'language', label: string, options: FilterOption[]]> = [
    ['kind', t('events.filters.kind'), EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))],
    ['format', t('events.filters.format'), EVENT_FORMATS.map((f) => ({ value: f, label: t(`events.format.${f}`) }))],
    ['theme', t('events.themes'), props.themes.map((th) => ({ value: th.slug, label: th.name }))],
    ['region', t('events.filters.region'), props.regions.map((r) => ({ value: r, label: t(`common.regions.${r}`) }))],
    ['language', t('events.languages'), LANGS.map((code) => ({ value: code, label: i18n.languageName(code) }))],
  ];
  const applied =
    filters.reduce((sum, [name]) => sum + params[name].length, 0) + [params.series, params.process, params.month].filter(Boolean).length;
  return (
    <SearchPage
      i18n={i18n}
      title={t('events.title')}
      lead={t('events.intro')}
      intro={
        <nav aria-label={t('events.title')} class="tabs">
          <a href={href({ when: 'upcoming' })} aria-current={params.when === 'upcoming' && !params.month ? 'page' : undefined}>
            {t('events.upcoming')}
          </a>
          <a href={href({ when: 'past' })} aria-current={params.when === 'past' && !params.month ? 'page' : undefined}>
            {t('events.past')}
          </a>
        </nav>
      }
      ignored={props.ignored}
      action={`/${locale}/events`}
      layout="bar"
      applied={applied}
      filters={
        <>
          {params.when === 'past' ? <input type="hidden" name="when" value="past" /> : null}
          {filters.map(([name, label, options]) => (
            <FilterSelect name={name} label={label} any={t('events.filters.any')} selected={params[name][0] ?? ''} options={options} />
          ))}
          {(['series', 'process'] as const).map((name) =>
            props.groups[name].length ? (
              <FilterSelect
                name={name}
                label={t(name === 'series' ? 'eventSeries.filterSeries' : 'eventSeries.filterProcess')}
                any={t('events.filters.any')}
                selected={params[name] ?? ''}
                options={props.groups[name].map((g) => ({ value: g.slug, label: g.title }))}
              />
            ) : null,
          )}
          <div class="field">
            <label for="filter-month">{t('events.filters.month')}</label>
            <input type="month" id="filter-month" name="month" value={params.month ?? ''} />
          </div>
        </>
      }
      applyLabel={t('events.filters.apply')}
      results={{
        result,
        count: t('events.count', { count: result.total }),
        empty: params.when === 'past' ? t('events.noPast') : t('events.noUpcoming'),
        list: <EventList i18n={i18n} events={result.items} />,
        href: (page) => href({ page }),
        pagesLabel: t('events.pages'),
      }}
      below={
        <>
          <p>
            <a href={feed}>{t('events.subscribe')}</a> · <a href={`/${locale}/calls`}>{t('calls.title')}</a> ·{' '}
            <a href={`/${locale}/project-ideas`}>{t('projectIdeas.title')}</a>
          </p>
          {props.series.length ? (
            <section aria-labelledby="series">
              <h2 id="series">{t('events.seriesTitle')}</h2>
              <SeriesList i18n={i18n} series={props.series} />
            </section>
          ) : null}
        </>
      }
    />
  );
}
