import type { I18n } from '../../platform/i18n/i18n.ts';
import { EMPTY_LANGUAGE_ROWS, EXPERT_LANGUAGE_CODES, type ProfileValues } from './expert-profile.forms.ts';
import { LANGUAGE_LEVELS } from './experts.table.ts';

// Small form parts of the member's profile form (expert-profile.views.tsx).

export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
export const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function Checkbox(props: { name: string; value: string; label: string; checked: boolean; id?: string; describedBy?: string }) {
  const id = props.id ?? `field-${props.name}-${props.value}`;
  return (
    <div class="field checkbox">
      <input type="checkbox" id={id} name={props.name} value={props.value} checked={props.checked} aria-describedby={props.describedBy} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

export function FieldError({ i18n, id, error }: { i18n: I18n; id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {i18n.t(`forms.errors.${error}`)}
    </p>
  );
}

/** A select with the shared label / error pattern (the form components have no select). */
export function SelectField(props: {
  i18n: I18n;
  id: string;
  name: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  error?: string;
  hint?: string;
}) {
  const describedBy =
    [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError i18n={props.i18n} id={props.id} error={props.error} />
      <select id={props.id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LanguageRows({ i18n, values, error }: { i18n: I18n; values: ProfileValues; error: string | undefined }) {
  const { t } = i18n;
  const collator = new Intl.Collator(i18n.locale);
  const codes = list(values.language);
  const levels = list(values.level);
  const filled = codes.map((code, i) => ({ code, level: levels[i] ?? '' })).filter((r) => r.code);
  const rows = [...filled, ...Array.from({ length: EMPTY_LANGUAGE_ROWS }, () => ({ code: '', level: '' }))];
  // Codes from elsewhere (an import) stay choosable, so saving the form never drops them.
  const offered = [...new Set<string>([...EXPERT_LANGUAGE_CODES, ...filled.map((r) => r.code)])]
    .map((code) => ({ value: code, label: i18n.languageName(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const levelOptions = LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`expertProfile.levels.${l}`) }));
  return (
    <fieldset class={error ? 'has-error' : undefined}>
      <legend>{t('expertProfile.languagesLegend')}</legend>
      <p class="hint">{t('expertProfile.languagesHint', { rows: EMPTY_LANGUAGE_ROWS })}</p>
      <FieldError i18n={i18n} id="field-languages" error={error} />
      {rows.map((row, i) => (
        <div class="field-row language-row">
          <SelectField
            i18n={i18n}
            id={i === 0 ? 'field-languages' : `field-language-${i + 1}`}
            name="language"
            label={t('expertProfile.languageN', { n: i + 1 })}
            value={row.code}
            options={[{ value: '', label: t('expertProfile.chooseLanguage') }, ...offered]}
          />
          <SelectField
            i18n={i18n}
            id={`field-level-${i + 1}`}
            name="level"
            label={t('expertProfile.levelN', { n: i + 1 })}
            value={row.level || 'working'}
            options={levelOptions}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** The form a member opts in with and edits their profile in. */
