import type { I18n } from '../../../platform/i18n/i18n.ts';
import { EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { EditionView } from '../render/edition.views.tsx';
import type { RenderedEdition } from '../render/edition-render.service.ts';

// The editors' preview of an edition: the web version in one of its languages inside the site's page,
// with links to every language as web page, as the e-mail (its own document, as a mail program shows
// it) and as the e-mail's plain-text part.

export function EditionPreviewPage(props: {
  i18n: I18n;
  number: number;
  locales: string[];
  lang: string | null;
  /** The edition in `lang`, as a reader of that language sees it (its own i18n for the section names). */
  preview: { i18n: I18n; edition: RenderedEdition } | null;
  message?: string;
}) {
  const { i18n, number } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/newsletter/${number}`;
  return (
    <>
      <EditorHeader
        title={t('newsletterEditor.previewTitle', { number })}
        back={{ href: base, label: t('newsletterEditor.numbered', { number }) }}
      />
      {props.message ? (
        <p class="notice" role="alert">
          {props.message}
        </p>
      ) : null}
      {props.locales.length ? (
        <nav class="sub-nav" aria-label={t('newsletterEditor.previewLanguages')}>
          <ul>
            {props.locales.map((l) => (
              <li>
                <a href={`${base}/preview?lang=${l}&as=web`} aria-current={l === props.lang ? 'page' : undefined}>
                  {i18n.languageName(l)}
                </a>{' '}
                (<a href={`${base}/preview?lang=${l}&as=mail`}>{t('newsletterEditor.asMail')}</a>,{' '}
                <a href={`${base}/preview?lang=${l}&as=text`}>{t('newsletterEditor.asText')}</a>)
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {props.preview ? (
        <div class="edition-preview" lang={props.preview.i18n.locale} dir={props.preview.i18n.dir}>
          <EditionView i18n={props.preview.i18n} edition={props.preview.edition} headingLevel={2} />
        </div>
      ) : null}
    </>
  );
}
