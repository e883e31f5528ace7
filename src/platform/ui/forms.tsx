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

/** The form's CSRF token; none for an anonymous visitor's form on a cached page (an empty token, ADR 015). */
export function CsrfField({ token }: { token: string }) {
  if (!token) return null;
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/**
 * Listed first in the form, focused on load, each entry linking to its field (WCAG 3.3.1). `worded`
 * adds problems already in words (an upload's refusal, a message with values), after the others.
 */
export function ErrorSummary(props: {
  i18n: I18n;
  errors: FormErrors;
  labels: Record<string, string>;
  worded?: Array<[field: string, text: string]>;
}) {
  const { i18n, errors, labels, worded = [] } = props;
  const entries = Object.entries(errors);
  if (entries.length + worded.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{i18n.t('forms.errorSummary', { count: entries.length + worded.length })}</h2>
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
        {worded.map(([field, text]) => (
          <li>{field === 'form' ? text : <a href={`#field-${field}`}>{text}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/** A text field: its frame (FrameProps, without an id of its own) and its input. */
export type FieldProps = Omit<FrameProps, 'id'> & {
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'datetime-local';
  value?: string;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  dir?: 'auto' | 'ltr' | 'rtl';
  /** For text in a language other than the page's (a practice's German text on an English page). */
  lang?: string;
};

/** A field's error message, `<id>-error`, for the control's `aria-describedby` to name (`message`: already worded). */
export function FieldError({ i18n, id, error, message }: { i18n: I18n; id: string; error: string | undefined; message?: string }) {
  if (!error && !message) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {message ?? i18n.t(`forms.errors.${error}`)}
    </p>
  );
}

/** A field's hint, `<id>-hint`, for the control's `aria-describedby` to name. */
export function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  if (!hint) return null;
  return (
    <p class="hint" id={`${id}-hint`}>
      {hint}
    </p>
  );
}

/** What a control's `aria-describedby` names: a shared hint, its own hint, its error (the ids that exist). */
export function describedByOf(id: string, parts: { shared?: string; hint?: unknown; error?: unknown }): string | undefined {
  return [parts.shared, parts.hint ? `${id}-hint` : null, parts.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** What the frame of a field shows: its label, hint and error; `field-<name>` is its id unless given. */
export type FrameProps = {
  i18n: I18n;
  name: string;
  /** Several controls of one name (the rows of a list) need ids of their own. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  /** An error already worded (a message with values, an upload's refusal), shown instead of `error`'s. */
  message?: string;
  /** The id of a hint shared by several fields (shown once, before them). */
  describedBy?: string;
};

/** The attributes every control of a frame carries: its id and name first, what the frame says about it last. */
export type ControlAttributes = {
  names: { id: string; name: string };
  aria: { 'aria-invalid'?: 'true'; 'aria-describedby'?: string };
};

/**
 * The frame every field shares: label, hint and error above the control, and the control's
 * `aria-describedby` naming them (plus a hint shared by several fields, if given).
 */
export function FieldFrame(props: FrameProps & { control: (attributes: ControlAttributes) => Child }) {
  const id = props.id ?? `field-${props.name}`;
  const error = props.message ?? props.error;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldHint id={id} hint={props.hint} />
      <FieldError i18n={props.i18n} id={id} error={props.error} message={props.message} />
      {props.control({
        names: { id, name: props.name },
        aria: {
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby': describedByOf(id, { shared: props.describedBy, hint: props.hint, error }),
        },
      })}
    </div>
  );
}

export function TextField(props: FieldProps) {
  return (
    <FieldFrame
      {...props}
      control={({ names, aria }) => (
        <input
          {...names}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : props.value}
          autocomplete={props.autocomplete}
          required={props.required}
          maxlength={props.maxlength}
          dir={props.dir}
          lang={props.lang}
          {...aria}
        />
      )}
    />
  );
}

export type TextAreaProps = Omit<FieldProps, 'type' | 'autocomplete'> & { rows?: number };

/** A multi-line field with the same label, hint and error pattern as TextField. */
export function TextArea(props: TextAreaProps) {
  return (
    <FieldFrame
      {...props}
      control={({ names, aria }) => (
        <textarea
          {...names}
          rows={props.rows ?? 6}
          required={props.required}
          maxlength={props.maxlength}
          dir={props.dir}
          lang={props.lang}
          {...aria}
        >
          {props.value ?? ''}
        </textarea>
      )}
    />
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
