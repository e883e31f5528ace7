import type { Database } from '../../platform/db/client.ts';
import { extensionPoint } from '../../platform/extension.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import type { Logger } from '../../platform/log.ts';

// A regional network's page shows the region's upcoming events, practices and experts. Those modules
// build on the newsletter, which builds on this one, so they contribute their section here (like the
// city page's `citySections`) and apply their own rules of who may see what.

/** One kind of record of the region: a heading and its links (each with its language and a detail). */
export type RegionSection = {
  heading: string;
  links: Array<{ href: string; title: string /** Language of the title. */; lang: string; detail?: string }>;
};

export type RegionSectionSource = (
  ctx: { db: Database; i18n: I18n; viewer: CurrentUser | null },
  region: { slug: string },
) => Promise<RegionSection | null>;

export const regionSections = extensionPoint<RegionSectionSource>('network.regionSections');

/**
 * Every contributed section, in the registry's order; empty ones left out. A section that fails is left
 * out too (and logged): the regional network's own page still shows, like the search without a source.
 */
export async function loadRegionSections(
  sources: RegionSectionSource[],
  ctx: { db: Database; i18n: I18n; viewer: CurrentUser | null; logger: Logger },
  regionSlug: string,
): Promise<RegionSection[]> {
  const { logger, ...sourceCtx } = ctx;
  const sections = await Promise.all(
    sources.map(async (source, index) => {
      try {
        return await source(sourceCtx, { slug: regionSlug });
      } catch (error) {
        logger.error({ regionSection: index, err: error instanceof Error ? error.message : String(error) }, 'region section failed');
        return null;
      }
    }),
  );
  return sections.filter((s): s is RegionSection => s !== null && s.links.length > 0);
}
