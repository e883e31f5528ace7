import type { I18n } from '../../platform/i18n/i18n.ts';
import { cityName } from './cities.service.ts';
import { cityPagePath } from './city-page.service.ts';

/**
 * A city as pages read it: enough to name it in the reader's language and to link its page. Without a
 * slug (a city typed in a preview, not yet saved) it is named without a link.
 */
export type LinkedCity = { slug: string | null; country_code: string | null; name: string; names: Record<string, string> | null };

/**
 * "Agadir, Morocco" with the city linking to its page; whichever part is known. The country is the
 * record's own when given (a practice may name its country without a city).
 */
export function PlaceWithCity({ i18n, city, countryCode }: { i18n: I18n; city: LinkedCity | null; countryCode?: string | null }) {
  const country = countryCode ?? city?.country_code ?? null;
  return (
    <>
      {city ? <CityLink i18n={i18n} city={city} /> : null}
      {city && country ? i18n.t('common.listSeparator') : null}
      {country ? i18n.countryName(country) : null}
    </>
  );
}

/** The city's name linking to its page. */
export function CityLink({ i18n, city }: { i18n: I18n; city: LinkedCity }) {
  const name = cityName({ name: city.name, names: city.names ?? {} }, i18n.locale);
  if (!city.slug || !city.country_code) return <>{name}</>;
  return (
    <a href={cityPagePath(i18n.locale, { slug: city.slug, country_code: city.country_code })} dir="auto">
      {name}
    </a>
  );
}
