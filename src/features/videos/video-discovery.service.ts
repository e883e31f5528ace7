import type { UploadAccessRule } from '../../core/uploads/index.ts';
import { can } from '../../platform/http/policy.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { rankedSearchSource, type SearchSource, type SitemapSource } from '../discovery/index.ts';
import * as q from './video-discovery.queries.ts';

// What videos give the site search, the sitemap and the uploads route: published videos only; the
// poster, file and captions of a draft go to editors alone.

// Descriptions are Markdown: the hit shows their text (the query sends enough of it for 300 characters).
export const videoSearchSource: SearchSource = rankedSearchSource('video', 'videos', q.searchPublishedVideos);

export const videoSitemapSource: SitemapSource = {
  name: 'videos',
  count: q.countPublishedVideos,
  entries: async (db, page) =>
    (await q.listPublishedVideosForSitemap(db, page)).map((r) => ({
      path: `/videos/${r.slug}`,
      locales: r.locales.filter(isLocale),
      updatedAt: r.updated_at,
    })),
};

/** A file of a published video is public; one only drafts hold is the editors' (others: not found). */
export const videoUploadAccess: UploadAccessRule = async (db, sha256, viewer) => {
  const use = await q.findVideoUseOfFile(db, sha256);
  if (use === 'none') return 'unclaimed';
  if (use === 'published') return 'public';
  return can(viewer, 'edit-content') ? 'allowed' : 'denied';
};
