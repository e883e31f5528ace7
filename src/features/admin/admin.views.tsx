import type { Role } from '../../core/accounts/accounts.table.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { DataTable, EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { FilterSelect, Pager } from '../../platform/ui/components/search.tsx';
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

/** The pages of a list of `total` rows, `pageSize` a page. */
function AdminPager({
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
  const { t } = i18n;
  return (
    <Pager
      page={page}
      pages={pages}
      href={href}
      labels={{
        nav: t('admin.pagination'),
        previous: t('admin.previous'),
        next: t('admin.next'),
        pageOf: t('admin.pageOf', { page, pages }),
      }}
    />
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
      <EditorHeader
        title={t('admin.usersTitle')}
        nav={<AdminNav i18n={i18n} current="users" />}
        notice={props.notice ? t(`admin.notices.${props.notice}`) : undefined}
      />
      <form method="get" action={`/${locale}/admin/users`} class="filters">
        <div class="field">
          <label for="filter-q">{t('admin.search')}</label>
          <input id="filter-q" name="q" type="search" value={query.q ?? ''} maxlength={100} />
        </div>
        <FilterSelect
          name="role"
          label={t('accounts.role')}
          any={t('admin.allRoles')}
          selected={query.role ?? ''}
          options={ROLES.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))}
        />
        <button type="submit" class="button secondary">
          {t('admin.filter')}
        </button>
      </form>
      <p role="status">{t('admin.userCount', { count: total })}</p>
      <DataTable
        caption={t('admin.usersTitle')}
        columns={[t('accounts.name'), t('accounts.email'), t('admin.status'), t('accounts.role'), t('admin.access')]}
      >
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
      </DataTable>
      <AdminPager i18n={i18n} page={query.page} total={total} pageSize={25} href={href} />
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
      <EditorHeader title={t('admin.auditTitle')} nav={<AdminNav i18n={i18n} current="audit" />} lead={t('admin.auditIntro')} />
      <DataTable
        caption={t('admin.auditTitle')}
        columns={[t('admin.when'), t('admin.action'), t('admin.actor'), t('admin.subject'), t('admin.details')]}
      >
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
      </DataTable>
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
      <EditorHeader title={t('admin.jobsTitle')} nav={<AdminNav i18n={i18n} current="jobs" />} />
      <p>{t('admin.pendingJobs', { count: pending })}</p>
      <h2>{t('admin.failedJobs')}</h2>
      {failed.length === 0 ? (
        <p class="empty">{t('admin.noFailedJobs')}</p>
      ) : (
        <DataTable caption={t('admin.failedJobs')} columns={[t('admin.when'), t('admin.jobKind'), t('admin.attempts'), t('admin.error')]}>
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
        </DataTable>
      )}
    </>
  );
}
