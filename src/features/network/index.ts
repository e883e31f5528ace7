import { Hono } from 'hono';
import { privacyNoticeVersions } from '../../core/accounts/index.ts';
import { uploadAccess } from '../../core/uploads/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { footerPanels } from '../../platform/ui/footer-panels.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { officeContactRoutes } from './contact/office-contact.routes.ts';
import { OFFICE_CONTACT_LIMITS } from './contact/office-contact.service.ts';
import { networkSearchSource, networkSitemapSource } from './discovery.service.ts';
import { networkEditorRoutes } from './editor/network-editor.routes.ts';
import { networkFooterPanel } from './footer-panel.views.tsx';
import * as m0016 from './migrations/0016-network.ts';
import {
  exportPages,
  exportPartners,
  exportRegionalNetworks,
  importPages,
  importPartners,
  importRegionalNetworks,
} from './network.import.ts';
import { networkRoutes } from './network.routes.tsx';
import { loadReservedPages, networkDemo } from './network.seed.ts';
import { privacyNoticeVersion } from './network.service.ts';
import { logoUse } from './partners.queries.ts';

// The network's own section: its pages (About, imprint, privacy notice and what editors add), its
// partner organisations and regional networks, and the office's contact form that relays to the
// office, the regional coordinators and the partners' contact persons. See CONTEXT.md.
export default defineModule({
  name: 'network',
  publicTables: [
    'network_pages',
    'network_page_translations',
    'network_partners',
    'network_partner_translations',
    'regional_networks',
    'regional_network_translations',
  ],
  migrations: { '0016-network': m0016 },
  pages: new Hono<AppEnv>().route('/', networkRoutes).route('/', officeContactRoutes).route('/', networkEditorRoutes),
  rateLimits: OFFICE_CONTACT_LIMITS,
  navigation: [
    { area: 'footer', section: 'about', href: '/about', label: 'common.nav.about', order: 20 },
    { area: 'footer', section: 'privacy', href: '/privacy', label: 'common.footer.privacyLink', order: 40 },
    { area: 'footer', section: 'imprint', href: '/imprint', label: 'network.imprint', order: 45 },
    { area: 'editorial', section: 'network', href: '/editor/network', label: 'network.editor.nav', order: 80 },
  ],
  exchange: [
    {
      key: 'pages',
      label: 'Pages',
      order: 5,
      importRecords: (db, records) => importPages(db, records),
      exportRecords: (db) => exportPages(db),
    },
    {
      key: 'partners',
      label: 'Partner organisations',
      order: 6,
      importRecords: (db, records) => importPartners(db, records),
      exportRecords: (db, options) => exportPartners(db, options),
    },
    {
      key: 'regionalNetworks',
      label: 'Regional networks',
      order: 7,
      importRecords: (db, records) => importRegionalNetworks(db, records),
      exportRecords: (db, options) => exportRegionalNetworks(db, options),
    },
  ],
  referenceData: loadReservedPages,
  demo: networkDemo,
  extensions: [
    extend(searchSources, networkSearchSource),
    extend(sitemapSources, networkSitemapSource),
    extend(footerPanels, networkFooterPanel),
    // Consents (registration, the newsletter) are stored with the version of the notice published here.
    extend(privacyNoticeVersions, privacyNoticeVersion),
    // A draft partner's logo is nobody's to fetch; a published partner's is public.
    extend(uploadAccess, async (db, sha256) => {
      const use = await logoUse(db, sha256);
      return use === 'published' ? 'public' : use === 'draft' ? 'denied' : 'unclaimed';
    }),
  ],
  messages: new URL('./messages/', import.meta.url),
});

// What other modules may use.
export { listPartnerNames } from './partner-names.service.ts';
export { type RegionSection, type RegionSectionSource, regionSections } from './region-sections.ts';
