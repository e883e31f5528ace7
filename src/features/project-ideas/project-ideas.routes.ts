import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import { dropUnknown } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { sendShareCard } from '../../platform/http/share-card.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { ProjectIdeaHead, projectIdeaCardKey, projectIdeaShareImage } from './project-idea-head.views.tsx';
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
      section: 'project-ideas',
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
      section: 'project-ideas',
      indexable: loaded.idea.status === 'published',
      // Only the languages it is written in; shown in a fallback language, its canonical is that language's page.
      contentLocales: { available: loaded.idea.texts.map((tx) => tx.locale), shown: loaded.text.locale },
      share: { type: 'article', image: projectIdeaShareImage(i18n, loaded.idea, loaded.text, deps.config.BASE_URL) },
      head: ProjectIdeaHead({
        i18n,
        idea: loaded.idea,
        text: loaded.text,
        url: `${deps.config.BASE_URL}/${isLocale(loaded.text.locale) ? loaded.text.locale : i18n.locale}/project-ideas/${loaded.idea.slug}`,
        baseUrl: deps.config.BASE_URL,
      }),
      children: ProjectIdeaPage({
        ...loaded,
        i18n,
        themeLabels: new Map(themes.map((th) => [th.slug, th.label])),
        topicLabels: new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const))),
        isEditor: can(user, 'edit-content'),
        signedIn: user !== null,
      }),
    });
  })
  // Its share card: the title in the language the page shows, from the database (drafts for editors only).
  .get('/project-ideas/:slug{[a-z0-9-]+}/card.png', async (c) => {
    const { i18n, deps, user } = c.var;
    const loaded = await loadProjectIdea(deps.db, c.req.param('slug'), i18n.locale, user);
    if (!loaded) throw new HTTPException(404, { message: 'not-found' });
    return sendShareCard(c, {
      key: projectIdeaCardKey(loaded.idea, loaded.text),
      title: loaded.text.title,
      draft: loaded.idea.status !== 'published',
    });
  });
