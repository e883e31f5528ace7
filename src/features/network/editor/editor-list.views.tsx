import type { I18n } from '../../../platform/i18n/i18n.ts';
import { DataTable, EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { type NetworkPage, type Partner, pagePath, pickText, type RegionalNetwork } from '../network.model.ts';

// The editors' overview of the network's records: pages, partner organisations, regional networks.

export function NetworkEditorPage(props: {
  i18n: I18n;
  pages: NetworkPage[];
  partners: Partner[];
  regionalNetworks: RegionalNetwork[];
  notice?: string;
}) {
  const { i18n, pages, partners, regionalNetworks } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/network`;
  const edit = (href: string) => <a href={href}>{t('network.editor.edit')}</a>;
  return (
    <>
      <EditorHeader title={t('network.editor.title')} lead={t('network.editor.lead')} notice={props.notice} />
      <h2>{t('network.editor.pages')}</h2>
      <p>
        <a class="button" href={`${base}/pages/new`}>
          {t('network.editor.newPage')}
        </a>
      </p>
      <DataTable
        caption={t('network.editor.pages')}
        columns={[
          t('network.editor.columns.title'),
          t('network.editor.columns.address'),
          t('network.editor.columns.status'),
          t('network.editor.columns.placement'),
          t('network.editor.columns.position'),
          t('network.editor.columns.actions'),
        ]}
      >
        {pages.map((p) => (
          <tr>
            <td dir="auto">{pickText(p.texts, locale)?.title ?? p.slug}</td>
            <td dir="ltr">{pagePath(p.slug)}</td>
            <td>{t(`network.editor.statuses.${p.status}`)}</td>
            <td>{t(`network.editor.placements.${p.placement}`)}</td>
            <td>{i18n.formatNumber(p.position)}</td>
            <td>{edit(`${base}/pages/${p.slug}/edit`)}</td>
          </tr>
        ))}
      </DataTable>
      <h2>{t('network.editor.partners')}</h2>
      <p>
        <a class="button" href={`${base}/partners/new`}>
          {t('network.editor.newPartner')}
        </a>
      </p>
      <DataTable
        caption={t('network.editor.partners')}
        columns={[
          t('network.editor.columns.name'),
          t('network.editor.columns.status'),
          t('network.editor.columns.position'),
          t('network.editor.columns.actions'),
        ]}
      >
        {partners.map((p) => (
          <tr>
            <td dir="auto">{pickText(p.texts, locale)?.name ?? p.slug}</td>
            <td>{t(`network.editor.statuses.${p.status}`)}</td>
            <td>{i18n.formatNumber(p.position)}</td>
            <td>{edit(`${base}/partners/${p.slug}/edit`)}</td>
          </tr>
        ))}
      </DataTable>
      <h2>{t('network.editor.regions')}</h2>
      <p>
        <a class="button" href={`${base}/regions/new`}>
          {t('network.editor.newRegion')}
        </a>
      </p>
      <DataTable
        caption={t('network.editor.regions')}
        columns={[
          t('network.editor.columns.name'),
          t('network.editor.columns.region'),
          t('network.editor.columns.status'),
          t('network.editor.columns.actions'),
        ]}
      >
        {regionalNetworks.map((r) => (
          <tr>
            <td dir="auto">{pickText(r.texts, locale)?.name ?? r.regionSlug}</td>
            <td>{t(`common.regions.${r.regionSlug}`)}</td>
            <td>{t(`network.editor.statuses.${r.status}`)}</td>
            <td>{edit(`${base}/regions/${r.regionSlug}/edit`)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
