import type { I18n } from '../../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage, periodLabel, placeLabel } from '../../../platform/ui/components/content.tsx';
import type { PracticeSummary } from './practice-list.service.ts';

export function PracticeList({ i18n, practices, headingLevel = 2 }: { i18n: I18n; practices: PracticeSummary[]; headingLevel?: 2 | 3 }) {
  if (practices.length === 0) return <p class="empty">{i18n.t('practices.empty')}</p>;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards">
      {practices.map((p) => (
        <li class="card" id={`practice-${p.slug}`}>
          <InLanguage i18n={i18n} contentLocale={p.contentLocale}>
            <Heading>
              <a href={`/${i18n.locale}/practices/${p.slug}`}>{p.title}</a>
            </Heading>
            <p>{p.summary}</p>
          </InLanguage>
          <p class="meta">
            {[placeLabel(i18n, p.city, p.countryCode), periodLabel(i18n, p.startYear, p.endYear)].filter(Boolean).join(' · ')}
          </p>
          <FallbackNote i18n={i18n} contentLocale={p.contentLocale} />
        </li>
      ))}
    </ul>
  );
}
