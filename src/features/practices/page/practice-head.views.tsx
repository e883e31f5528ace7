import { uploadUrl } from '../../../core/uploads/uploads.service.ts';
import { type ShareImage, shareCardImage } from '../../../platform/http/share-card.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { JsonLd } from '../../../platform/ui/json-ld.tsx';
import type { PracticeDetail } from './practice-page.service.ts';

/** The address of a practice's share card (page routes serve it). */
export const practiceCardPath = (locale: string, slug: string) => `/${locale}/practices/${slug}/card.png`;

/** What the card of a practice is drawn from: which practice, in which language, with which title. */
export const practiceCardKey = (id: number, textLocale: string, title: string) => `practice:${id}:${textLocale}:${title}`;

/**
 * The picture shared with a practice's link: its first picture (published with the practice), else its
 * card with the title in the language shown.
 */
export function practiceShareImage(i18n: I18n, detail: PracticeDetail, baseUrl: string): ShareImage {
  const { practice: p, translation: tr } = detail;
  const picture = p.images[0];
  if (picture) {
    return {
      url: `${baseUrl}${uploadUrl(picture.sha256, 'image')}`,
      width: picture.width,
      height: picture.height,
      type: 'image/jpeg',
      alt: picture.alt || tr.title,
    };
  }
  return shareCardImage(baseUrl, practiceCardPath(i18n.locale, p.slug), practiceCardKey(p.id, tr.locale, tr.title), tr.title);
}

/**
 * schema.org JSON-LD for a practice page, in the language of the text shown (`inLanguage`); canonical,
 * hreflang and OpenGraph come from the layout (`contentLocales`, `share`).
 */
export function PracticeHead({ i18n, detail, url }: { i18n: I18n; detail: PracticeDetail; url: string }) {
  const { practice: p, translation: tr } = detail;
  return (
    <JsonLd
      data={{
        '@context': 'https://schema.org',
        '@type': 'CreativeWork',
        name: tr.title,
        abstract: tr.summary,
        inLanguage: tr.locale,
        url,
        datePublished: p.published_at?.toISOString(),
        dateModified: p.updated_at.toISOString(),
        keywords: [...detail.themes, ...detail.topics].join(', '),
        spatialCoverage: {
          '@type': 'Place',
          address: { '@type': 'PostalAddress', addressLocality: p.city_name ?? undefined, addressCountry: p.country_code ?? undefined },
        },
        temporalCoverage: p.start_year ? `${p.start_year}/${p.end_year ?? '..'}` : undefined,
        publisher: { '@type': 'Organization', name: i18n.t('common.siteName') },
      }}
    />
  );
}
