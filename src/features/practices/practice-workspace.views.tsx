import { uploadUrl } from '../../core/uploads/uploads.service.ts';
import { megabytes } from '../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { CsrfField, TextArea } from '../../platform/ui/forms.tsx';
import { MAX_DOCUMENTS, MAX_IMAGES } from './practice-content.ts';
import type { FileError } from './practice-files.service.ts';
import type { EditorView, Workspace } from './practice-workflow.service.ts';
import { OPEN_STATES, type WorkflowAction } from './practice-workflow.ts';

type WorkspaceProps = {
  i18n: I18n;
  csrfToken: string;
  workspace: Workspace;
  title: string;
  /** Where forms post and links point: /<locale>/my/practices/<id> or /<locale>/editor/practices/<id>. */
  base: string;
  mode: 'author' | 'editor';
  missing: string[];
  notice?: string;
  /** A refused upload: its message goes next to the form it came from, and the typed text stays. */
  fileError?: FileError;
  /** An editor's comment from a refused decision, shown again as typed. */
  typedComment?: string;
};

function Notice({ i18n, notice }: { i18n: I18n; notice?: string }) {
  if (!notice) return null;
  return (
    <p class="notice" role="status">
      {i18n.t(`practiceWorkflow.notices.${notice}`)}
    </p>
  );
}

function ActionButton({ i18n, csrfToken, base, action }: { i18n: I18n; csrfToken: string; base: string; action: WorkflowAction }) {
  return (
    <form method="post" action={`${base}/act`} class="inline-form">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" class={action === 'withdraw' ? 'button secondary' : 'button'}>
        {i18n.t(`practiceWorkflow.actions.${action}`)}
      </button>
    </form>
  );
}

function FileErrorMessage({ i18n, error, kind }: { i18n: I18n; error?: FileError; kind: FileError['kind'] }) {
  if (!error || error.kind !== kind) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby={`file-error-${kind}`}>
      <h4 id={`file-error-${kind}`}>{i18n.t('practiceWorkflow.files.errorTitle')}</h4>
      <p>{i18n.t(error.error, error.values)}</p>
    </div>
  );
}

