import { type Context, Hono } from 'hono';
import { accountDisabled } from '../../core/accounts/index.ts';
import { changeRole, listAccounts, setAccountDisabled } from '../../core/accounts/user-admin.service.ts';
import { type AuditAction, listAuditLog } from '../../core/audit/audit.service.ts';
import { countJobs, listJobs } from '../../core/jobs/jobs.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { ownReferer } from '../../platform/http/referer.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { parseForm } from '../../platform/ui/forms.tsx';
import { auditQuery, disableForm, roleForm, userIdParam, userListQuery } from './admin.forms.ts';
import { AuditPage, JobsPage, UsersPage } from './admin.views.tsx';

const NOTICES = new Set(['changed', 'unchanged', 'not-found', 'self']);
const admin = (c: Context<AppEnv>) => c.var.user as NonNullable<AppEnv['Variables']['user']>;

function backToUsers(c: Context<AppEnv>, outcome: string) {
  // Back to the list the admin was looking at (its filters live in the Referer), with the outcome.
  const referer = ownReferer(c);
  const list = referer?.pathname === `/${c.var.locale}/admin/users` ? referer : null;
  const params = new URLSearchParams(list?.search ?? '');
  params.set('notice', outcome);
  return c.redirect(`/${c.var.locale}/admin/users?${params}`, 303);
}

/** Admin pages: users and roles, the audit log, failed jobs. Every route needs 'administer'. */
export const adminRoutes = new Hono<AppEnv>()
  .use('/admin/*', requires('administer'))
  .get('/admin', (c) => c.redirect(`/${c.var.locale}/admin/users`, 303))
  .get('/admin/users', async (c) => {
    const { i18n, csrfToken, deps } = c.var;
    const query = userListQuery.parse(c.req.query());
    const { rows, total } = await listAccounts(deps.db, { search: query.q, role: query.role, page: query.page });
    const rawNotice = c.req.query('notice');
    const notice = rawNotice && NOTICES.has(rawNotice) ? rawNotice : undefined;
    return renderPage(c, {
      title: i18n.t('admin.usersTitle'),
      indexable: false,
      children: UsersPage({ i18n, csrfToken, rows, total, query, selfId: admin(c).id, notice }),
    });
  })
  .post('/admin/users/:id/role', async (c) => {
    const id = userIdParam.safeParse(c.req.param('id'));
    const parsed = parseForm(roleForm, (await c.req.parseBody()) as Record<string, unknown>);
    if (!id.success || !parsed.ok) return backToUsers(c, 'not-found');
    return backToUsers(c, await changeRole(c.var.deps.db, admin(c), id.data, parsed.data.role));
  })
  .post('/admin/users/:id/disable', async (c) => {
    const id = userIdParam.safeParse(c.req.param('id'));
    const parsed = parseForm(disableForm, (await c.req.parseBody()) as Record<string, unknown>);
    if (!id.success || !parsed.ok) return backToUsers(c, 'not-found');
    return backToUsers(
      c,
      await setAccountDisabled(
        c.var.deps.db,
        admin(c),
        id.data,
        parsed.data.disabled === 'yes',
        c.var.deps.modules.extensions.all(accountDisabled),
      ),
    );
  })
  .get('/admin/audit', async (c) => {
    const { i18n, deps } = c.var;
    const query = auditQuery.parse(c.req.query());
    const rows = await listAuditLog(deps.db, { page: query.page, action: query.action as AuditAction | undefined });
    return renderPage(c, {
      title: i18n.t('admin.auditTitle'),
      indexable: false,
      children: AuditPage({ i18n, rows, page: query.page, action: query.action }),
    });
  })
  .get('/admin/jobs', async (c) => {
    const { i18n, deps } = c.var;
    const [failed, pending] = await Promise.all([listJobs(deps.db, 'failed', 100), countJobs(deps.db, 'pending')]);
    return renderPage(c, { title: i18n.t('admin.jobsTitle'), indexable: false, children: JobsPage({ i18n, failed, pending }) });
  });
