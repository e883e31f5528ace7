import { imageSrcset, uploadUrl } from '../../../core/uploads/uploads.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CsrfField, TextArea } from '../../../platform/ui/forms.tsx';
import type { PhotoError } from './expert-photo.service.ts';
import { PHOTO_ALT_MAX } from './expert-profile.forms.ts';
import type { ExpertProfile } from './expert-profile.model.ts';

// The profile photo part of the member's profile form: upload with its text alternative, change the
// text alone, remove. Separate forms (multipart) beside the profile form, so no typed text is lost.

export function PhotoSection({
  i18n,
  csrfToken,
  profile,
  error,
}: {
  i18n: I18n;
  csrfToken: string;
  profile: ExpertProfile;
  error?: PhotoError;
}) {
  const { t, locale } = i18n;
  const photo = profile.photo;
  const base = `/${locale}/my/expert-profile/photo`;
  const alt = error ? error.alt : (photo?.alt ?? '');
  return (
    <section id="photo" aria-labelledby="photo-title" class="expert-photo-section">
      <h2 id="photo-title">{t('expertProfile.photoTitle')}</h2>
      {photo ? (
        <figure class="expert-photo">
          <img
            src={uploadUrl(photo.sha256, 'image', 'small')}
            srcset={imageSrcset(photo.sha256, photo.width)}
            sizes="12rem"
            alt={photo.alt}
            width={photo.width || undefined}
            height={photo.height || undefined}
          />
        </figure>
      ) : (
        <p>{t('expertProfile.photoNone')}</p>
      )}
      <form method="post" action={base} enctype="multipart/form-data" class="form upload-form">
        {error ? (
          <p class="field-error" role="alert" id="field-photo-error">
            {i18n.t(error.error, error.values)}
          </p>
        ) : null}
        <CsrfField token={csrfToken} />
        <fieldset>
          <legend>{photo ? t('expertProfile.photoReplace') : t('expertProfile.photoAdd')}</legend>
          <div class="field">
            <label for="field-photo">{t('expertProfile.photoFile')}</label>
            <p class="hint" id="field-photo-hint">
              {photo ? t('expertProfile.photoFileHintReplace') : t('expertProfile.photoFileHint')}
            </p>
            <input
              type="file"
              id="field-photo"
              name="file"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby={error ? 'field-photo-hint field-photo-error' : 'field-photo-hint'}
            />
          </div>
          <TextArea
            i18n={i18n}
            name="alt"
            label={t('expertProfile.photoAlt')}
            hint={t('expertProfile.photoAltHint')}
            value={alt}
            rows={2}
            maxlength={PHOTO_ALT_MAX}
            dir="auto"
          />
          <button type="submit" class="button">
            {photo ? t('expertProfile.photoSave') : t('expertProfile.photoUpload')}
          </button>
        </fieldset>
      </form>
      {photo ? (
        <form method="post" action={`${base}/remove`} class="inline-form">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button secondary">
            {t('expertProfile.photoRemove')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
