import type { I18n } from '../../i18n/i18n.ts';
import type { NavEntry } from '../navigation.ts';

/** The editorial team's sections, at the top of each editor page (entries from the modules). */
export function EditorialNav({ i18n, entries, current }: { i18n: I18n; entries: NavEntry[]; current: string }) {
  const { t, locale } = i18n;
  return (
    <nav class="sub-nav" aria-label={t('common.editorial')}>
      <ul>
        {entries.map((entry) => (
          <li>
            <a href={`/${locale}${entry.href}`} aria-current={entry.section === current ? 'page' : undefined}>
              {t(entry.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
