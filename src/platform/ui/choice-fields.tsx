import type { Child } from 'hono/jsx';
import type { I18n } from '../i18n/i18n.ts';
import { ISO_639_1, WORKING_LANGUAGES } from '../i18n/language-codes.ts';
import { describedByOf, FieldError, FieldFrame, FieldHint, type FrameProps } from './forms.tsx';

// Choices: from a list (a select, the country), one checkbox (or radio), a group of them, and the
// theme/topic picker every form that classifies something by theme and topic shares (practices,
// experts, events, project ideas, matching).

/** An option of a select: its value, its text and, for a name in its own language, that language. */
export type SelectOption = [value: string, text: string, lang?: string];

/** A choice from a list, with the same label, hint, error and ARIA pattern as TextField. */
export function SelectField(
  props: FrameProps & {
    value: string;
    options: SelectOption[];
    /** The option for "none" (value ''), listed first. */
    empty?: string;
    required?: boolean;
  },
) {
  return (
    <FieldFrame
      {...props}
      control={({ names, aria }) => (
        <select {...names} required={props.required} {...aria}>
          {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
          {props.options.map(([value, text, lang]) => (
            <option value={value} lang={lang} selected={props.value === value}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A choice of country (required unless said otherwise): a SelectField named `country`. */
export function CountrySelect(props: {
  i18n: I18n;
  label: string;
  placeholder: string;
  countries: Array<{ code: string; name: string }>;
  value: string;
  error?: string;
  hint?: string;
  /** Drafts may leave it empty (default: required). */
  required?: boolean;
}) {
  return (
    <SelectField
      i18n={props.i18n}
      name="country"
      label={props.label}
      hint={props.hint}
      value={props.value}
      error={props.error}
      empty={props.placeholder}
      options={props.countries.map((c) => [c.code, c.name])}
      required={props.required ?? true}
    />
  );
}

/**
 * One checkbox or radio with its label after it: `field-<name>-<value>` unless an id is given (a single
 * checkbox takes `field-<name>`, so the error summary's link reaches it). Its error comes first, its hint
 * last; `describedBy` names a hint outside it.
 */
export function Checkbox(props: {
  i18n: I18n;
  name: string;
  value: string;
  label: Child;
  checked: boolean;
  id?: string;
  type?: 'checkbox' | 'radio';
  hint?: string;
  error?: string;
  describedBy?: string;
  required?: boolean;
}) {
  const id = props.id ?? `field-${props.name}-${props.value}`;
  return (
    <div class={props.error ? 'field checkbox has-error' : 'field checkbox'}>
      <FieldError i18n={props.i18n} id={id} error={props.error} />
      <input
        type={props.type ?? 'checkbox'}
        id={id}
        name={props.name}
        value={props.value}
        required={props.required}
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedByOf(id, { shared: props.describedBy, hint: props.hint, error: props.error })}
      />
      <label for={id}>{props.label}</label>
      <FieldHint id={id} hint={props.hint} />
    </div>
  );
}

/** Several choices (checkboxes, or radios for one of them) in a fieldset `field-<name>`, with a hint and an error for the group. */
export function CheckboxGroup(props: {
  i18n: I18n;
  name: string;
  legend: string;
  options: Array<[value: string, text: string]>;
  selected: string[];
  error?: string;
  hint?: string;
  type?: 'checkbox' | 'radio';
  /** A class besides `choices` (a layout of its own, like the SDGs'). */
  class?: string;
}) {
  const id = `field-${props.name}`;
  return (
    <fieldset class={['choices', props.class, props.error ? 'has-error' : null].filter(Boolean).join(' ')} id={id}>
      <legend>{props.legend}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <FieldError i18n={props.i18n} id={id} error={props.error} />
      {props.options.map(([value, text]) => (
        <Checkbox
          i18n={props.i18n}
          type={props.type}
          name={props.name}
          value={value}
          label={text}
          checked={props.selected.includes(value)}
        />
      ))}
    </fieldset>
  );
}

/**
 * Languages to tick, named in the reader's language (Intl.DisplayNames) and in its alphabetical order:
 * the platform's working languages, and any other ISO 639-1 code already chosen, so nothing stored is
 * lost on saving. The values are the codes, as stored.
 */
export function LanguageChoices(props: { i18n: I18n; name: string; legend: string; selected: string[]; error?: string; hint?: string }) {
  const { i18n } = props;
  const codes = [...new Set([...WORKING_LANGUAGES, ...props.selected.filter((c) => ISO_639_1.has(c))])];
  const options = codes
    .map((code): [string, string] => [code, i18n.languageName(code)])
    .sort((a, b) => a[1].localeCompare(b[1], i18n.locale));
  return <CheckboxGroup {...props} options={options} class="language-choices" />;
}

/** A theme with its topics, labelled in the reader's language (the taxonomy's ThemeWithTopics). */
export type ThemeChoice = { slug: string; label: string; topics: Array<{ slug: string; label: string }> };

/** One field of the picker: its name, what is chosen, its error. */
type PickerField = { name: string; selected: string[]; error?: string };

/**
 * Themes and topics: a fieldset per theme with its topics as checkboxes and, where a whole theme can be
 * chosen, a checkbox for it first (labelled by `theme.label`). With a legend the themes sit in one
 * fieldset `field-<theme name>` with a hint and the errors; without, they stand alone (a panel of filters).
 */
export function ThemeTopicPicker(props: {
  i18n: I18n;
  themes: ThemeChoice[];
  topic: PickerField;
  theme?: PickerField & { label: (theme: string) => string };
  legend?: string;
  hint?: string;
}) {
  const { i18n, topic, theme } = props;
  const groups = props.themes.map((th) => (
    <fieldset class="choices">
      <legend>{th.label}</legend>
      {theme ? (
        <Checkbox i18n={i18n} name={theme.name} value={th.slug} label={theme.label(th.label)} checked={theme.selected.includes(th.slug)} />
      ) : null}
      {th.topics.map((tp) => (
        <Checkbox i18n={i18n} name={topic.name} value={tp.slug} label={tp.label} checked={topic.selected.includes(tp.slug)} />
      ))}
    </fieldset>
  ));
  if (!props.legend) return <>{groups}</>;
  const id = `field-${theme?.name ?? topic.name}`;
  return (
    <fieldset id={id} class={theme?.error || topic.error ? 'has-error' : undefined}>
      <legend>{props.legend}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <FieldError i18n={i18n} id={id} error={theme?.error} />
      {theme && topic.error ? (
        // The error summary links to `#field-<topic name>`: the message itself, since no one control holds the topics.
        <p class="field-error" id={`field-${topic.name}`}>
          {i18n.t(`forms.errors.${topic.error}`)}
        </p>
      ) : (
        <FieldError i18n={i18n} id={id} error={topic.error} />
      )}
      {groups}
    </fieldset>
  );
}
