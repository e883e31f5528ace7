import type { FooterPanel } from '../../platform/ui/footer-panels.ts';
import { footerPages, footerPartners, keepFooterSnapshotFresh } from './footer-snapshot.ts';
import { LinkSection } from './link-section.views.tsx';

/**
 * The network's part of every page's footer (the layout's `footerPanels`): the partner organisations,
 * from their records, and the pages the editors placed in the footer. It reads this process's
 * snapshot (footer-snapshot.ts): a footer queries the database only when that copy is missing or old.
 */
export const networkFooterPanel: FooterPanel = async ({ i18n, db }) => {
  await keepFooterSnapshotFresh(db);
  const local = (links: ReturnType<typeof footerPages>) => links.map((l) => ({ ...l, href: `/${i18n.locale}${l.href}` }));
  return (
    <>
      <LinkSection
        i18n={i18n}
        id="footer-partners"
        title={i18n.t('common.footer.partnersTitle')}
        links={local(footerPartners(db, i18n.locale))}
      />
      <LinkSection
        i18n={i18n}
        id="footer-network-pages"
        title={i18n.t('network.footerPagesTitle')}
        links={local(footerPages(db, i18n.locale))}
      />
    </>
  );
};
