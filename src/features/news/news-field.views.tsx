import type { I18n } from '../../platform/i18n/i18n.ts';

/** A field whose message may carry values (the platform's frames take plain keys under forms.errors). */
export function Field(props: {
  i18n: I18n;
  name: string;
  label: string;
  hint?: string;
  error?: { key: string; values?: Record<string, string> };
  value: string;
  rows?: number;
  maxlength?: number;
  lang?: string;
  type?: string;
}) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    maxlength: props.maxlength,
    'aria-describedby': described,
    'aria-invalid': props.error ? ('true' as const) : undefined,
  };
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.i18n.t(props.error.key, props.error.values)}
        </p>
      ) : null}
      {props.rows ? (
        <textarea {...common} rows={props.rows} dir="auto" lang={props.lang}>
          {props.value}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value} dir={props.type ? undefined : 'auto'} lang={props.lang} />
      )}
    </div>
  );
}
