import type { MemberSection, MemberSectionContext, MemberSectionSource } from '../member/index.ts';
import { listApplicationsOfMember } from './member-applications.queries.ts';

// The calls' part of a member's own page: their applications and the state of each, linking to the
// call's page, where the application is changed or withdrawn.

async function loadApplications(ctx: MemberSectionContext): Promise<MemberSection> {
  const { i18n } = ctx;
  const { t, locale } = i18n;
  const rows = await listApplicationsOfMember(ctx.db, ctx.user.id, locale);
  const browse = { href: `/${locale}/calls`, label: t('memberCalls.browse') };
  return {
    id: 'applications',
    heading: t('memberCalls.title'),
    groups: [
      {
        items: rows.map((row) => ({
          title: row.title,
          lang: row.title_locale,
          href: `/${locale}/calls/${row.slug}`,
          state: t(`memberCalls.states.${row.status}`),
          detail: [
            t('memberCalls.changed', { when: i18n.formatDateTime(row.updated_at) }),
            row.call_status === 'open' && row.deadline > ctx.now
              ? t('memberCalls.deadline', { when: i18n.formatDateTime(row.deadline) })
              : t('memberCalls.closed'),
          ].join(' · '),
        })),
      },
    ],
    manage: browse,
    empty: { text: t('memberCalls.empty'), start: browse },
  };
}

export const memberApplicationsSection: MemberSectionSource = { order: 20, load: loadApplications };
