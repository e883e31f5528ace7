import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { loadMemberSections } from './member-page.service.ts';
import { MemberPage } from './member-page.views.tsx';

/**
 * `/<locale>/my`: the signed-in person's own page. Anyone signed in (verified or not) may see it;
 * anonymous visitors go to the sign-in form and come back here (`requires`).
 */
export const memberRoutes = new Hono<AppEnv>().get('/my', requires('use-account'), async (c) => {
  const { i18n, deps } = c.var;
  const user = c.var.user;
  // `requires` has already sent anonymous visitors to sign in; this only tells the type checker.
  if (!user) return c.notFound();
  const sections = await loadMemberSections(deps.modules.extensions, { db: deps.db, i18n, user, now: new Date() });
  return renderPage(c, {
    title: i18n.t('member.title'),
    indexable: false,
    children: MemberPage({ i18n, user, sections }),
  });
});
