import { can } from '../../../platform/http/policy.ts';
import type { MemberSection, MemberSectionContext, MemberSectionSource } from '../../member/index.ts';
import { listMatchRequestsSavedBy } from './member-match-requests.queries.ts';

// The editors' part of their own page: the matching requests they saved, each opening where it is run
// again and its contacts are noted. Members have none, so the section is not theirs (null).

async function loadMatchRequests(ctx: MemberSectionContext): Promise<MemberSection | null> {
  if (!can(ctx.user, 'edit-content')) return null;
  const { i18n } = ctx;
  const { t, locale } = i18n;
  const rows = await listMatchRequestsSavedBy(ctx.db, ctx.user.id);
  return {
    id: 'match-requests',
    heading: t('memberExperts.requestsTitle'),
    groups: [
      {
        items: rows.map((row) => ({
          title: row.title,
          href: `/${locale}/editor/matches/${row.id}`,
          state: t('memberExperts.contacted', { count: row.contacted ?? 0 }),
          detail: t('memberExperts.changed', { when: i18n.formatDateTime(new Date(row.updated_at)) }),
        })),
      },
    ],
    manage: { href: `/${locale}/editor/matches`, label: t('memberExperts.allRequests') },
    empty: { text: t('memberExperts.requestsEmpty'), start: { href: `/${locale}/experts/match`, label: t('memberExperts.match') } },
  };
}

export const memberMatchRequestsSection: MemberSectionSource = { order: 60, load: loadMatchRequests };
