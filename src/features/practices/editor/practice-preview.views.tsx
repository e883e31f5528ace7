import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { PracticeDetail } from '../page/practice-page.service.ts';
import { PracticePage } from '../page/practice-page.views.tsx';

/** The preview of a proposed version: the public page's own view, under a note and a way back. */
export function PracticePreview({
  i18n,
  detail,
  themes,
  back,
}: {
  i18n: I18n;
  detail: PracticeDetail;
  themes: ThemeWithTopics[];
  back: string;
}) {
  return (
    <>
      <p class="notice" role="status">
        {i18n.t('practiceWorkflow.previewNote')} <a href={back}>{i18n.t('practiceWorkflow.backToWorkspace')}</a>
      </p>
      {PracticePage({ i18n, detail, themes })}
    </>
  );
}
