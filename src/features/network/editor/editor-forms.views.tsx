import type { Child } from 'hono/jsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { SelectField, type SelectOption } from '../../../platform/ui/choice-fields.tsx';
import { EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../../platform/ui/components/language-tabs.tsx';
import { FileField } from '../../../platform/ui/file-field.tsx';
import { CsrfField, ErrorSummary, type FormErrors, RemoveButton, TextArea, TextField } from '../../../platform/ui/forms.tsx';
import { LIMITS } from '../network.forms.ts';
import { PAGE_PLACEMENTS, PAGE_STATUSES } from '../network.table.ts';

// The editors' forms: a page, a partner organisation, a regional network. Each saves the record's own
// fields and its texts in one language (the tabs switch language); what was typed comes back on error.

export type RecordKind = 'page' | 'partner' | 'region';

export type EditorFormProps = {
  i18n: I18n;
  csrfToken: string;
  kind: RecordKind;
  /** The record's address in the editor (null: a new one). */
  editPath: string | null;
  written: string[];
  values: Record<string, string>;
  errors: FormErrors;
  reserved?: boolean;
  regions?: string[];
  notice?: string;
  /** The values of an upload's refusal (sizes), for its message. */
  uploadValues?: Record<string, string | number>;
  /** Where the record's delete button posts (pages that are not reserved). */
  deleteAction?: string;
};

/** Errors are keys under `network.errors.`: the platform's fields look them up under `forms.errors.`. */
function withNetworkErrors(i18n: I18n, uploadValues: Record<string, string | number> = {}): I18n {
  const prefix = 'forms.errors.';
  return {
    ...i18n,
    t: (key, values) => {
      if (!key.startsWith(prefix)) return i18n.t(key, values);
      const rest = key.slice(prefix.length);
      // A refused logo says why in the uploads' own words (its key is whole: uploads.errors.…).
      return rest.startsWith('uploads.') ? i18n.t(rest, uploadValues) : i18n.t(`network.errors.${rest}`, values);
    },
  };
}

const TITLES: Record<RecordKind, [string, string]> = {
  page: ['network.editor.newPage', 'network.editor.editPage'],
  partner: ['network.editor.newPartner', 'network.editor.editPartner'],
  region: ['network.editor.newRegion', 'network.editor.editRegion'],
};

export function EditorFormPage(props: EditorFormProps) {
  const { kind, values, errors, editPath } = props;
  const i18n = withNetworkErrors(props.i18n, props.uploadValues);
  const { t, locale } = i18n;
  const f = (name: string) => `network.editor.fields.${name}`;
  const lang = values.lang ?? locale;
  const field = (name: string, max: number, extra: { required?: boolean; hint?: string; type?: 'email'; dir?: 'ltr' | 'auto' } = {}) => (
    <TextField
      i18n={i18n}
      name={name}
      label={t(f(name))}
      value={values[name] ?? ''}
      error={errors[name]}
      maxlength={max}
      required={extra.required}
      hint={extra.hint}
      type={extra.type}
      dir={extra.dir ?? 'auto'}
      lang={['title', 'name', 'logoAlt'].includes(name) ? lang : undefined}
    />
  );
  // The record's long text, in the language of the tab.
  const area = (name: string, rows: number, max: number, hint?: string) => (
    <TextArea
      i18n={i18n}
      name={name}
      label={t(f(name))}
      hint={hint}
      value={values[name] ?? ''}
      error={errors[name]}
      rows={rows}
      maxlength={max}
      dir="auto"
      lang={lang}
    />
  );
  const select = (name: string, options: SelectOption[], disabled = false) =>
    disabled ? null : (
      <SelectField i18n={i18n} name={name} label={t(f(name))} value={values[name] ?? ''} error={errors[name]} options={options} required />
    );
  const statuses = PAGE_STATUSES.map((s): SelectOption => [s, t(`network.editor.statuses.${s}`)]);
  const labels = Object.fromEntries(Object.keys(errors).map((k) => [k, t(f(k))]));
  let fields: Child;
  if (kind === 'page')
    fields = (
      <>
        {props.reserved ? (
          <p class="notice">{t('network.editor.reservedNote')}</p>
        ) : (
          field('slug', LIMITS.slug, { required: true, hint: t(f('slugHint')), dir: 'ltr' })
        )}
        {select('status', statuses, props.reserved)}
        {select(
          'placement',
          PAGE_PLACEMENTS.map((p) => [p, t(`network.editor.placements.${p}`)]),
        )}
        {field('position', 6, { hint: t(f('positionHint')), dir: 'ltr' })}
        {field('title', LIMITS.title, { required: true })}
        {area('body', 16, LIMITS.body, t(f('bodyHint')))}
      </>
    );
  else if (kind === 'partner')
    fields = (
      <>
        {field('slug', LIMITS.slug, { required: true, hint: t(f('slugHint')), dir: 'ltr' })}
        {select('status', statuses)}
        {field('position', 6, { hint: t(f('positionHint')), dir: 'ltr' })}
        {field('name', LIMITS.name, { required: true })}
        {area('description', 4, LIMITS.description)}
        {field('websiteUrl', LIMITS.url, { dir: 'ltr' })}
        <FileField
          i18n={i18n}
          name="logo"
          label={t(f('logo'))}
          hint={t(f('logoHint'))}
          error={errors.logo}
          accept="image/jpeg,image/png,image/webp"
        />
        {field('logoAlt', LIMITS.alt)}
        {field('contactName', LIMITS.name)}
        {field('contactEmail', 254, { type: 'email', hint: t(f('contactEmailHint')), dir: 'ltr' })}
      </>
    );
  else
    fields = (
      <>
        {select(
          'region',
          (props.regions ?? []).map((r) => [r, t(`common.regions.${r}`)]),
        )}
        {select('status', statuses)}
        {field('position', 6, { hint: t(f('positionHint')), dir: 'ltr' })}
        {field('name', LIMITS.name, { required: true })}
        {area('description', 6, LIMITS.description)}
        {field('coordinatorName', LIMITS.name)}
        {field('coordinatorEmail', 254, { type: 'email', hint: t(f('contactEmailHint')), dir: 'ltr' })}
      </>
    );
  const action = editPath ?? `/${locale}/editor/network/${kind === 'region' ? 'regions' : `${kind}s`}/new`;
  return (
    <>
      <EditorHeader
        title={t(TITLES[kind][editPath ? 1 : 0])}
        back={{ href: `/${locale}/editor/network`, label: t('network.editor.back') }}
        notice={props.notice}
        nav={
          editPath ? (
            <TextLanguageTabs
              i18n={i18n}
              label={t('network.editor.languages')}
              href={(l) => `${editPath}?lang=${l}`}
              current={lang}
              written={props.written}
              notWritten={t('network.editor.notWritten')}
            />
          ) : undefined
        }
      />
      <form
        method="post"
        action={`${action}?lang=${lang}`}
        class="stack"
        novalidate
        enctype={kind === 'partner' ? 'multipart/form-data' : undefined}
      >
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <CsrfField token={props.csrfToken} />
        <p>{t('network.editor.textLanguage', { language: i18n.languageName(lang) })}</p>
        <input type="hidden" name="lang" value={LOCALES.includes(lang as never) ? lang : locale} />
        {fields}
        <p>
          <button type="submit" class="button">
            {t('network.editor.save')}
          </button>
        </p>
      </form>
      {props.deleteAction ? (
        <RemoveButton
          action={props.deleteAction}
          name="confirm"
          value="yes"
          label={t(
            kind === 'page' ? 'network.editor.delete' : kind === 'partner' ? 'network.editor.deletePartner' : 'network.editor.deleteRegion',
          )}
          csrfToken={props.csrfToken}
        />
      ) : null}
    </>
  );
}
