import type { I18n } from '../../platform/i18n/i18n.ts';
import { CsrfField, RemoveButton, TextField } from '../../platform/ui/forms.tsx';
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

/**
 * PDF documents as a titled list of links with their size (practices, events, project ideas): a section
 * of its own (level 2), or a sub-heading inside the caller's section (level 3).
 */
export function DocumentList(props: {
  i18n: I18n;
  heading: string;
  documents: Array<{ sha256: string; title: string; bytes: number }>;
  level?: 2 | 3;
}) {
  if (!props.documents.length) return null;
  const list = (
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
  );
  if (props.level === 3) {
    return (
      <>
        <h3>{props.heading}</h3>
        {list}
      </>
    );
  }
  return (
    <section aria-labelledby="section-documents">
      <h2 id="section-documents">{props.heading}</h2>
      {list}
    </section>
  );
}

/**
 * The editors' panel for a record's PDFs (events' documentation, project ideas): the list with a remove
 * button each, and an upload form that shows a refusal next to the file field and keeps the typed title.
 */
export function DocumentsPanel(props: {
  i18n: I18n;
  heading: string;
  documents: Array<{ uploadId: number; title: string }>;
  /** Posts `file` and `documentTitle` here (multipart); removals go to `${action}/remove` with `uploadId`. */
  action: string;
  csrfToken: string;
  error?: { message: string; title: string };
}) {
  const { i18n, error } = props;
  const { t } = i18n;
  return (
    <section class="panel" aria-labelledby="manage-documents">
      <h2 id="manage-documents">{props.heading}</h2>
      {props.documents.length ? (
        <ul>
          {props.documents.map((d) => (
            <li>
              <span dir="auto">{d.title}</span>
              <RemoveButton
                action={`${props.action}/remove`}
                name="uploadId"
                value={d.uploadId}
                label={t('uploads.documents.remove', { name: d.title })}
                csrfToken={props.csrfToken}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={props.action} enctype="multipart/form-data" class="upload-form">
        <CsrfField token={props.csrfToken} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for="field-file">{t('uploads.documents.file')}</label>
          {error ? (
            <p class="field-error" id="field-file-error">
              {error.message}
            </p>
          ) : null}
          <input
            type="file"
            id="field-file"
            name="file"
            accept="application/pdf,.pdf"
            aria-describedby={error ? 'field-file-error' : undefined}
          />
        </div>
        <TextField
          i18n={i18n}
          name="documentTitle"
          label={t('uploads.documents.title')}
          value={error?.title ?? ''}
          maxlength={200}
          dir="auto"
        />
        <button type="submit" class="button secondary">
          {t('uploads.documents.add')}
        </button>
      </form>
    </section>
  );
}
