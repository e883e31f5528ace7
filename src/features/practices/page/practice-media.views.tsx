import { imageSrcset, uploadUrl } from '../../../core/uploads/uploads.service.ts';
import { DocumentList } from '../../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { PracticeDocument, PracticeImage } from '../practices.table.ts';

/** Pictures (with their text alternative) and PDF documents of a practice, for its page and preview. */
export function PracticeMedia({ i18n, documents, images }: { i18n: I18n; documents: PracticeDocument[]; images: PracticeImage[] }) {
  const { t } = i18n;
  return (
    <>
      {images.length ? (
        <section aria-labelledby="section-images" class="practice-images">
          <h2 id="section-images">{t('practiceWorkflow.files.images')}</h2>
          {images.map((img) => (
            <figure>
              <img
                src={uploadUrl(img.sha256, 'image', 'small')}
                srcset={imageSrcset(img.sha256, img.width)}
                sizes="(min-width: 48rem) 44rem, 100vw"
                alt={img.alt}
                width={img.width}
                height={img.height}
                loading="lazy"
                decoding="async"
              />
            </figure>
          ))}
        </section>
      ) : null}
      <DocumentList i18n={i18n} heading={t('practiceWorkflow.files.documents')} documents={documents} />
    </>
  );
}
