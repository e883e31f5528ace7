import { DocumentList } from '../../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage } from '../../../platform/ui/components/content.tsx';
import { PracticeList } from '../../practices/index.ts';
import type { EventOutcomeSection } from '../page/event-page.service.ts';
import { EventList } from '../search/event-search.views.tsx';
import type { GroupPage, GroupSession } from './event-series.service.ts';

// The page of a series or learning process: what it is, its sessions (to come and held, each in the
// order they are held), what they left (recordings, documentation, documents) and the good practices
// presented at them.

const KIND_LABEL = { series: 'events.series', process: 'events.learningProcess' } as const;

export function GroupPageView({ i18n, page, outcomes = [] }: { i18n: I18n; page: GroupPage; outcomes?: EventOutcomeSection[] }) {
  const { t, locale } = i18n;
  const filterParam = page.kind === 'series' ? 'series' : 'process';
  const recorded = page.past.filter((s) => s.recordings.length);
  const documented = page.past.filter((s) => s.documented);
  const documents = page.past.flatMap((s) => s.documents);
  return (
    <article class="event-group">
      <p class="kicker">{t(KIND_LABEL[page.kind])}</p>
      <InLanguage i18n={i18n} contentLocale={page.text.locale}>
        <h1>{page.text.title}</h1>
        {page.text.summary ? <p class="lead">{page.text.summary}</p> : null}
      </InLanguage>
      <FallbackNote i18n={i18n} contentLocale={page.text.locale} />
      {page.startsOn && page.endsOn ? <p class="meta">{i18n.formatMonthRange(page.startsOn, page.endsOn)}</p> : null}
      <p>
        <a href={`/${locale}/events?${filterParam}=${page.slug}`}>{t('eventSeries.inCalendar')}</a>
      </p>

      <section aria-labelledby="sessions-upcoming">
        <h2 id="sessions-upcoming">{t('eventSeries.upcoming')}</h2>
        {page.upcoming.length ? <EventList i18n={i18n} events={page.upcoming} /> : <p class="empty">{t('eventSeries.noUpcoming')}</p>}
      </section>
      {page.past.length ? (
        <section aria-labelledby="sessions-past">
          <h2 id="sessions-past">{t('eventSeries.past')}</h2>
          <EventList i18n={i18n} events={page.past} />
        </section>
      ) : null}

      {recorded.length ? (
        <section aria-labelledby="recordings">
          <h2 id="recordings">{t('events.recordings')}</h2>
          <ul>
            {recorded.flatMap((s) =>
              s.recordings.map((r) => (
                <li>
                  <a href={r.url} rel="noopener noreferrer" dir="auto">
                    {r.label || r.url}
                  </a>{' '}
                  <SessionNote i18n={i18n} session={s} />
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}

      {outcomes.map((section, i) => (
        <section aria-labelledby={`group-outcome-${i}`}>
          <h2 id={`group-outcome-${i}`}>{section.heading}</h2>
          <ul>
            {section.links.map((link) => (
              <li>
                <a href={link.href} lang={link.lang} dir="auto">
                  {link.title}
                </a>{' '}
                <span class="meta">({link.detail})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}

      {documented.length || documents.length ? (
        <section aria-labelledby="group-documentation">
          <h2 id="group-documentation">{t('events.documentation')}</h2>
          {documented.length ? (
            <ul>
              {documented.map((s) => (
                <li>
                  <a href={`/${locale}/events/${s.slug}#documentation`} lang={s.contentLocale} dir="auto">
                    {s.title}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <DocumentList i18n={i18n} heading={t('eventEditor.documents')} documents={documents} level={3} />
        </section>
      ) : null}

      {page.practices.length ? (
        <section aria-labelledby="practices-presented">
          <h2 id="practices-presented">{t('events.practicesPresented')}</h2>
          <PracticeList i18n={i18n} practices={page.practices} headingLevel={3} />
        </section>
      ) : null}
    </article>
  );
}

/** Which session a recording is of, in brackets after it. */
function SessionNote({ i18n, session }: { i18n: I18n; session: GroupSession }) {
  return (
    <span class="meta">
      (
      <a href={`/${i18n.locale}/events/${session.slug}`} lang={session.contentLocale} dir="auto">
        {session.title}
      </a>
      )
    </span>
  );
}
