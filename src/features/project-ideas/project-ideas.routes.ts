import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import { dropUnknown } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { ProjectIdeaPage } from './project-idea-page.views.tsx';
import { projectIdeaParams } from './project-ideas.forms.ts';
import { loadProjectIdea, searchProjectIdeas } from './project-ideas.service.ts';
import { ProjectIdeasPage } from './project-ideas.views.tsx';

// Project ideas for everyone: the list and one idea's page (published ideas; drafts for editors only).

export const projectIdeasRoutes = new Hono<AppEnv>()
  .get('/project-ideas', async (c) => {
    const { i18n, deps } = c.var;
    const taxonomy = await loadTaxonomyIndex(deps.db);
    const { params, ignored } = dropUnknown(projectIdeaParams.read(new URL(c.req.url)), {
      theme: taxonomy.themes,
      region: taxonomy.regions,
    });
    const [result, themes] = await Promise.all([
      searchProjectIdeas(deps.db, params, i18n.locale),
      listThemesWithTopics(deps.db, i18n.locale),
    ]);
    return renderPage(c, {
      title: i18n.t('projectIdeas.title'),
      description: i18n.t('projectIdeas.intro'),
      section: 'events',
      children: ProjectIdeasPage({ i18n, params, ignored, result, themes, regions: [...taxonomy.regions].sort() }),
    });
  })
  .get('/project-ideas/:slug{[a-z0-9-]+}', async (c) => {
    const { i18n, deps, user } = c.var;
    const loaded = await loadProjectIdea(deps.db, c.req.param('slug'), i18n.locale, user);
    if (!loaded) throw new HTTPException(404, { message: 'not-found' });
    const themes = await listThemesWithTopics(deps.db, i18n.locale);
    return renderPage(c, {
      title: loaded.text.title,
      description: loaded.text.summary,
      section: 'events',
      indexable: loaded.idea.status === 'published',
      children: ProjectIdeaPage({
        ...loaded,
        i18n,
        themeLabels: new Map(themes.map((th) => [th.slug, th.label])),
        topicLabels: new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const))),
        isEditor: can(user, 'edit-content'),
        signedIn: user !== null,
      }),
    });
  });
