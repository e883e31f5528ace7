import type { I18n } from '../../i18n/i18n.ts';

/** The editorial team's sections, at the top of each editor list page. */
export function EditorialNav({ i18n, current }: { i18n: I18n; current: 'practices' | 'events' | 'calls' | 'project-ideas' | 'matches' }) {
  const { t, locale } = i18n;
  const items = [
    ['practices', `/${locale}/editor/practices`, t('common.editorialNav.practices')],
    ['events', `/${locale}/editor/events`, t('common.editorialNav.events')],
    ['calls', `/${locale}/editor/calls`, t('common.editorialNav.calls')],
    ['project-ideas', `/${locale}/editor/project-ideas`, t('common.editorialNav.projectIdeas')],
    ['matches', `/${locale}/editor/matches`, t('common.editorialNav.matches')],
  ] as const;
  return (
    <nav class="sub-nav" aria-label={t('common.editorial')}>
      <ul>
        {items.map(([key, href, label]) => (
          <li>
            <a href={href} aria-current={key === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
