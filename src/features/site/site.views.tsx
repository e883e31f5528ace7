import type { ThemeWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage } from '../../platform/ui/components/content.tsx';
import type { OpenCall } from '../calls/index.ts';
import type { EventSummary } from '../events/index.ts';
import { EventList } from '../events/index.ts';
import { type NewsCard, NewsCards } from '../news/index.ts';
import type { PracticeSummary } from '../practices/index.ts';
import { PracticeList } from '../practices/index.ts';
import type { NetworkNumbers } from './site.service.ts';

const FIGURES: Array<keyof NetworkNumbers> = ['experts', 'practices', 'events', 'cities', 'countries'];
const LOOP_STEPS = ['challenge', 'match', 'meet', 'share'] as const;

export type HomeProps = {
  i18n: I18n;
  numbers: NetworkNumbers;
  practices: PracticeSummary[];
  events: EventSummary[];
  calls: OpenCall[];
  themes: ThemeWithTopics[];
  /** The latest published news (none: the section is left out). */
  news?: NewsCard[];
};

export function HomePage({ i18n, numbers, practices, events, calls, themes, news = [] }: HomeProps) {
  const { t, locale } = i18n;
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p class="lead">{t('home.intro')}</p>
        <p class="actions">
          <a class="button" href={`/${locale}/practices`}>
            {t('home.ctaPractices')}
          </a>
          <a class="button secondary" href={`/${locale}/experts`}>
            {t('home.ctaExperts')}
          </a>
        </p>
        {/* Finding an expert starts from the challenge: a sentence goes straight to the matching, by GET
            so that it needs no script and no sign-in, and the result's address can be passed on. */}
        <form method="get" action={`/${locale}/experts/match`} class="match-box">
          <label for="home-challenge">{t('home.matchLabel')}</label>
          <p class="hint" id="home-challenge-hint">
            {t('home.matchHint')}
          </p>
          <div class="search-row">
            <input
              id="home-challenge"
              name="challenge"
              type="text"
              maxlength={5000}
              dir="auto"
              enterkeyhint="search"
              aria-describedby="home-challenge-hint"
            />
            <button type="submit" class="button">
              {t('home.matchSubmit')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="numbers-title">
        <h2 id="numbers-title">{t('home.numbersTitle')}</h2>
        <ul class="figures">
          {FIGURES.map((key) => (
            <li>
              <strong>{i18n.formatNumber(numbers[key])}</strong>
              <span>{t(`home.figures.${key}`, { count: numbers[key] })}</span>
            </li>
          ))}
        </ul>
        <p>
          <a href={`/${locale}/impact`}>{t('impact.link')}</a>
        </p>
      </section>

      <section aria-labelledby="loop-title">
        <h2 id="loop-title">{t('home.loopTitle')}</h2>
        <ol class="loop">
          {LOOP_STEPS.map((step) => (
            <li>
              <strong>{t(`home.loop.${step}.title`)}</strong> {t(`home.loop.${step}.text`)}
            </li>
          ))}
        </ol>
      </section>

      {calls.length ? (
        <section aria-labelledby="outlook-title">
          <h2 id="outlook-title">{t('home.outlookTitle')}</h2>
          {calls.map((call) => (
            <article class="card callout">
              <InLanguage i18n={i18n} contentLocale={call.contentLocale}>
                <h3>
                  <a href={`/${locale}/calls/${call.slug}`}>{call.title}</a>
                </h3>
                <p>{call.summary}</p>
              </InLanguage>
              <p class="meta">{t('home.deadline', { date: i18n.formatDate(call.deadline) })}</p>
              <FallbackNote i18n={i18n} contentLocale={call.contentLocale} />
            </article>
          ))}
        </section>
      ) : null}

      {news.length ? (
        <section aria-labelledby="news-title">
          <h2 id="news-title">{t('news.latest')}</h2>
          <NewsCards i18n={i18n} items={news} />
          <p>
            <a href={`/${locale}/news`}>{t('news.allNews')}</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="practices-title">
        <h2 id="practices-title">{t('home.practicesTitle')}</h2>
        <PracticeList i18n={i18n} practices={practices} headingLevel={3} />
        <p>
          <a href={`/${locale}/practices`}>{t('home.allPractices')}</a>
        </p>
      </section>

      <section aria-labelledby="events-title">
        <h2 id="events-title">{t('home.eventsTitle')}</h2>
        {events.length ? <EventList i18n={i18n} events={events} /> : <p class="empty">{t('events.noUpcoming')}</p>}
        <p>
          <a href={`/${locale}/events`}>{t('home.allEvents')}</a>
        </p>
      </section>

      <section aria-labelledby="themes-title">
        <h2 id="themes-title">{t('home.themesTitle')}</h2>
        <ul class="chips">
          {themes.map((theme) => (
            <li>
              <a href={`/${locale}/themes#${theme.slug}`}>{theme.label}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function ThemesPage({ i18n, themes }: { i18n: I18n; themes: ThemeWithTopics[] }) {
  return (
    <>
      <h1>{i18n.t('themes.title')}</h1>
      <p class="lead">{i18n.t('themes.intro')}</p>
      {themes.map((theme) => (
        <section id={theme.slug} aria-labelledby={`${theme.slug}-title`} class="theme">
          <h2 id={`${theme.slug}-title`}>{theme.label}</h2>
          <p class="meta">{i18n.t('themes.topicCount', { count: theme.topics.length })}</p>
          <ul class="chips">
            {theme.topics.map((topic) => (
              <li id={`topic-${topic.slug}`}>{topic.label}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
