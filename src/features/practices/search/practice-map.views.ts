import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

// A server-rendered world map of practices per country: Natural Earth 1:110m outlines from the
// world-atlas package, Equal Earth projection, drawn once per process and coloured per request.

const WIDTH = 960;
const HEIGHT = 470;
// Outlines without an ISO numeric code in world-atlas.
const BY_NAME: Record<string, string> = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY' };

type Shape = { code: string; d: string };
let shapes: Shape[] | undefined;

function worldShapes(): Shape[] {
  if (shapes) return shapes;
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const world = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], world);
  const path = geoPath(projection).digits(0);
  shapes = world.features.flatMap((f) => {
    const code = (f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : undefined) ?? BY_NAME[f.properties?.name ?? ''];
    const d = path(f);
    return code && d && f.properties?.name !== 'Antarctica' ? [{ code, d }] : [];
  });
  return shapes;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Five shades from none to many; the scale is relative to the busiest country. */
function shade(count: number, max: number): string {
  if (count === 0) return '#e5e9ee';
  const step = Math.min(3, Math.floor((count / max) * 4));
  return ['#9ec5e0', '#5a9bc8', '#2a76ad', '#0b5c8c'][step] ?? '#0b5c8c';
}

/**
 * The map as a standalone SVG document. Each country carries a <title> ("Morocco: 3") for pointer users;
 * the page offers the same figures as a list for everyone else.
 */
export function renderPracticeMap(counts: Map<string, number>, label: (code: string, count: number) => string, title: string): string {
  const max = Math.max(1, ...counts.values());
  const paths = worldShapes()
    .map(({ code, d }) => {
      const count = counts.get(code) ?? 0;
      return `<path d="${d}" fill="${shade(count, max)}"><title>${escapeXml(label(code, count))}</title></path>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><g stroke="#ffffff" stroke-width="0.5">${paths}</g></svg>`;
}
