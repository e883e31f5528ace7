import type { I18n } from '../../platform/i18n/i18n.ts';
import { CsrfField } from '../../platform/ui/forms.tsx';

type Row = { id: number; title: string; updated_at: Date; created_by_name: string | null; contacted: number | null };

export function MatchRequestsPage({ i18n, rows, notice }: { i18n: I18n; rows: Row[]; notice?: 'deleted' }) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('experts.requests.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {t(`experts.requests.notices.${notice}`)}
        </p>
      ) : null}
      <p class="lead">{t('experts.requests.intro')}</p>
      <p>
        <a href={`/${locale}/experts/match`}>{t('experts.match.title')}</a>
      </p>
      {rows.length === 0 ? (
        <p class="empty">{t('experts.requests.empty')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('experts.requests.columns.title')}</th>
              <th scope="col">{t('experts.requests.columns.by')}</th>
              <th scope="col">{t('experts.requests.columns.updated')}</th>
              <th scope="col">{t('experts.requests.columns.contacted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/${locale}/editor/matches/${r.id}`} dir="auto">
                    {r.title}
                  </a>
                </td>
                <td dir="auto">{r.created_by_name ?? '—'}</td>
                <td>{i18n.formatDateTime(new Date(r.updated_at))}</td>
                <td>{i18n.formatNumber(r.contacted ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Asks before deleting a saved request (a plain form: no script needed). */
export function DeleteMatchRequestPage(props: { i18n: I18n; id: number; title: string; contacts: number; csrfToken: string }) {
  const { t, locale } = props.i18n;
  return (
    <>
      <h1>{t('experts.requests.deleteTitle')}</h1>
      <p class="lead">
        {t('experts.requests.deleteText', { count: props.contacts })} <q dir="auto">{props.title}</q>
      </p>
      <form method="post" action={`/${locale}/editor/matches/${props.id}/delete`} class="form-actions">
        <CsrfField token={props.csrfToken} />
        <button type="submit" name="confirm" value="yes" class="button danger">
          {t('experts.requests.deleteConfirm')}
        </button>
        <a href={`/${locale}/editor/matches/${props.id}`}>{t('experts.requests.deleteKeep')}</a>
      </form>
    </>
  );
}
