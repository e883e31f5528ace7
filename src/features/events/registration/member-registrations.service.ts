import type { MemberItem, MemberSection, MemberSectionContext, MemberSectionSource } from '../../member/index.ts';
import { listRegistrationsOfMember, type MemberRegistrationRow } from './member-registrations.queries.ts';

// The events' part of a member's own page: their registrations, each linking to the event's page where
// the place is kept or given up.

function registrationItem(ctx: MemberSectionContext, row: MemberRegistrationRow): MemberItem {
  const { t, locale } = ctx.i18n;
  const state =
    row.registration_status === 'registered'
      ? t('memberEvents.states.registered')
      : row.registration_status === 'waitlisted'
        ? t('memberEvents.states.waitlisted', { position: row.position ?? 0 })
        : t('memberEvents.states.cancelled');
  const facts = [ctx.i18n.formatPeriodInZone(row.starts_at, row.ends_at, row.time_zone), t(`memberEvents.formats.${row.format}`)];
  if (row.status === 'cancelled' || row.status === 'postponed') facts.push(t(`memberEvents.eventStatus.${row.status}`));
  return {
    title: row.title,
    lang: row.title_locale,
    href: `/${locale}/events/${row.slug}`,
    state,
    detail: facts.join(' · '),
    action: row.join_url ? { href: row.join_url, label: t('memberEvents.join'), external: true } : undefined,
  };
}

async function loadRegistrations(ctx: MemberSectionContext): Promise<MemberSection> {
  const { t, locale } = ctx.i18n;
  const rows = await listRegistrationsOfMember(ctx.db, ctx.user.id, locale, ctx.now);
  const browse = { href: `/${locale}/events`, label: t('memberEvents.browse') };
  return {
    id: 'events',
    heading: t('memberEvents.title'),
    groups: [
      { heading: t('memberEvents.upcoming'), items: rows.filter((r) => r.upcoming).map((r) => registrationItem(ctx, r)) },
      { heading: t('memberEvents.past'), items: rows.filter((r) => !r.upcoming).map((r) => registrationItem(ctx, r)) },
    ],
    manage: browse,
    empty: { text: t('memberEvents.empty'), start: browse },
  };
}

export const memberRegistrationsSection: MemberSectionSource = { order: 10, load: loadRegistrations };
