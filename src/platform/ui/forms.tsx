import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import { CSRF_FIELD } from '../http/middleware/csrf.ts';
import type { I18n } from '../i18n/i18n.ts';

/** Field name → message key under `forms.errors.` (the view translates it). */
export type FormErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FormErrors; values: FormValues };

/**
 * Validates a submitted form with its zod schema. Schemas use message keys ('required', 'email', …) as
 * their messages. On failure the typed values come back (passwords excepted) so nothing is lost.
 */
export function parseForm<T>(schema: z.ZodType<T>, body: Record<string, unknown>): Parsed<T> {
  const result = schema.safeParse(cleanFormBody(body));
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: formErrors(result.error), values: keepTyped(body) };
}

/**
 * Form text as the database can store it: NUL characters removed (PostgreSQL refuses them in text and
 * JSON, and no keyboard types them) and line breaks as "\n" (browsers send CRLF).
 */
export function cleanFormText(value: string): string {
  return value.replaceAll('\u0000', '').replace(/\r\n?/g, '\n');
}

/** cleanFormText over every string (and list of strings) of a parsed body; files pass unchanged. */
export function cleanFormBody(body: Record<string, unknown>): Record<string, unknown> {
  const clean = (v: unknown) => (typeof v === 'string' ? cleanFormText(v) : v);
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.map(clean) : clean(v)]));
}

/** One message key per field (the first problem), from a failed zod parse. */
export function formErrors(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return errors;
}

/** What to put back into a re-shown form: strings only, never a password. */
export function keepTyped(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && !/password/i.test(key) && key !== CSRF_FIELD) values[key] = value.slice(0, 5000);
  }
  return values;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** Listed first in the form, focused on load, each entry linking to its field (WCAG 3.3.1). */
export function ErrorSummary({ i18n, errors, labels }: { i18n: I18n; errors: FormErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{i18n.t('forms.errorSummary', { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li>
            {field === 'form' ? (
              i18n.t(`forms.errors.${key}`)
            ) : (
              <a href={`#field-${field}`}>
                {labels[field] ? `${labels[field]}: ` : ''}
                {i18n.t(`forms.errors.${key}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export type FieldProps = {
  i18n: I18n;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'datetime-local';
  value?: string;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  dir?: 'auto' | 'ltr' | 'rtl';
  /** For text in a language other than the page's (a practice's German text on an English page). */
  lang?: string;
  /** The id of a hint shared by several fields (shown once, before them). */
  describedBy?: string;
};

/**
 * The frame every field shares: label, hint and error above the control, and the control's
 * `aria-describedby` naming them (plus a hint shared by several fields, if given).
 */
function FieldFrame(props: {
  i18n: I18n;
  id: string;
  label: string;
  hint?: string;
  error?: string;
  sharedHint?: string;
  control: (describedBy: string | undefined) => Child;
}) {
  const { id } = props;
  const describedBy =
    [props.sharedHint, props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
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
          {props.i18n.t(`forms.errors.${props.error}`)}
        </p>
      ) : null}
      {props.control(describedBy)}
    </div>
  );
}

export function TextField(props: FieldProps) {
  const id = `field-${props.name}`;
  return (
    <FieldFrame
      i18n={props.i18n}
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      sharedHint={props.describedBy}
      control={(describedBy) => (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : props.value}
          autocomplete={props.autocomplete}
          required={props.required}
          maxlength={props.maxlength}
          dir={props.dir}
          lang={props.lang}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    />
  );
}

export type TextAreaProps = Omit<FieldProps, 'type' | 'autocomplete'> & { rows?: number };

/** A multi-line field with the same label, hint and error pattern as TextField. */
export function TextArea(props: TextAreaProps) {
  const id = `field-${props.name}`;
  return (
    <FieldFrame
      i18n={props.i18n}
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      control={(describedBy) => (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 6}
          required={props.required}
          maxlength={props.maxlength}
          dir={props.dir}
          lang={props.lang}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {props.value ?? ''}
        </textarea>
      )}
    />
  );
}

/** A required choice of country, with the same label, error and ARIA pattern as TextField. */
export function CountrySelect(props: {
  i18n: I18n;
  label: string;
  placeholder: string;
  countries: Array<{ code: string; name: string }>;
  value: string;
  error?: string;
  /** Drafts may leave it empty (default: required). */
  required?: boolean;
}) {
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for="field-country">{props.label}</label>
      {props.error ? (
        <p class="field-error" id="field-country-error">
          {props.i18n.t(`forms.errors.${props.error}`)}
        </p>
      ) : null}
      <select
        id="field-country"
        name="country"
        required={props.required ?? true}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? 'field-country-error' : undefined}
      >
        <option value="">{props.placeholder}</option>
        {props.countries.map((c) => (
          <option value={c.code} selected={props.value === c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A choice from a list, with the same label, error and ARIA pattern as TextField. */
export function SelectField(props: {
  i18n: I18n;
  name: string;
  label: string;
  value: string;
  options: Array<[value: string, text: string]>;
  error?: string;
  hint?: string;
  /** The option for "none" (value ''), listed first. */
  empty?: string;
}) {
  const id = `field-${props.name}`;
  return (
    <FieldFrame
      i18n={props.i18n}
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      control={(describedBy) => (
        <select id={id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
          {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
          {props.options.map(([value, text]) => (
            <option value={value} selected={props.value === value}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Several choices as checkboxes in a fieldset (themes, topics, languages), with an error for the group. */
export function CheckboxGroup(props: {
  i18n: I18n;
  name: string;
  legend: string;
  options: Array<[value: string, text: string]>;
  selected: string[];
  error?: string;
}) {
  return (
    <fieldset class={props.error ? 'choices has-error' : 'choices'} id={`field-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.error ? <p class="field-error">{props.i18n.t(`forms.errors.${props.error}`)}</p> : null}
      {props.options.map(([value, text]) => (
        <div class="field checkbox">
          <input
            type="checkbox"
            id={`field-${props.name}-${value}`}
            name={props.name}
            value={value}
            checked={props.selected.includes(value)}
          />
          <label for={`field-${props.name}-${value}`}>{text}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A one-button form that removes an item (a document, an expert, a workshop) by posting its id. */
export function RemoveButton(props: { action: string; name: string; value: string | number; label: string; csrfToken: string }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name={props.name} value={String(props.value)} />
      <button type="submit" class="link-button">
        {props.label}
      </button>
    </form>
  );
}
