import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DemoSeedStep } from '../../platform/module.ts';
import { ensureCity } from './cities.service.ts';

// The demo's cities with their localized names (Arabic script, German spelling). Cities have no part in
// the exchange format (records name a city by name and add it on first mention, without localized
// names), so the cities the demo shows in other scripts are loaded first, by this file of their own.

const demoCities = z.object({
  cities: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      name: z.string().min(1),
      country: z.string().regex(/^[A-Z]{2}$/),
      /** Names that differ per locale, { ar: 'أكادير' }. */
      names: z.record(z.string(), z.string().min(1)).default({}),
    }),
  ),
});

export const citiesDemo: DemoSeedStep[] = [
  {
    // Before every other module's demo: their records find these cities by name.
    name: 'demo-cities',
    load: async (trx) => {
      const file = demoCities.parse(JSON.parse(readFileSync(new URL('./demo/demo-cities.json', import.meta.url), 'utf8')));
      for (const city of file.cities) {
        await ensureCity(trx, { slug: city.slug, country_code: city.country, name: city.name, names: city.names });
      }
    },
  },
];
