import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { MemberSection, MemberSectionContext, MemberSectionSource } from '../../member/index.ts';
import { listMyPractices, rowTitle } from './practice-workflow.service.ts';

// The practices' part of a member's own page: the practices they author with their visibility and the
// review state of their latest revision, each linking to its workspace.

/** "Published · In review": the live record's visibility (unless never published), then the open revision's state. */
function stateOf(i18n: I18n, status: string, revisionState: string | null): string {
  const parts = [status === 'draft' ? null : status, revisionState && revisionState !== 'published' ? revisionState : null];
  const words = parts.filter((s): s is string => Boolean(s)).map((s) => i18n.t(`practiceWorkflow.states.${s}`));
  return words.join(' · ') || i18n.t('practiceWorkflow.states.draft');
}

async function loadPractices(ctx: MemberSectionContext): Promise<MemberSection> {
  const { i18n } = ctx;
  const { t, locale } = i18n;
  const rows = await listMyPractices(ctx.db, ctx.user, locale);
  return {
    id: 'practices',
    heading: t('practiceWorkflow.myTitle'),
    groups: [
      {
        items: rows.map((row) => ({
          title: rowTitle(row, locale) || t('practiceWorkflow.untitled'),
          href: `/${locale}/my/practices/${row.id}`,
          state: stateOf(i18n, row.status, row.revision_state),
          detail: t('memberPractices.changed', { when: i18n.formatDateTime(new Date(row.updated_at)) }),
        })),
      },
    ],
    manage: { href: `/${locale}/my/practices`, label: t('memberPractices.manage') },
    empty: {
      text: t('practiceWorkflow.myEmpty'),
      start: { href: `/${locale}/my/practices/new`, label: t('practiceWorkflow.newPractice') },
    },
  };
}

export const memberPracticesSection: MemberSectionSource = { order: 30, load: loadPractices };
