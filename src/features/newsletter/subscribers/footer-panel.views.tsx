import type { FooterPanel } from '../../../platform/ui/footer-panels.ts';
import { SubscribeForm } from './subscribe-form.views.tsx';

/**
 * The short subscribe form in every page's footer (the layout's `footerPanels`): address, language,
 * consent. Interests are on the full form only, so the footer needs nothing from the database.
 */
export const newsletterFooterPanel: FooterPanel = ({ i18n, csrfToken }) => {
  // Outside the locale (one-click pages, some error pages) there is no CSRF token to post the form with.
  if (!csrfToken) return null;
  return (
    <section aria-labelledby="footer-newsletter" class="footer-newsletter">
      <h2 id="footer-newsletter">{i18n.t('subscription.footer.title')}</h2>
      <p>{i18n.t('subscription.footer.text')}</p>
      <SubscribeForm i18n={i18n} csrfToken={csrfToken} variant="footer" themes={[]} regions={[]} />
    </section>
  );
};
