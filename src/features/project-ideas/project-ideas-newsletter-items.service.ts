import { cityName } from '../../core/cities/cities.service.ts';
import type { Database } from '../../platform/db/client.ts';
import { getI18n, type I18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { type ItemSuggestion, itemSummary, type NewsletterItemSource, type RenderedItem } from '../newsletter/index.ts';
import * as q from './project-ideas-newsletter-items.queries.ts';

// Project ideas in newsletter editions: the ones that moved a stage since the last edition. They go to
// the Insight: a city's project on its way to funding is a story from the cities, not an exchange held
// (the Review's). Each function is one read statement, so the newsletter may call it in its own transaction.

/** At most this many suggestions: an edition holds a handful of items. */
const SUGGESTION_LIMIT = 50;

/** The project city in the reader's language: "Irbid, Jordan". */
function ideaPlace(i18n: I18n, p: q.ProjectIdeaItemRow): string {
  return i18n.t('newsletterItems.place', {
    city: cityName({ name: p.city_name, names: p.city_names ?? {} }, i18n.locale),
    country: i18n.countryName(p.country_code),
  });
}

async function suggestProjectIdeas(db: Database, window: { since: Date; until: Date }, locale: Locale): Promise<ItemSuggestion[]> {
  const i18n = getI18n(locale);
  const rows = await q.listIdeasMovedIn(db, locale, { ...window, limit: SUGGESTION_LIMIT });
  return rows.map((p) => {
    const date = i18n.formatDate(p.reached_on);
    return {
      section: 'insight',
      ref: `projectIdea:${p.ref_id}`,
      title: p.title,
      // The first step of a path is a new idea, not a move.
      reason: p.first
        ? i18n.t('newsletterItems.ideaNew', { date })
        : i18n.t('newsletterItems.ideaMoved', { date, stage: i18n.t(`projectIdeas.stage.${p.step_stage}`) }),
      at: p.step_at,
    };
  });
}

async function renderProjectIdeas(db: Database, refIds: string[], locale: Locale, baseUrl: string): Promise<Map<string, RenderedItem>> {
  const i18n = getI18n(locale);
  const rows = await q.findProjectIdeaItems(db, locale, refIds);
  return new Map(
    rows.map((p) => [
      p.ref_id,
      {
        title: p.title,
        text: itemSummary(p.summary),
        url: `${baseUrl}/${locale}/project-ideas/${p.slug}`,
        locale: p.content_locale,
        meta: `${ideaPlace(i18n, p)} · ${i18n.t(`projectIdeas.stage.${p.stage}`)}`,
      },
    ]),
  );
}

async function existingProjectIdeas(db: Database, refIds: string[]): Promise<Set<string>> {
  return new Set(await q.findPublishedProjectIdeaRefIds(db, refIds));
}

/** Project ideas as newsletter items: `projectIdea:<externalId>` (`projectIdea:project-idea-<id>` for one without). */
export const projectIdeaNewsletterItems: NewsletterItemSource = {
  kind: 'projectIdea',
  suggest: suggestProjectIdeas,
  render: renderProjectIdeas,
  exists: existingProjectIdeas,
};
