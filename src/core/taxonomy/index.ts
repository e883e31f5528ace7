import { defineModule } from '../../platform/module.ts';
import { loadTaxonomy } from './taxonomy.service.ts';

// Themes, topics, regions and countries: reference data every feature filters by.
export default defineModule({
  name: 'taxonomy',
  publicTables: ['themes', 'topics', 'regions', 'countries'],
  referenceData: async (db) => ({ ...(await loadTaxonomy(db)) }),
});