function Files({
  i18n,
  csrfToken,
  workspace,
  base,
  fileError,
}: Pick<WorkspaceProps, 'i18n' | 'csrfToken' | 'workspace' | 'base' | 'fileError'>) {
  const { t } = i18n;
  const typed = (kind: FileError['kind']) => (fileError?.kind === kind ? fileError.text : undefined);
  const { documents, images } = workspace.content;
  const remove = (uploadId: number, kind: 'document' | 'image') => (
    <form method="post" action={`${base}/files/remove`} class="inline-form">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="uploadId" value={String(uploadId)} />
      <input type="hidden" name="kind" value={kind} />
      <button type="submit" class="button secondary small-button">
        {t('practiceWorkflow.files.remove')}
      </button>
    </form>
  );
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">{t('practiceWorkflow.files.title')}</h2>
      <h3>{t('practiceWorkflow.files.documents')}</h3>
      {documents.length ? (
        <ul class="file-list">
          {documents.map((d) => (
            <li>
              <a href={uploadUrl(d.sha256, 'document')} dir="auto">
                {d.title}
              </a>{' '}
              {t('practiceWorkflow.files.pdfSize', { size: megabytes(d.bytes) })}{' '}
              {workspace.editable ? remove(d.uploadId, 'document') : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('practiceWorkflow.files.none')}</p>
      )}
      {workspace.editable && documents.length < MAX_DOCUMENTS ? (
        <form method="post" action={`${base}/files/document`} enctype="multipart/form-data" class="form upload-form">
          <FileErrorMessage i18n={i18n} error={fileError} kind="document" />
          <CsrfField token={csrfToken} />
          <fieldset>
            <legend>{t('practiceWorkflow.files.addDocument')}</legend>
            <div class="field">
              <label for="field-document">{t('practiceWorkflow.files.documentFile')}</label>
              <input type="file" id="field-document" name="file" accept="application/pdf,.pdf" />
            </div>
            <div class="field">
              <label for="field-document-title">{t('practiceWorkflow.files.documentTitle')}</label>
              <input type="text" id="field-document-title" name="title" maxlength={200} dir="auto" value={typed('document')} />
            </div>
            <button type="submit" class="button">
              {t('practiceWorkflow.files.upload')}
            </button>
          </fieldset>
        </form>
      ) : workspace.editable ? (
        <p>{t('practiceWorkflow.files.limitReached', { count: MAX_DOCUMENTS })}</p>
      ) : null}
      <h3>{t('practiceWorkflow.files.images')}</h3>
      {images.length ? (
        <ul class="image-list">
          {images.map((img) => (
            <li>
              <img src={uploadUrl(img.sha256, 'image', 'small')} alt={img.alt} width={Math.min(img.width, 320)} loading="lazy" />{' '}
              {workspace.editable ? remove(img.uploadId, 'image') : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('practiceWorkflow.files.none')}</p>
      )}
      {workspace.editable && images.length < MAX_IMAGES ? (
        <form method="post" action={`${base}/files/image`} enctype="multipart/form-data" class="form upload-form">
          <FileErrorMessage i18n={i18n} error={fileError} kind="image" />
          <CsrfField token={csrfToken} />
          <fieldset>
            <legend>{t('practiceWorkflow.files.addImage')}</legend>
            <div class="field">
              <label for="field-image">{t('practiceWorkflow.files.imageFile')}</label>
              <input type="file" id="field-image" name="file" accept="image/jpeg,image/png,image/webp" />
            </div>
            <TextArea
              i18n={i18n}
              name="alt"
              label={t('practiceWorkflow.files.imageAlt')}
              hint={t('practiceWorkflow.files.imageAltHint')}
              value={typed('image')}
              rows={2}
              maxlength={500}
              dir="auto"
            />
            <button type="submit" class="button">
              {t('practiceWorkflow.files.upload')}
            </button>
          </fieldset>
        </form>
      ) : workspace.editable ? (
        <p>{t('practiceWorkflow.files.limitReached', { count: MAX_IMAGES })}</p>
      ) : null}
    </section>
  );
}

function History({ i18n, workspace }: { i18n: I18n; workspace: Workspace }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('practiceWorkflow.history')}</h2>
      <ol class="history">
        {workspace.history.map((h) => (
          <li>
            <p>
              {t('practiceWorkflow.historyEntry', {
                to: t(`practiceWorkflow.states.${h.to_state}`),
                who: h.actor_name ?? t('practiceWorkflow.historyNobody'),
                when: i18n.formatDateTime(h.created_at),
              })}
            </p>
            {h.comment ? (
              <blockquote dir="auto" class="comment">
                {h.comment}
              </blockquote>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DecisionPanel({
  i18n,
  csrfToken,
  workspace,
  base,
  typedComment,
}: Pick<WorkspaceProps, 'i18n' | 'csrfToken' | 'workspace' | 'base' | 'typedComment'>) {
  const { t } = i18n;
  const editorActions = workspace.actions.filter((a) => a !== 'submit' && a !== 'withdraw');
  const status = workspace.practice.status;
  return (
    <section aria-labelledby="decision-title" class="decision">
      <h2 id="decision-title">{t('practiceWorkflow.decision')}</h2>
      {editorActions.length ? (
        <form method="post" action={`${base}/act`} class="form">
          <CsrfField token={csrfToken} />
          <TextArea
            i18n={i18n}
            name="comment"
            label={t('practiceWorkflow.comment')}
            hint={t('practiceWorkflow.commentHint')}
            value={typedComment}
            rows={4}
            maxlength={5000}
            dir="auto"
          />
          <div class="form-actions">
            {editorActions.map((a) => (
              <button type="submit" name="action" value={a} class={a === 'reject' ? 'button secondary' : 'button'}>
                {t(`practiceWorkflow.actions.${a}`)}
              </button>
            ))}
          </div>
        </form>
      ) : null}
      {status === 'published' || status === 'archived' ? (
        <form method="post" action={`${base}/archive`} class="form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="archived" value={status === 'published' ? 'yes' : 'no'} />
          {status === 'published' ? (
            <TextArea
              i18n={i18n}
              name="archiveComment"
              label={t('practiceWorkflow.comment')}
              hint={t('practiceWorkflow.archiveCommentHint')}
              rows={2}
              maxlength={5000}
              dir="auto"
            />
          ) : null}
          <button type="submit" class="button secondary">
            {t(status === 'published' ? 'practiceWorkflow.archive' : 'practiceWorkflow.unarchive')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** A practice's workspace: its state, what is missing, the actions, files and history. */
export function PracticeWorkspacePage(props: WorkspaceProps) {
  const { i18n, workspace, base } = props;
  const { t, locale } = i18n;
  const { practice, revision } = workspace;
  const open = revision && OPEN_STATES.includes(revision.state);
  const isLive = practice.status === 'published' || practice.status === 'archived';
  const firstLanguage = Object.keys(workspace.content.translations)[0] ?? locale;
  const authorActions = workspace.actions.filter((a) => a === 'submit' || a === 'withdraw');
  return (
    <>
      <p class="kicker">{props.mode === 'editor' ? t('practiceWorkflow.editorTitle') : t('practiceWorkflow.myTitle')}</p>
      <h1 dir="auto">{props.title}</h1>
      <Notice i18n={i18n} notice={props.notice} />
      <dl class="facts">
        {isLive ? (
          <>
            <dt>{t('practiceWorkflow.publicStatus')}</dt>
            <dd>{t(`practiceWorkflow.states.${practice.status}`)}</dd>
          </>
        ) : null}
        {revision ? (
          <>
            <dt>{t('practiceWorkflow.versionStatus')}</dt>
            <dd>
              {t(`practiceWorkflow.states.${revision.state}`)}
              {revision.state !== 'published' ? <p class="hint">{t(`practiceWorkflow.stateHelp.${revision.state}`)}</p> : null}
              {open && isLive ? <p class="hint">{t('practiceWorkflow.liveNote')}</p> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {workspace.editable && props.missing.length ? (
        <div class="missing" role="note" aria-labelledby="missing-title">
          <p id="missing-title">{t('practiceWorkflow.missingTitle')}</p>
          <ul>
            {props.missing.map((m) => (
              <li>{t(`practiceWorkflow.missing.${m}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="form-actions">
        {workspace.editable ? (
          <a class="button" href={`${base}/edit?lang=${firstLanguage}`}>
            {t('practiceWorkflow.edit')}
          </a>
        ) : null}
        <a href={`${base}/preview`}>{t('practiceWorkflow.preview')}</a>
        {practice.status === 'published' ? (
          <a href={`/${locale}/practices/${practice.slug}`}>{t('practiceWorkflow.viewPublished')}</a>
        ) : null}
      </div>
      {authorActions.length ? (
        <div class="form-actions">
          {authorActions.map((a) => (
            <ActionButton i18n={i18n} csrfToken={props.csrfToken} base={base} action={a} />
          ))}
        </div>
      ) : null}
      {props.mode === 'editor' ? (
        <DecisionPanel i18n={i18n} csrfToken={props.csrfToken} workspace={workspace} base={base} typedComment={props.typedComment} />
      ) : null}
      <Files i18n={i18n} csrfToken={props.csrfToken} workspace={workspace} base={base} fileError={props.fileError} />
      <History i18n={i18n} workspace={workspace} />
      <p>
        <a href={props.mode === 'editor' ? `/${locale}/editor/practices` : `/${locale}/my/practices`}>
          {props.mode === 'editor' ? t('practiceWorkflow.editorTitle') : t('practiceWorkflow.backToMine')}
        </a>
      </p>
    </>
  );
}

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

const EDITOR_VIEWS: EditorView[] = ['review', 'changes', 'published', 'archived', 'draft'];

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
