import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import type { CityPageRow } from './cities.queries.ts';
import { cityName } from './cities.service.ts';
import { cityPagePath, citySections, findCityOfAddress, loadCitySections } from './city-page.service.ts';
import { CityChoice, CityPage } from './city-page.views.tsx';

// /<locale>/cities/<slug>-<country>: everything linked to a municipality. A bare slug of one city
// redirects there; of several, the page asks which; an unknown one is a 404.

export const cityPageRoutes = new Hono<AppEnv>().get('/cities/:key{[a-z0-9-]+}', async (c) => {
  const { i18n, deps, user } = c.var;
  const found = await findCityOfAddress(deps.db, c.req.param('key'));
  if (found.kind === 'none') throw new HTTPException(404, { message: 'not-found' });
  if (found.kind === 'elsewhere') {
    const [first, ...others] = found.cities as [CityPageRow, ...CityPageRow[]];
    if (!others.length) return c.redirect(cityPagePath(i18n.locale, first), 301);
    return renderPage(c, { title: cityName(first, i18n.locale), indexable: false, children: CityChoice({ i18n, cities: found.cities }) });
  }
  const { city } = found;
  const sections = await loadCitySections(deps.modules.extensions.all(citySections), { db: deps.db, i18n, viewer: user ?? null }, city);
  const name = cityName(city, i18n.locale);
  // The experts a reader may see depend on who reads: a signed-in page is private (renderPage says so).
  return renderPage(c, {
    title: `${name}, ${i18n.countryName(city.country_code)}`,
    description: i18n.t('cities.description', { city: name, country: i18n.countryName(city.country_code) }),
    children: CityPage({ i18n, city, sections }),
  });
});
