import type { I18n } from '../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage } from '../../platform/ui/components/content.tsx';
import type { EventSummary, SeriesSummary } from '../events/index.ts';
import { EventList, SeriesList } from '../events/index.ts';
import type { PracticeSummary } from '../practices/index.ts';
import { PracticeList } from '../practices/index.ts';
import type { CallHighlight } from '../site/index.ts';

export type EditionProps = {
  i18n: I18n;
  editionDate: string;
  review: EventSummary[];
  series: SeriesSummary[];
  insight: PracticeSummary[];
  outlook: CallHighlight[];
};

/** The newsletter page: what it is, and the latest edition's Review / Insight / Outlook. */
export function NewsletterPage({ i18n, editionDate, review, series, insight, outlook }: EditionProps) {
  const { t } = i18n;
  return (
    <>
      <h1>{t('newsletter.title')}</h1>
      <p class="lead">{t('newsletter.intro')}</p>
      <article aria-labelledby="edition-title">
        <h2 id="edition-title">{t('newsletter.editionTitle', { date: i18n.formatMonth(editionDate) })}</h2>
        <section aria-labelledby="review-title">
          <h3 id="review-title">{t('newsletter.review')}</h3>
          <EventList i18n={i18n} events={review} headingLevel={3} />
          <SeriesList i18n={i18n} series={series} />
        </section>
        <section aria-labelledby="insight-title">
          <h3 id="insight-title">{t('newsletter.insight')}</h3>
          <PracticeList i18n={i18n} practices={insight} headingLevel={3} />
        </section>
        <section aria-labelledby="outlook-title">
          <h3 id="outlook-title">{t('newsletter.outlook')}</h3>
          <ul class="cards">
            {outlook.map((call) => (
              <li class="card">
                <InLanguage i18n={i18n} contentLocale={call.contentLocale}>
                  <p>
                    <strong>{call.title}</strong>
                  </p>
                  <p>{call.summary}</p>
                </InLanguage>
                <FallbackNote i18n={i18n} contentLocale={call.contentLocale} />
              </li>
            ))}
          </ul>
        </section>
      </article>
    </>
  );
}
