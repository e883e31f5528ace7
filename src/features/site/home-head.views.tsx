import type { I18n } from '../../platform/i18n/i18n.ts';
import { JsonLd } from '../../platform/ui/json-ld.tsx';

/**
 * schema.org for the home page: the network as an Organization (name, address, logo) and the site as a
 * WebSite whose SearchAction is the good-practice search (the one search that takes free text for
 * everyone), in the page's language.
 */
export function HomeHead({ i18n, baseUrl, logoUrl }: { i18n: I18n; baseUrl: string; logoUrl: string }) {
  const home = `${baseUrl}/${i18n.locale}/`;
  const organization = `${baseUrl}/#organization`;
  return (
    <JsonLd
      data={{
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'Organization',
            '@id': organization,
            name: i18n.t('common.siteName'),
            url: home,
            logo: { '@type': 'ImageObject', url: logoUrl },
            description: i18n.t('common.tagline'),
          },
          {
            '@type': 'WebSite',
            '@id': `${home}#website`,
            name: i18n.t('common.siteName'),
            url: home,
            inLanguage: i18n.locale,
            publisher: { '@id': organization },
            potentialAction: {
              '@type': 'SearchAction',
              target: { '@type': 'EntryPoint', urlTemplate: `${baseUrl}/${i18n.locale}/practices?q={search_term_string}` },
              'query-input': 'required name=search_term_string',
            },
          },
        ],
      }}
    />
  );
}
