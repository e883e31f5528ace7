import type { MemberSection, MemberSectionContext, MemberSectionSource } from '../../member/index.ts';
import { findExpertSummaryOfUser } from './member-expert-profile.queries.ts';

// The experts' part of a member's own page: their listing in the directory and who may see it, with
// the way to edit it (or to create one).

async function loadExpertProfile(ctx: MemberSectionContext): Promise<MemberSection> {
  const { t, locale } = ctx.i18n;
  const expert = await findExpertSummaryOfUser(ctx.db, ctx.user.id);
  const edit = { href: `/${locale}/my/expert-profile`, label: t('expertProfile.page.edit') };
  const facts = [expert?.contact_enabled ? t('memberExperts.contactOn') : t('memberExperts.contactOff')];
  if (expert?.suspended) facts.push(t('memberExperts.suspended'));
  return {
    id: 'expert-profile',
    heading: t('expertProfile.title'),
    groups: [
      {
        items: expert
          ? [
              {
                title: expert.display_name,
                href: `/${locale}/experts/${expert.slug}`,
                state: t('expertProfile.page.visibleTo', { visibility: t(`expertProfile.visibility.${expert.visibility}`) }),
                detail: facts.join(' · '),
              },
            ]
          : [],
      },
    ],
    manage: edit,
    empty: { text: t('memberExperts.empty'), start: { href: edit.href, label: t('memberExperts.create') } },
  };
}

export const memberExpertProfileSection: MemberSectionSource = { order: 40, load: loadExpertProfile };
