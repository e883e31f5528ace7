import { defineModule } from '../../platform/module.ts';
import { citiesDemo } from './cities.seed.ts';

// Municipalities: the places practices, experts, events and project ideas belong to.
export default defineModule({
  name: 'cities',
  demo: citiesDemo,
});
