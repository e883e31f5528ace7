import type { I18n } from '../../i18n/i18n.ts';
import { uploadUrl } from './uploads.service.ts';

/** The 413 page: what was wrong, how to make the file smaller, and the way back to the form. */
export function TooLargePage({ i18n, message, backHref }: { i18n: I18n; message: string; backHref: string }) {
  const { t } = i18n;
  return (
    <>
      <h1>{t('uploads.tooLargePage.title')}</h1>
      <p class="lead">{message}</p>
      <p>{t('uploads.tooLargePage.hint')}</p>
      <p>
        <a href={backHref}>{t('uploads.tooLargePage.back')}</a>
      </p>
    </>
  );
}

/** A file size in MB with one decimal, never shown as 0. */
export function megabytes(bytes: number): number {
  return Math.max(0.1, Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** PDF documents as a titled list of links with their size (practices, events, project ideas). */
export function DocumentList(props: { i18n: I18n; heading: string; documents: Array<{ sha256: string; title: string; bytes: number }> }) {
  if (!props.documents.length) return null;
  return (
    <section aria-labelledby="section-documents">
      <h2 id="section-documents">{props.heading}</h2>
      <ul>
        {props.documents.map((d) => (
          <li>
            <a href={uploadUrl(d.sha256, 'document')} dir="auto">
              {d.title}
            </a>{' '}
            {props.i18n.t('uploads.pdfSize', { size: megabytes(d.bytes) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
