import type { I18n } from '../../platform/i18n/i18n.ts';

// Form parts the platform kit has no twin of (a checkbox on its own, a select with an id of its own),
// shared by the profile form and the matching form.

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
