import { raw } from 'hono/html';
import { uploadUrl } from '../../core/uploads/uploads.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { renderMarkdown } from '../../platform/lib/markdown.ts';
import { FallbackNote } from '../../platform/ui/components/content.tsx';
import { OfficeContactLinks } from './contact/office-contact.views.tsx';
import { LinkSection } from './link-section.views.tsx';
import {
  type NetworkPage,
  type Partner,
  pagePath,
  partnerRecipientKey,
  pickText,
  type RegionalNetwork,
  regionPath,
} from './network.model.ts';
import type { RegionSection } from './region-sections.ts';

// The network's public pages: the About section, a page of it, a regional network, imprint and privacy.

const langOf = (i18n: I18n, lang: string) => (lang === i18n.locale ? undefined : lang);

/** The About section's menu: its pages placed in 'main' (the registry's navigation is static). */
export function AboutMenu({ i18n, pages, current }: { i18n: I18n; pages: NetworkPage[]; current?: string }) {
  const entries = pages.filter((p) => p.placement === 'main');
  if (!entries.length) return null;
  return (
    <nav class="sub-nav" aria-label={i18n.t('network.menuLabel')}>
      <ul>
        <li>
          <a href={`/${i18n.locale}/about`} aria-current={current === undefined ? 'page' : undefined}>
            {i18n.t('network.title')}
          </a>
        </li>
        {entries.map((p) => {
          const text = pickText(p.texts, i18n.locale);
          return text ? (
            <li>
              <a
                href={`/${i18n.locale}${pagePath(p.slug)}`}
                lang={langOf(i18n, text.locale)}
                aria-current={current === p.slug ? 'page' : undefined}
              >
                {text.title}
              </a>
            </li>
          ) : null;
        })}
      </ul>
    </nav>
  );
}

/** A page's text: its title, the Markdown body as sanitised HTML, and a note when it is in another language. */
export function PageText({ i18n, page, meta }: { i18n: I18n; page: NetworkPage; meta?: string }) {
  const text = pickText(page.texts, i18n.locale);
  if (!text) return null;
  return (
    <article lang={langOf(i18n, text.locale)}>
      <h1 dir="auto">{text.title}</h1>
      {meta ? <p class="meta">{meta}</p> : null}
      <FallbackNote i18n={i18n} contentLocale={text.locale} />
      <div class="prose">{raw(renderMarkdown(text.body))}</div>
    </article>
  );
}

export type AboutProps = {
  i18n: I18n;
  intro: NetworkPage | null;
  pages: NetworkPage[];
  partners: Partner[];
  regionalNetworks: RegionalNetwork[];
  /** The regions whose coordinator can be written to, through the contact page. */
  coordinators: string[];
};

export function AboutPage({ i18n, intro, pages, partners, regionalNetworks, coordinators }: AboutProps) {
  const { t, locale } = i18n;
  const listed = pages.filter((p) => p.slug !== 'about' && p.placement !== 'footer');
  return (
    <>
      <AboutMenu i18n={i18n} pages={pages} />
      {intro ? <PageText i18n={i18n} page={intro} /> : <h1>{t('network.title')}</h1>}
      <LinkSection
        i18n={i18n}
        id="network-pages"
        title={t('network.pagesTitle')}
        links={listed.flatMap((p) => {
          const text = pickText(p.texts, locale);
          return text ? [{ href: `/${locale}${pagePath(p.slug)}`, title: text.title, lang: text.locale }] : [];
        })}
      />
      {partners.length ? (
        <section aria-labelledby="network-partners">
          <h2 id="network-partners">{t('network.partnersTitle')}</h2>
          {partners.map((p) => (
            <PartnerCard i18n={i18n} partner={p} />
          ))}
        </section>
      ) : null}
      <LinkSection
        i18n={i18n}
        id="network-regions"
        title={t('network.regionsTitle')}
        links={regionalNetworks.flatMap((r) => {
          const text = pickText(r.texts, locale);
          return text ? [{ href: `/${locale}${regionPath(r.regionSlug)}`, title: text.name, lang: text.locale }] : [];
        })}
      />
      <h2 id="contact">{t('network.contactTitle')}</h2>
      <p>{t('network.contactText')}</p>
      <address>
        {t('network.office')}
        <br />
        Friedrich-Ebert-Allee 32 + 36
        <br />
        53113 Bonn
        <br />
        {i18n.countryName('DE')}
      </address>
      <OfficeContactLinks i18n={i18n} coordinators={coordinators} />
    </>
  );
}

function PartnerCard({ i18n, partner }: { i18n: I18n; partner: Partner }) {
  const text = pickText(partner.texts, i18n.locale);
  if (!text) return null;
  const { locale } = i18n;
  return (
    <article class="card" id={`partner-${partner.slug}`} lang={langOf(i18n, text.locale)}>
      {partner.logo ? <img src={uploadUrl(partner.logo.sha256, 'image')} alt={text.logoAlt} width={160} loading="lazy" /> : null}
      <h3 dir="auto">{text.name}</h3>
      {text.description ? <p dir="auto">{text.description}</p> : null}
      <ul class="inline-list">
        {partner.websiteUrl ? (
          <li>
            <a href={partner.websiteUrl} rel="nofollow noopener noreferrer">
              {i18n.t('network.website')}
            </a>
          </li>
        ) : null}
        {partner.contactEmail ? (
          <li>
            <a href={`/${locale}/contact?to=${partnerRecipientKey(partner.slug)}#contact`}>
              {partner.contactName
                ? i18n.t('network.writeToContactNamed', { name: partner.contactName })
                : i18n.t('network.writeToContact')}
            </a>
          </li>
        ) : null}
      </ul>
    </article>
  );
}

export function RegionalNetworkPage(props: { i18n: I18n; network: RegionalNetwork; sections: RegionSection[] }) {
  const { i18n, network, sections } = props;
  const { t, locale } = i18n;
  const text = pickText(network.texts, locale);
  return (
    <>
      <p class="kicker">
        <a href={`/${locale}/about#network-regions`}>{t('network.regionsTitle')}</a>
      </p>
      <article lang={text ? langOf(i18n, text.locale) : undefined}>
        <h1 dir="auto">{text?.name ?? t(`common.regions.${network.regionSlug}`)}</h1>
        <p class="meta">{t(`common.regions.${network.regionSlug}`)}</p>
        {text ? <FallbackNote i18n={i18n} contentLocale={text.locale} /> : null}
        {text?.description ? <div class="prose">{raw(renderMarkdown(text.description))}</div> : null}
      </article>
      {network.coordinatorName || network.coordinatorEmail ? (
        <section aria-labelledby="region-coordinator">
          <h2 id="region-coordinator">{t('network.coordinatorTitle')}</h2>
          {network.coordinatorName ? <p dir="auto">{network.coordinatorName}</p> : null}
          {network.coordinatorEmail ? (
            <p>
              <a class="button" href={`/${locale}/contact?to=${encodeURIComponent(network.regionSlug)}#contact`}>
                {t('network.writeToCoordinator')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      {sections.map((section, i) => (
        <LinkSection i18n={i18n} id={`region-section-${i}`} title={section.heading} links={section.links} />
      ))}
    </>
  );
}
