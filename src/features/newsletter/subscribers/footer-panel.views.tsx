import type { FooterPanel } from '../../../platform/ui/footer-panels.ts';
import { SubscribeForm } from './subscribe-form.views.tsx';

/**
 * The short subscribe form in every page's footer (the layout's `footerPanels`): address, language,
 * consent. Interests are on the full form only, so the footer needs nothing from the database.
 */
export const newsletterFooterPanel: FooterPanel = ({ i18n, formToken }) => {
  // Outside the locale (one-click pages, some error pages) the form could not be sent.
  if (formToken === null) return null;
  return (
    <section aria-labelledby="footer-newsletter" class="footer-newsletter">
      <h2 id="footer-newsletter">{i18n.t('subscription.footer.title')}</h2>
      <p>{i18n.t('subscription.footer.text')}</p>
      <SubscribeForm i18n={i18n} csrfToken={formToken} variant="footer" themes={[]} regions={[]} />
    </section>
  );
};
