import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CsrfField, TextArea } from '../../../platform/ui/forms.tsx';
import type { FileError } from '../files/practice-files.service.ts';
import { PracticeFiles } from '../files/practice-files.views.tsx';
import { ReviewText } from './practice-review-text.views.tsx';
import { OPEN_STATES, type WorkflowAction } from './practice-workflow.model.ts';
import type { Workspace } from './practice-workflow.service.ts';

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
  // The author reads "your practice"; the editor reviewing it reads about the author's (…Editor keys).
  const addressed = props.mode === 'editor' ? 'Editor' : '';
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
              {revision.state !== 'published' ? <p class="hint">{t(`practiceWorkflow.stateHelp${addressed}.${revision.state}`)}</p> : null}
              {open && isLive ? <p class="hint">{t(`practiceWorkflow.liveNote${addressed}`)}</p> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {workspace.editable && props.missing.length ? (
        <div class="missing" role="note" aria-labelledby="missing-title">
          <p id="missing-title">{t(`practiceWorkflow.missingTitle${addressed}`)}</p>
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
      {props.mode === 'editor' ? <ReviewText i18n={i18n} content={workspace.content} preview={`${base}/preview`} /> : null}
      {props.mode === 'editor' ? (
        <DecisionPanel i18n={i18n} csrfToken={props.csrfToken} workspace={workspace} base={base} typedComment={props.typedComment} />
      ) : null}
      <PracticeFiles i18n={i18n} csrfToken={props.csrfToken} workspace={workspace} base={base} fileError={props.fileError} />
      <History i18n={i18n} workspace={workspace} />
      <p>
        <a href={props.mode === 'editor' ? `/${locale}/editor/practices` : `/${locale}/my/practices`}>
          {props.mode === 'editor' ? t('practiceWorkflow.editorTitle') : t('practiceWorkflow.backToMine')}
        </a>
      </p>
    </>
  );
}
