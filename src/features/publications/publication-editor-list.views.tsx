import type { I18n } from '../../platform/i18n/i18n.ts';
import { DataTable, EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { CsrfField } from '../../platform/ui/forms.tsx';
import type { PublicationListRow } from './publications.queries.ts';

// The editors' list of publications, drafts included, with a button to publish or withdraw each.

export function EditorPublicationsPage({
  i18n,
  rows,
  notice,
  csrfToken,
}: {
  i18n: I18n;
  rows: PublicationListRow[];
  notice?: string;
  csrfToken: string;
}) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader
        title={t('publications.editor.title')}
        notice={notice}
        action={{ href: `/${locale}/editor/publications/new`, label: t('publications.editor.new') }}
      />
      {rows.length === 0 ? (
        <p class="empty">{t('publications.none')}</p>
      ) : (
        // The table scrolls on its own on a narrow screen (focusable, so it scrolls with the keyboard too).
        <section class="table-scroll" tabindex={0} aria-label={t('publications.editor.title')}>
          <DataTable
            caption={t('publications.editor.title')}
            columns={[
              t('publications.editor.titleLabel'),
              t('publications.kindLabel'),
              t('publications.year'),
              t('publications.editor.statusLabel'),
              t('publications.editor.actions'),
            ]}
          >
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/${locale}/editor/publications/${r.slug}/edit`} dir="auto">
                    {r.title}
                  </a>
                </td>
                <td>{t(`publications.kind.${r.kind}`)}</td>
                <td>{r.year}</td>
                <td>{t(`publications.editor.status.${r.status}`)}</td>
                <td>
                  <form method="post" action={`/${locale}/editor/publications/${r.slug}/status`} class="inline-form">
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="status" value={r.status === 'published' ? 'draft' : 'published'} />
                    <button type="submit" class="small-button">
                      {r.status === 'published' ? t('publications.editor.unpublish') : t('publications.editor.publish')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </>
  );
}
