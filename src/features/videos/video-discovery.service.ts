import type { UploadAccessRule } from '../../core/uploads/index.ts';
import { can } from '../../platform/http/policy.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';
import { SEARCH_COUNT_CAP, SEARCH_RANK_CANDIDATES, type SearchSource, type SitemapSource } from '../discovery/index.ts';
import * as q from './video-discovery.queries.ts';

// What videos give the site search, the sitemap and the uploads route: published videos only; the
// poster, file and captions of a draft go to editors alone.

export const videoSearchSource: SearchSource = {
  type: 'video',
  search: async (db, request) => {
    const { total, rows } = await q.searchPublishedVideos(db, {
      ...request,
      candidates: SEARCH_RANK_CANDIDATES,
      cap: SEARCH_COUNT_CAP,
    });
    return {
      total,
      hits: rows.map((r) => ({
        externalId: r.external_id,
        title: r.title,
        // Descriptions are Markdown: the hit shows their text (the query sends enough of it for 300 characters).
        summary: markdownToText(r.summary, 300),
        path: `/${request.locale}/videos/${r.slug}`,
        language: isLocale(r.language) ? r.language : request.locale,
        rank: Number(r.rank),
      })),
    };
  },
};

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
