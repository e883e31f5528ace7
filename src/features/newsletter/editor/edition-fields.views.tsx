import type { Child } from 'hono/jsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { Edition } from '../editions/editions.service.ts';
import type { ItemSuggestion, SectionKind } from '../newsletter.model.ts';
import type { ItemLabel } from './edition-pages.service.ts';

// The fields of the editors' edition pages. Unlike platform/ui/forms.tsx, their errors arrive already in
// words: a problem of an edition carries values ("the Arabic text has no subject") that a key alone
// cannot. Same markup and ARIA pattern as the platform's fields, so the site's styles and checks apply.

/** Field → message, already translated. */
export type Messages = Record<string, string>;

/** A message key (`forms.errors.<key>`, or a whole key when it has a dot) with its values, in words. */
export function messageOf(i18n: I18n, key: string, values?: Record<string, string>): string {
  return i18n.t(key.includes('.') ? key : `forms.errors.${key}`, values);
}

function Frame(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  control: (aria: Record<string, string | undefined>) => Child;
}) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.control({ 'aria-invalid': props.error ? 'true' : undefined, 'aria-describedby': described || undefined })}
    </div>
  );
}

export type InputProps = {
  name: string;
  id?: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'date' | 'url';
  maxlength?: number;
  required?: boolean;
  /** The language of the text typed (an Arabic subject on an English page): its direction follows. */
  lang?: string;
  inputmode?: 'numeric';
};

export function Input(props: InputProps) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <Frame
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      control={(aria) => (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          maxlength={props.maxlength}
          required={props.required}
          lang={props.lang}
          dir={props.lang ? (props.lang === 'ar' ? 'rtl' : 'ltr') : undefined}
          inputmode={props.inputmode}
          {...aria}
        />
      )}
    />
  );
}

export function TextBox(props: Omit<InputProps, 'type' | 'inputmode'> & { rows?: number }) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <Frame
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      control={(aria) => (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 6}
          maxlength={props.maxlength}
          lang={props.lang}
          dir={props.lang ? (props.lang === 'ar' ? 'rtl' : 'ltr') : undefined}
          {...aria}
        >
          {props.value}
        </textarea>
      )}
    />
  );
}

/** Listed first on the page, focused on load, each entry linking to what it concerns (WCAG 3.3.1). */
export function ProblemSummary(props: { i18n: I18n; messages: Messages; anchors?: Record<string, string> }) {
  const entries = Object.entries(props.messages);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.i18n.t('forms.errorSummary', { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, message]) =>
          field === 'form' ? (
            <li>{message}</li>
          ) : (
            <li>
              <a href={props.anchors?.[field] ?? `#field-${field}`}>{message}</a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

/** A group of checkboxes in a fieldset `field-<name>`, with its message. */
export function Choices(props: {
  name: string;
  legend: string;
  hint?: string;
  options: Array<[string, string]>;
  selected: string[];
  error?: string;
}) {
  const id = `field-${props.name}`;
  return (
    <fieldset class={props.error ? 'choices has-error' : 'choices'} id={id}>
      <legend>{props.legend}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      {props.error ? <p class="field-error">{props.error}</p> : null}
      {props.options.map(([value, text]) => (
        <div class="field checkbox">
          <input type="checkbox" id={`${id}-${value}`} name={props.name} value={value} checked={props.selected.includes(value)} />
          <label for={`${id}-${value}`}>{text}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A choice from a list, with its label and message. */
export function Select(props: {
  name: string;
  id?: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  error?: string;
}) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <Frame
      id={id}
      label={props.label}
      error={props.error}
      control={(aria) => (
        <select id={id} name={props.name} {...aria}>
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

export type FormName = 'details' | 'text' | 'free' | 'testSend';

export type EditionPageProps = {
  i18n: I18n;
  csrfToken: string;
  edition: Edition;
  editable: boolean;
  /** The language of the text form. */
  lang: Locale;
  /** The form that was refused, with what was typed in it. */
  typed?: { form: FormName; values: Record<string, string | string[]> };
  errors: Messages;
  notice?: string;
  labels: Map<number, ItemLabel>;
  suggestions: Record<SectionKind, ItemSuggestion[]> | null;
  themes: Array<[string, string]>;
  regions: Array<[string, string]>;
};

/** What a field of `form` shows: what was typed when that form was refused, else the stored value. */
export function valueIn(props: Pick<EditionPageProps, 'typed'>, form: FormName, name: string, stored: string): string {
  if (props.typed?.form !== form) return stored;
  const v = props.typed.values[name];
  return typeof v === 'string' ? v : '';
}

export function listIn(props: Pick<EditionPageProps, 'typed'>, form: FormName, name: string, stored: string[]): string[] {
  if (props.typed?.form !== form) return stored;
  const v = props.typed.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
