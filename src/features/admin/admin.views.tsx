import type { Role } from '../../core/accounts/accounts.table.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { CsrfField } from '../../platform/ui/forms.tsx';

export type AdminUserRow = {
  id: number;
  name: string;
  email: string | null;
  role: Role;
  email_verified_at: Date | null;
  disabled_at: Date | null;
  created_at: Date;
};

const ROLES: Role[] = ['member', 'editor', 'admin'];

function Pager({
  i18n,
  page,
  total,
  pageSize,
  href,
}: {
  i18n: I18n;
  page: number;
  total: number;
  pageSize: number;
  href: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav class="pager" aria-label={i18n.t('admin.pagination')}>
      {page > 1 ? <a href={href(page - 1)}>{i18n.t('admin.previous')}</a> : null}
      <span>{i18n.t('admin.pageOf', { page, pages })}</span>
      {page < pages ? <a href={href(page + 1)}>{i18n.t('admin.next')}</a> : null}
    </nav>
  );
}

export function AdminNav({ i18n, current }: { i18n: I18n; current: 'users' | 'audit' | 'jobs' }) {
  return (
    <nav class="sub-nav" aria-label={i18n.t('admin.title')}>
      <ul>
        {(['users', 'audit', 'jobs'] as const).map((item) => (
          <li>
            <a href={`/${i18n.locale}/admin/${item}`} aria-current={item === current ? 'page' : undefined}>
              {i18n.t(`admin.nav.${item}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function UsersPage(props: {
  i18n: I18n;
  csrfToken: string;
  rows: AdminUserRow[];
  total: number;
  query: { q?: string; role?: Role; page: number };
  selfId: number;
  notice?: string;
}) {
  const { i18n, csrfToken, rows, total, query } = props;
  const { t, locale } = i18n;
  const href = (page: number) =>
    `/${locale}/admin/users?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.role ? { role: query.role } : {}), page: String(page) })}`;
  return (
    <>
      <h1>{t('admin.usersTitle')}</h1>
      <AdminNav i18n={i18n} current="users" />
      {props.notice ? (
        <p class="notice" role="status">
          {t(`admin.notices.${props.notice}`)}
        </p>
      ) : null}
      <form method="get" action={`/${locale}/admin/users`} class="filters">
        <div class="field">
          <label for="filter-q">{t('admin.search')}</label>
          <input id="filter-q" name="q" type="search" value={query.q ?? ''} maxlength={100} />
        </div>
        <div class="field">
          <label for="filter-role">{t('accounts.role')}</label>
          <select id="filter-role" name="role">
            <option value="">{t('admin.allRoles')}</option>
            {ROLES.map((r) => (
              <option value={r} selected={r === query.role}>
                {t(`accounts.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button secondary">
          {t('admin.filter')}
        </button>
      </form>
      <p role="status">{t('admin.userCount', { count: total })}</p>
      <table class="table">
        <caption class="visually-hidden">{t('admin.usersTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accounts.name')}</th>
            <th scope="col">{t('accounts.email')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('accounts.role')}</th>
            <th scope="col">{t('admin.access')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr>
              <td dir="auto">{u.name}</td>
              <td dir="ltr">{u.email}</td>
              <td>{t(u.disabled_at ? 'admin.disabled' : u.email_verified_at ? 'admin.verified' : 'admin.unverified')}</td>
              <td>
                {u.id === props.selfId ? (
                  t(`accounts.roles.${u.role}`)
                ) : (
                  <form method="post" action={`/${locale}/admin/users/${u.id}/role`} class="inline-form">
                    <CsrfField token={csrfToken} />
                    <label class="visually-hidden" for={`role-${u.id}`}>
                      {t('admin.roleOf', { name: u.name })}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {ROLES.map((r) => (
                        <option value={r} selected={r === u.role}>
                          {t(`accounts.roles.${r}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="button secondary small-button">
                      {t('admin.changeRole')}
                    </button>
                  </form>
                )}
              </td>
              <td>
                {u.id === props.selfId ? null : (
                  <form method="post" action={`/${locale}/admin/users/${u.id}/disable`} class="inline-form">
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="disabled" value={u.disabled_at ? 'no' : 'yes'} />
                    <button type="submit" class="button secondary small-button">
                      {t(u.disabled_at ? 'admin.enable' : 'admin.disable')}
                      <span class="visually-hidden">: {u.name}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager i18n={i18n} page={query.page} total={total} pageSize={25} href={href} />
    </>
  );
}

export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  actor_name: string | null;
  subject_name: string | null;
  details: Record<string, unknown>;
};

export function AuditPage({ i18n, rows, page, action }: { i18n: I18n; rows: AuditRow[]; page: number; action?: string }) {
  const { t, locale } = i18n;
  const name = (n: string | null) => (n === null ? '—' : n === '' ? t('admin.deletedMember') : n);
  return (
    <>
      <h1>{t('admin.auditTitle')}</h1>
      <AdminNav i18n={i18n} current="audit" />
      <p class="lead">{t('admin.auditIntro')}</p>
      <table class="table">
        <caption class="visually-hidden">{t('admin.auditTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.when')}</th>
            <th scope="col">{t('admin.action')}</th>
            <th scope="col">{t('admin.actor')}</th>
            <th scope="col">{t('admin.subject')}</th>
            <th scope="col">{t('admin.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <time datetime={r.at.toISOString()}>{r.at.toISOString().replace('T', ' ').slice(0, 16)}</time>
              </td>
              <td>{t(`admin.actions.${r.action.replace('account.', '').replace('.', '-')}`)}</td>
              <td dir="auto">{name(r.actor_name)}</td>
              <td dir="auto">{name(r.subject_name)}</td>
              <td dir="ltr">{Object.keys(r.details).length ? JSON.stringify(r.details) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label={t('admin.pagination')}>
        {page > 1 ? (
          <a href={`/${locale}/admin/audit?page=${page - 1}${action ? `&action=${action}` : ''}`}>{t('admin.previous')}</a>
        ) : null}
        {rows.length === 50 ? (
          <a href={`/${locale}/admin/audit?page=${page + 1}${action ? `&action=${action}` : ''}`}>{t('admin.next')}</a>
        ) : null}
      </nav>
    </>
  );
}

export type JobRow = {
  id: string;
  kind: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
};

export function JobsPage({ i18n, failed, pending }: { i18n: I18n; failed: JobRow[]; pending: number }) {
  const { t } = i18n;
  return (
    <>
      <h1>{t('admin.jobsTitle')}</h1>
      <AdminNav i18n={i18n} current="jobs" />
      <p>{t('admin.pendingJobs', { count: pending })}</p>
      <h2>{t('admin.failedJobs')}</h2>
      {failed.length === 0 ? (
        <p class="empty">{t('admin.noFailedJobs')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.when')}</th>
              <th scope="col">{t('admin.jobKind')}</th>
              <th scope="col">{t('admin.attempts')}</th>
              <th scope="col">{t('admin.error')}</th>
            </tr>
          </thead>
          <tbody>
            {failed.map((j) => (
              <tr>
                <td>{(j.finished_at ?? j.created_at).toISOString().replace('T', ' ').slice(0, 16)}</td>
                <td dir="ltr">{j.kind}</td>
                <td>
                  {j.attempts}/{j.max_attempts}
                </td>
                <td dir="ltr">{j.last_error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
