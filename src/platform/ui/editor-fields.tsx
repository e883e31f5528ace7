import type { Child } from 'hono/jsx';
import type { I18n } from '../i18n/i18n.ts';
import { directionOf, type Locale } from '../i18n/locales.ts';
import { CheckboxGroup, SelectField, type SelectOption } from './choice-fields.tsx';
import { type FieldProps, type FormErrors, TextArea, type TextAreaProps, TextField } from './forms.tsx';

// What the editors' forms (publications, videos, project ideas, events, network pages) share: fields
// bound to one form's typed values, errors and labels, one language's texts, the themes and regions a
// piece is about, and draft or published.

/** One form's state: what was typed (or stored), the errors by field and the labels by field. */
export type BoundForm = { i18n: I18n; values: Record<string, string>; errors: FormErrors; labels: Record<string, string> };

type Extra<P> = Partial<Omit<P, 'i18n' | 'name'>>;

/** Fields of one form, each named once: its label, value and error come from the form's state by name. */
export function boundFields({ i18n, values, errors, labels }: BoundForm) {
  const v = (name: string) => values[name] ?? '';
  const frame = (name: string) => ({ i18n, name, label: labels[name] ?? name, value: v(name), error: errors[name] });
  return {
    v,
    text: (name: string, extra: Extra<FieldProps> = {}) => <TextField {...frame(name)} {...extra} />,
    area: (name: string, extra: Extra<TextAreaProps> = {}) => <TextArea {...frame(name)} {...extra} />,
    select: (
      name: string,
      options: SelectOption[],
      extra: { label?: string; hint?: string; empty?: string; value?: string; required?: boolean } = {},
    ) => <SelectField {...frame(name)} options={options} {...extra} />,
  };
}

export type BoundFields = ReturnType<typeof boundFields>;

/** A text of the language being written: a line, or with `rows` a multi-line field. */
export type LanguageText = { name: string; rows?: number; maxlength?: number; hint?: string; required?: boolean };

/**
 * The texts in one language (the tab's): a fieldset whose fields carry that language and its writing
 * direction, so an Arabic text is typed right to left on an English page. `children` follow the texts.
 */
export function TextsInLanguage(props: { legend: string; lang: Locale; fields: BoundFields; texts: LanguageText[]; children?: Child }) {
  const { lang, fields } = props;
  const dir = directionOf(lang);
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.texts.map(({ name, ...text }) =>
        text.rows ? fields.area(name, { ...text, dir, lang }) : fields.text(name, { ...text, dir, lang }),
      )}
      {props.children}
    </fieldset>
  );
}

/** The themes and the regions a piece (a publication, a video) is about: a group of checkboxes each. */
export function ThemeAndRegionChoices(props: {
  i18n: I18n;
  legends: { themes: string; regions: string };
  themes: Array<{ slug: string; label: string }>;
  regions: string[];
  selected: { themes: string[]; regions: string[] };
  errors: FormErrors;
}) {
  const { i18n, errors } = props;
  return (
    <>
      <CheckboxGroup
        i18n={i18n}
        name="themes"
        legend={props.legends.themes}
        options={props.themes.map((th) => [th.slug, th.label])}
        selected={props.selected.themes}
        error={errors.themes}
      />
      <CheckboxGroup
        i18n={i18n}
        name="regions"
        legend={props.legends.regions}
        options={props.regions.map((r) => [r, i18n.t(`common.regions.${r}`)])}
        selected={props.selected.regions}
        error={errors.regions}
      />
    </>
  );
}

export const PUBLISH_STATUSES = ['draft', 'published'] as const;

/** Draft or published (draft until chosen): `status`, each choice worded by the module. */
export function PublishStatusSelect(props: {
  i18n: I18n;
  label: string;
  value: string;
  text: (status: (typeof PUBLISH_STATUSES)[number]) => string;
}) {
  return (
    <SelectField
      i18n={props.i18n}
      name="status"
      label={props.label}
      value={props.value || 'draft'}
      options={PUBLISH_STATUSES.map((s) => [s, props.text(s)])}
    />
  );
}
