import type { I18n } from '../../i18n/i18n.ts';
import { placeLabel } from '../../web/components/content.tsx';
import { cityName } from '../cities/cities.service.ts';
import type { ExpertSummary } from './experts.service.ts';

export function ExpertsPage({ i18n, experts }: { i18n: I18n; experts: ExpertSummary[] }) {
  return (
    <>
      <h1>{i18n.t('experts.title')}</h1>
      <p class="lead">{i18n.t('experts.intro')}</p>
      {experts.length === 0 ? (
        <p class="empty">{i18n.t('experts.empty')}</p>
      ) : (
        <ul class="cards">
          {experts.map((x) => (
            <li class="card">
              <h2>{x.display_name}</h2>
              <p class="meta">
                {placeLabel(
                  i18n,
                  x.city_name ? cityName({ name: x.city_name, names: x.city_names ?? {} }, i18n.locale) : null,
                  x.country_code,
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
