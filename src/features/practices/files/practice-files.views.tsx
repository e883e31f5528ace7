import type { Child } from 'hono/jsx';
import { uploadUrl } from '../../../core/uploads/uploads.service.ts';
import { megabytes } from '../../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CsrfField, TextArea } from '../../../platform/ui/forms.tsx';
import { MAX_DOCUMENTS, MAX_IMAGES } from '../record/practice-content.model.ts';
import type { Workspace } from '../workflow/practice-workflow.service.ts';
import type { FileError } from './practice-files.service.ts';

type FileKind = FileError['kind'];

export type PracticeFilesProps = {
  i18n: I18n;
  csrfToken: string;
  workspace: Workspace;
  /** The workspace's path: the forms post to `<base>/files/…`. */
  base: string;
  /** A refused upload: its message goes next to the form it came from, and the typed text stays. */
  fileError?: FileError | undefined;
};

/** What differs between the two kinds of file: texts, list style, accepted types and how many. */
const KINDS = {
  document: {
    heading: 'practiceWorkflow.files.documents',
    listClass: 'file-list',
    legend: 'practiceWorkflow.files.addDocument',
    fileLabel: 'practiceWorkflow.files.documentFile',
    accept: 'application/pdf,.pdf',
    max: MAX_DOCUMENTS,
  },
  image: {
    heading: 'practiceWorkflow.files.images',
    listClass: 'image-list',
    legend: 'practiceWorkflow.files.addImage',
    fileLabel: 'practiceWorkflow.files.imageFile',
    accept: 'image/jpeg,image/png,image/webp',
    max: MAX_IMAGES,
  },
} as const;

function FileErrorMessage({ i18n, error, kind }: { i18n: I18n; error?: FileError | undefined; kind: FileKind }) {
  if (!error || error.kind !== kind) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby={`file-error-${kind}`}>
      <h4 id={`file-error-${kind}`}>{i18n.t('practiceWorkflow.files.errorTitle')}</h4>
      <p>{i18n.t(error.error, error.values)}</p>
    </div>
  );
}

function RemoveButton(props: Pick<PracticeFilesProps, 'i18n' | 'csrfToken' | 'base'> & { uploadId: number; kind: FileKind }) {
  const { i18n, csrfToken, base, uploadId, kind } = props;
  return (
    <form method="post" action={`${base}/files/remove`} class="inline-form">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="uploadId" value={String(uploadId)} />
      <input type="hidden" name="kind" value={kind} />
      <button type="submit" class="button secondary small-button">
        {i18n.t('practiceWorkflow.files.remove')}
      </button>
    </form>
  );
}

/** One kind's files (`items`: each list entry's content), then its upload form while there is room. */
function FileKindSection(props: PracticeFilesProps & { kind: FileKind; items: Child[]; textField: Child }) {
  const { i18n, csrfToken, workspace, base, fileError, kind } = props;
  const { t } = i18n;
  const k = KINDS[kind];
  return (
    <>
      <h3>{t(k.heading)}</h3>
      {props.items.length ? (
        <ul class={k.listClass}>
          {props.items.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      ) : (
        <p>{t('practiceWorkflow.files.none')}</p>
      )}
      {workspace.editable && props.items.length < k.max ? (
        <form method="post" action={`${base}/files/${kind}`} enctype="multipart/form-data" class="form upload-form">
          <FileErrorMessage i18n={i18n} error={fileError} kind={kind} />
          <CsrfField token={csrfToken} />
          <fieldset>
            <legend>{t(k.legend)}</legend>
            <div class="field">
              <label for={`field-${kind}`}>{t(k.fileLabel)}</label>
              <input type="file" id={`field-${kind}`} name="file" accept={k.accept} />
            </div>
            {props.textField}
            <button type="submit" class="button">
              {t('practiceWorkflow.files.upload')}
            </button>
          </fieldset>
        </form>
      ) : workspace.editable ? (
        <p>{t('practiceWorkflow.files.limitReached', { count: k.max })}</p>
      ) : null}
    </>
  );
}

/** A practice's documents and pictures in its workspace, with their upload forms while it is editable. */
export function PracticeFiles(props: PracticeFilesProps) {
  const { i18n, workspace, fileError } = props;
  const { t } = i18n;
  const typed = (kind: FileKind) => (fileError?.kind === kind ? fileError.text : undefined);
  const remove = (uploadId: number, kind: FileKind) =>
    workspace.editable ? <RemoveButton i18n={i18n} csrfToken={props.csrfToken} base={props.base} uploadId={uploadId} kind={kind} /> : null;
  const { documents, images } = workspace.content;
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">{t('practiceWorkflow.files.title')}</h2>
      <FileKindSection
        {...props}
        kind="document"
        items={documents.map((d) => (
          <>
            <a href={uploadUrl(d.sha256, 'document')} dir="auto">
              {d.title}
            </a>{' '}
            {t('practiceWorkflow.files.pdfSize', { size: megabytes(d.bytes) })} {remove(d.uploadId, 'document')}
          </>
        ))}
        textField={
          <div class="field">
            <label for="field-document-title">{t('practiceWorkflow.files.documentTitle')}</label>
            <input type="text" id="field-document-title" name="title" maxlength={200} dir="auto" value={typed('document')} />
          </div>
        }
      />
      <FileKindSection
        {...props}
        kind="image"
        items={images.map((img) => (
          <>
            <img src={uploadUrl(img.sha256, 'image', 'small')} alt={img.alt} width={Math.min(img.width, 320)} loading="lazy" />{' '}
            {remove(img.uploadId, 'image')}
          </>
        ))}
        textField={
          <TextArea
            i18n={i18n}
            name="alt"
            label={t('practiceWorkflow.files.imageAlt')}
            hint={t('practiceWorkflow.files.imageAltHint')}
            value={typed('image')}
            rows={2}
            maxlength={500}
            dir="auto"
          />
        }
      />
    </section>
  );
}
