import { imageSrcset, uploadUrl } from '../../core/uploads/uploads.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { CsrfField } from '../../platform/ui/forms.tsx';
import type { NewsFormErrors } from './news.forms.ts';
import type { NewsRecord } from './news.queries.ts';
import { NEWS_LIMITS } from './news.table.ts';
import { Field } from './news-field.views.tsx';

// An article's picture in the editor: a multipart form of its own beside the article's form (a file
// cannot be kept when a form comes back with errors), with the text alternative per language and the credit.

export function PictureSection(props: {
  i18n: I18n;
  record: NewsRecord;
  csrfToken: string;
  errors: NewsFormErrors;
  values: Record<string, string>;
}) {
  const { i18n, record, errors } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/editor/news/${record.slug}/picture`;
  const typed = Object.keys(props.values).length > 0;
  const value = (k: string) =>
    typed ? (props.values[k] ?? '') : k === 'credit' ? record.picture_credit : (record.picture_alt[k.slice(4)] ?? '');
  return (
    <section id="picture" aria-labelledby="picture-title">
      <h2 id="picture-title">{t('news.editor.picture')}</h2>
      {record.picture_sha256 ? (
        <img
          src={uploadUrl(record.picture_sha256, 'image', 'small')}
          srcset={imageSrcset(record.picture_sha256, record.picture_width ?? 0)}
          sizes="20rem"
          alt={record.picture_alt[locale] ?? Object.values(record.picture_alt)[0] ?? ''}
          width={record.picture_width || undefined}
          height={record.picture_height || undefined}
          class="news-editor-picture"
        />
      ) : (
        <p>{t('news.editor.noPicture')}</p>
      )}
      <form method="post" action={base} enctype="multipart/form-data" class="form">
        <CsrfField token={props.csrfToken} />
        <div class={errors.file ? 'field has-error' : 'field'}>
          <label for="field-file">{t('news.editor.pictureFile')}</label>
          {errors.file ? (
            <p class="field-error" id="field-file-error">
              {t(errors.file.key, errors.file.values)}
            </p>
          ) : null}
          <input
            type="file"
            id="field-file"
            name="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={errors.file ? 'field-file-error' : undefined}
          />
        </div>
        <p class="hint">{t('news.editor.altHint')}</p>
        {LOCALES.map((l) => (
          <Field
            i18n={i18n}
            name={`alt_${l}`}
            label={t('news.editor.altIn', { language: i18n.languageName(l) })}
            value={value(`alt_${l}`)}
            error={errors[`alt_${l}`]}
            maxlength={NEWS_LIMITS.alt}
            lang={l}
          />
        ))}
        <Field
          i18n={i18n}
          name="credit"
          label={t('news.credit')}
          value={value('credit')}
          error={errors.credit}
          maxlength={NEWS_LIMITS.credit}
        />
        <button type="submit" class="button">
          {t('news.editor.savePicture')}
        </button>
      </form>
      {record.picture_sha256 ? (
        <form method="post" action={`${base}/remove`}>
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button secondary">
            {t('news.editor.removePicture')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
