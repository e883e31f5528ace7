import type { I18n } from '../../../platform/i18n/i18n.ts';
import { EDITOR_VIEWS, type EditorView } from './practice-workflow.model.ts';

// The two lists of the workflow: a member's own practices, and the editors' queue.

export type ListRow = { id: number; title: string; status: string; state: string | null; author: string | null; updatedAt: Date };

function PracticeTable({ i18n, rows, base, showAuthor }: { i18n: I18n; rows: ListRow[]; base: string; showAuthor: boolean }) {
  const { t } = i18n;
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">{t('practiceWorkflow.columns.title')}</th>
          <th scope="col">{t('practiceWorkflow.columns.state')}</th>
          {showAuthor ? <th scope="col">{t('practiceWorkflow.columns.author')}</th> : null}
          <th scope="col">{t('practiceWorkflow.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`${base}/${r.id}`} dir="auto">
                {r.title || t('practiceWorkflow.untitled')}
              </a>
            </td>
            <td>
              {[r.status === 'draft' ? null : r.status, r.state && r.state !== 'published' ? r.state : null]
                .filter((s): s is string => Boolean(s))
                .map((s) => t(`practiceWorkflow.states.${s}`))
                .join(' · ') || t('practiceWorkflow.states.draft')}
            </td>
            {showAuthor ? <td dir="auto">{r.author ?? '—'}</td> : null}
            <td>{i18n.formatDateTime(r.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MyPracticesPage({ i18n, rows }: { i18n: I18n; rows: ListRow[] }) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('practiceWorkflow.myTitle')}</h1>
      <p class="lead">{t('practiceWorkflow.myIntro')}</p>
      <p>
        <a class="button" href={`/${locale}/my/practices/new`}>
          {t('practiceWorkflow.newPractice')}
        </a>
      </p>
      {rows.length ? (
        <PracticeTable i18n={i18n} rows={rows} base={`/${locale}/my/practices`} showAuthor={false} />
      ) : (
        <p>{t('practiceWorkflow.myEmpty')}</p>
      )}
    </>
  );
}

export function EditorQueuePage(props: { i18n: I18n; rows: ListRow[]; view: EditorView; counts: Record<EditorView, number> }) {
  const { i18n, view } = props;
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('practiceWorkflow.editorTitle')}</h1>
      <p class="lead">{t('practiceWorkflow.editorIntro')}</p>
      <nav class="sub-nav" aria-label={t('practiceWorkflow.editorTitle')}>
        <ul>
          {EDITOR_VIEWS.map((v) => (
            <li>
              <a href={`/${locale}/editor/practices?view=${v}`} aria-current={v === view ? 'page' : undefined}>
                {t(`practiceWorkflow.editorViews.${v}`, { count: props.counts[v] })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.rows.length ? (
        <PracticeTable i18n={i18n} rows={props.rows} base={`/${locale}/editor/practices`} showAuthor />
      ) : (
        <p>{t('practiceWorkflow.editorEmpty')}</p>
      )}
    </>
  );
}
