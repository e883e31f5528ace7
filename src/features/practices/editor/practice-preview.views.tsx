import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CsrfField } from '../../../platform/ui/forms.tsx';
import type { PracticeDetail } from '../page/practice-page.service.ts';
import { PracticePage } from '../page/practice-page.views.tsx';

/**
 * "Submit for review" where the author has just checked the practice: the workspace's own action (it
 * posts to `<base>/act`, which checks what is missing and answers on the workspace page).
 */
function SubmitForReview({ i18n, csrfToken, base }: { i18n: I18n; csrfToken: string; base: string }) {
  return (
    <form method="post" action={`${base}/act`} class="form preview-submit">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="action" value="submit" />
      <p>{i18n.t('practiceWorkflow.previewSubmit')}</p>
      <button type="submit" class="button">
        {i18n.t('practiceWorkflow.actions.submit')}
      </button>
    </form>
  );
}

/**
 * The preview of a proposed version: the public page's own view, under a note and a way back, and,
 * when the version may be submitted now, the button to do it (after the page, where reading ends).
 */
export function PracticePreview({
  i18n,
  detail,
  themes,
  back,
  csrfToken,
  canSubmit,
}: {
  i18n: I18n;
  detail: PracticeDetail;
  themes: ThemeWithTopics[];
  /** The workspace of the practice: the way back, and where its actions post. */
  back: string;
  csrfToken: string;
  canSubmit: boolean;
}) {
  return (
    <>
      <p class="notice" role="status">
        {i18n.t('practiceWorkflow.previewNote')} <a href={back}>{i18n.t('practiceWorkflow.backToWorkspace')}</a>
      </p>
      {PracticePage({ i18n, detail, themes })}
      {canSubmit ? <SubmitForReview i18n={i18n} csrfToken={csrfToken} base={back} /> : null}
    </>
  );
}
