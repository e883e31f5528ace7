import type { I18n } from '../../../platform/i18n/i18n.ts';
import { DataTable, EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { EDITOR_VIEWS, type EditorView } from './practice-workflow.model.ts';

// The two lists of the workflow: a member's own practices, and the editors' queue.

export type ListRow = { id: number; title: string; status: string; state: string | null; author: string | null; updatedAt: Date };

function PracticeTable(props: { i18n: I18n; caption: string; rows: ListRow[]; base: string; showAuthor: boolean }) {
  const { i18n, showAuthor } = props;
  const { t } = i18n;
  return (
    <DataTable
      caption={props.caption}
      columns={[
        t('practiceWorkflow.columns.title'),
        t('practiceWorkflow.columns.state'),
        showAuthor ? t('practiceWorkflow.columns.author') : null,
        t('practiceWorkflow.columns.updated'),
      ]}
    >
      {props.rows.map((r) => (
        <tr>
          <td>
            <a href={`${props.base}/${r.id}`} dir="auto">
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
    </DataTable>
  );
}

export function MyPracticesPage({ i18n, rows }: { i18n: I18n; rows: ListRow[] }) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader
        title={t('practiceWorkflow.myTitle')}
        lead={t('practiceWorkflow.myIntro')}
        action={{ href: `/${locale}/my/practices/new`, label: t('practiceWorkflow.newPractice') }}
      />
      {rows.length ? (
        <PracticeTable
          i18n={i18n}
          caption={t('practiceWorkflow.myTitle')}
          rows={rows}
          base={`/${locale}/my/practices`}
          showAuthor={false}
        />
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
      <EditorHeader title={t('practiceWorkflow.editorTitle')} lead={t('practiceWorkflow.editorIntro')} />
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
        <PracticeTable
          i18n={i18n}
          caption={t(`practiceWorkflow.editorViews.${view}`, { count: props.counts[view] })}
          rows={props.rows}
          base={`/${locale}/editor/practices`}
          showAuthor
        />
      ) : (
        <p>{t('practiceWorkflow.editorEmpty')}</p>
      )}
    </>
  );
}
