import { uploadUrl } from '../../core/uploads/uploads.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';
import { JsonLd } from '../../platform/ui/json-ld.tsx';
import type { PublicationRecord, PublicationText } from './publications.queries.ts';

// schema.org for a publication. Studies, reports and event documentation are `Report`s (an account of
// findings or of what happened); guides and factsheets are plain `CreativeWork`s. `inLanguage` is the
// language of the document itself, not of the summary; the file is its `encoding` (a MediaObject with
// its size and type), an external document its `url`'s `sameAs`.

const REPORT_KINDS = new Set(['study', 'report', 'documentation']);

export function PublicationHead(props: {
  i18n: I18n;
  publication: PublicationRecord;
  text: PublicationText;
  url: string;
  baseUrl: string;
}) {
  const { i18n, publication: p, text, url, baseUrl } = props;
  const documentUrl = p.file ? `${baseUrl}${uploadUrl(p.file.sha256, 'document')}` : p.url;
  return (
    <JsonLd
      data={{
        '@context': 'https://schema.org',
        '@type': REPORT_KINDS.has(p.kind) ? 'Report' : 'CreativeWork',
        name: text.title,
        abstract: text.summary ? markdownToText(text.summary, 1000) : undefined,
        url,
        inLanguage: p.languages.length ? p.languages : undefined,
        genre: p.kind,
        copyrightYear: p.year,
        datePublished: p.published_at?.toISOString(),
        dateModified: p.updated_at.toISOString(),
        keywords: p.themes.join(', ') || undefined,
        image: p.cover ? `${baseUrl}${uploadUrl(p.cover.sha256, 'image')}` : undefined,
        encoding: p.file
          ? { '@type': 'MediaObject', contentUrl: documentUrl, encodingFormat: 'application/pdf', contentSize: `${p.file.bytes} B` }
          : undefined,
        sameAs: p.file ? undefined : documentUrl,
        about: p.event ? { '@type': 'Event', url: `${baseUrl}/${i18n.locale}/events/${p.event.slug}` } : undefined,
        publisher: { '@type': 'Organization', name: i18n.t('common.siteName'), url: `${baseUrl}/${i18n.locale}/` },
      }}
    />
  );
}
