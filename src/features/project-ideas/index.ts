import { Hono } from 'hono';
import { citySections } from '../../core/cities/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { eventOutcomes } from '../events/index.ts';
import { newsletterItemSources } from '../newsletter/index.ts';
import { projectIdeasOfCity } from './city-project-ideas.service.ts';
import * as m0011 from './migrations/0011-project-ideas.ts';
import { projectIdeasPersonalData } from './personal-data.service.ts';
import { projectIdeaEditorRoutes } from './project-idea-editor.routes.ts';
import { projectIdeaSearchSource, projectIdeaSitemapSource } from './project-idea-site-search.service.ts';
import { exportProjectIdeas, importProjectIdeas } from './project-ideas.import.ts';
import { projectIdeasRoutes } from './project-ideas.routes.ts';
import { projectIdeasDemo } from './project-ideas.seed.ts';
import { projectIdeasOfWorkshop } from './project-ideas.service.ts';
import { projectIdeaNewsletterItems } from './project-ideas-newsletter-items.service.ts';

// Project ideas: a city's project developed with experts towards funding readiness.
export default defineModule({
  name: 'project-ideas',
  publicTables: [
    'project_ideas',
    'project_idea_translations',
    'project_idea_themes',
    'project_idea_topics',
    'project_idea_stages',
    'project_idea_events',
    'project_idea_experts',
  ],
  migrations: { '0011-project-ideas': m0011 },
  pages: new Hono<AppEnv>().route('/', projectIdeasRoutes).route('/', projectIdeaEditorRoutes),
  exchange: {
    key: 'projectIdeas',
    label: 'Project ideas',
    // Last: project ideas name experts, events and calls by their external ids.
    order: 40,
    importRecords: (db, records) => importProjectIdeas(db, records),
    exportRecords: async (db) => (await exportProjectIdeas(db)).projectIdeas,
  },
  navigation: [
    { area: 'main', section: 'project-ideas', href: '/project-ideas', label: 'common.nav.projectIdeas', order: 36 },
    { area: 'editorial', section: 'project-ideas', href: '/editor/project-ideas', label: 'common.editorialNav.projectIdeas', order: 40 },
  ],
  extensions: [
    extend(eventOutcomes, projectIdeasOfWorkshop),
    extend(citySections, projectIdeasOfCity),
    extend(newsletterItemSources, projectIdeaNewsletterItems),
    extend(searchSources, projectIdeaSearchSource),
    extend(sitemapSources, projectIdeaSitemapSource),
  ],
  messages: new URL('./messages/', import.meta.url),
  demo: projectIdeasDemo,
  personalData: projectIdeasPersonalData,
});
