import { defineModule } from '../../platform/module.ts';
import { citiesDemo } from './cities.seed.ts';
import { cityPageRoutes } from './city-page.routes.tsx';

// Municipalities: the places practices, experts, events and project ideas belong to, and each one's page
// (the features contribute their sections through `citySections`).
export default defineModule({
  name: 'cities',
  publicTables: ['cities'],
  pages: cityPageRoutes,
  messages: new URL('./messages/', import.meta.url),
  demo: citiesDemo,
});

// What other modules may use.
export { cityName } from './cities.service.ts';
export { CityLink, type LinkedCity, PlaceWithCity } from './city-link.views.tsx';
export { type CityRef, type CitySection, type CitySectionSource, cityPagePath, citySections } from './city-page.service.ts';
