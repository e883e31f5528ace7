import type { I18n } from '../../platform/i18n/i18n.ts';
import type { CityPageRow } from './cities.queries.ts';
import { cityName } from './cities.service.ts';
import { type CitySection, cityPagePath } from './city-page.service.ts';

// A municipality's page: its name and country, then each feature's section (practices, experts, events,
// project ideas) as a list of links; and the short choice when a bare address names several cities.

export function CityPage({ i18n, city, sections }: { i18n: I18n; city: CityPageRow; sections: CitySection[] }) {
  const name = cityName(city, i18n.locale);
  return (
    <article class="city">
      <p class="kicker">{i18n.countryName(city.country_code)}</p>
      <h1 dir="auto">{name}</h1>
      <p class="lead">{i18n.t('cities.lead', { city: name })}</p>
      {sections.length ? (
        <nav aria-label={i18n.t('cities.contents')}>
          <ul class="chips">
            {sections.map((s, i) => (
              <li>
                <a href={`#city-section-${i}`}>
                  {s.heading} ({i18n.formatNumber(s.links.length)})
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p class="empty">{i18n.t('cities.nothing', { city: name })}</p>
      )}
      {sections.map((s, i) => (
        <section aria-labelledby={`city-section-${i}`}>
          <h2 id={`city-section-${i}`}>{s.heading}</h2>
          <ul>
            {s.links.map((link) => (
              <li>
                <a href={link.href} lang={link.lang === i18n.locale ? undefined : link.lang} dir="auto">
                  {link.title}
                </a>
                {link.detail ? (
                  <>
                    {' '}
                    <span class="meta">({link.detail})</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}

/** A bare address shared by cities of several countries: which one? */
export function CityChoice({ i18n, cities }: { i18n: I18n; cities: CityPageRow[] }) {
  const name = cityName(cities[0] as CityPageRow, i18n.locale);
  return (
    <>
      <h1 dir="auto">{name}</h1>
      <p>{i18n.t('cities.several', { city: name })}</p>
      <ul>
        {cities.map((c) => (
          <li>
            <a href={cityPagePath(i18n.locale, c)} dir="auto">
              {cityName(c, i18n.locale)}, {i18n.countryName(c.country_code)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
