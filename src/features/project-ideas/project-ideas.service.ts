import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { EventOutcomeSection } from '../events/index.ts';
import { type ExpertHit, listExpertCards } from '../experts/index.ts';
import { PROJECT_IDEA_PAGE_SIZE, type ProjectIdeaParams } from './project-ideas.forms.ts';
import * as q from './project-ideas.queries.ts';
import { PROJECT_STAGES, type ProjectStage } from './project-ideas.table.ts';

// Reading project ideas: the public list (published ideas; editors see drafts in their own list), one
// idea's page with the supporting experts the reader may see, and the ideas an event worked on.

export type ProjectIdeaSearchResult = {
  items: q.ProjectIdeaListRow[];
  total: number;
  page: number;
  pages: number;
  stageCounts: Record<ProjectStage, number>;
};

export async function searchProjectIdeas(
  db: Database,
  params: ProjectIdeaParams,
  locale: Locale,
  options: { includeDrafts: boolean } = { includeDrafts: false },
): Promise<ProjectIdeaSearchResult> {
  const filters = { stages: params.stage, themes: params.theme, regions: params.region, text: params.q, ...options };
  const [items, counts] = await Promise.all([
    q.searchProjectIdeas(db, locale, { ...filters, limit: PROJECT_IDEA_PAGE_SIZE, offset: (params.page - 1) * PROJECT_IDEA_PAGE_SIZE }),
    q.countProjectIdeasByStage(db, filters),
  ]);
  const stageCounts = Object.fromEntries(PROJECT_STAGES.map((s) => [s, counts.find((c) => c.stage === s)?.count ?? 0])) as Record<
    ProjectStage,
    number
  >;
  const total = items[0]?.total ?? 0;
  return { items, total, page: params.page, pages: Math.max(1, Math.ceil(total / PROJECT_IDEA_PAGE_SIZE)), stageCounts };
}

export type ProjectIdeaText = q.ProjectIdeaText;

/** The text for a reader: their language, else English, else the first written (then show a FallbackNote). */
export function pickProjectIdeaText(texts: ProjectIdeaText[], locale: string): ProjectIdeaText | undefined {
  return texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === 'en') ?? texts[0];
}

export type SupportingExpert = { hit: ExpertHit; contribution: string };

export type LoadedProjectIdea = {
  idea: q.ProjectIdeaRecord;
  text: ProjectIdeaText;
  /** Only the profiles the reader may see (expert-visibility.ts); `hiddenExperts` counts the others. */
  experts: SupportingExpert[];
  hiddenExperts: number;
};

/** One idea for its page; a draft exists only for editors (for anyone else it is not found). */
export async function loadProjectIdea(db: Database, slug: string, locale: Locale, viewer: CurrentUser | null) {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return undefined;
  const found = await q.findProjectIdeaBySlug(db, slug);
  const editor = can(viewer, 'edit-content');
  if (!found || (found.status !== 'published' && !editor)) return undefined;
  // A workshop still in draft is not public: its title stays off the idea's page for everyone else.
  const idea = editor ? found : { ...found, events: found.events.filter((e) => e.status !== 'draft') };
  const text = pickProjectIdeaText(idea.texts, locale);
  if (!text) return undefined;
  const cards = await listExpertCards(
    db,
    idea.experts.map((e) => e.expert_id),
    locale,
    viewer,
  );
  const contribution = new Map(idea.experts.map((e) => [e.expert_id, e.contribution]));
  const experts = cards.map((hit) => ({ hit, contribution: contribution.get(hit.id) ?? '' }));
  return { idea, text, experts, hiddenExperts: idea.experts.length - experts.length } satisfies LoadedProjectIdea;
}

/** Published ideas that went through an event, for the event's page. */

/** The project ideas a workshop worked on, as a section of the event's documentation (events' extension point). */
export async function projectIdeasOfWorkshop(db: Database, i18n: I18n, eventId: number): Promise<EventOutcomeSection | null> {
  const ideas = await q.listProjectIdeasOfEvent(db, i18n.locale, eventId);
  if (!ideas.length) return null;
  return {
    heading: i18n.t('projectIdeas.ofEvent'),
    links: ideas.map((p) => ({
      href: `/${i18n.locale}/project-ideas/${p.slug}`,
      title: p.title,
      lang: p.content_locale,
      detail: [p.city_name, i18n.countryName(p.country_code)].join(i18n.t('common.listSeparator')),
    })),
  };
}
