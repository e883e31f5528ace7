import type { I18n } from '../../platform/i18n/i18n.ts';
import { CheckboxGroup, type FormErrors } from '../../platform/ui/forms.tsx';
import type { ThemeWithTopics } from './taxonomy.service.ts';

/** Themes and topics as two groups of checkboxes (fields `themes` and `topics`); each topic names its theme. */
export function ThemeTopicChoices(props: {
  i18n: I18n;
  taxonomy: ThemeWithTopics[];
  themes: string[];
  topics: string[];
  errors: FormErrors;
  labels: { themes: string; topics: string };
}) {
  const { i18n, taxonomy, errors } = props;
  return (
    <>
      <CheckboxGroup
        i18n={i18n}
        name="themes"
        legend={props.labels.themes}
        options={taxonomy.map((th) => [th.slug, th.label])}
        selected={props.themes}
        error={errors.themes}
      />
      <CheckboxGroup
        i18n={i18n}
        name="topics"
        legend={props.labels.topics}
        options={taxonomy.flatMap((th) => th.topics.map((tp): [string, string] => [tp.slug, `${tp.label} (${th.label})`]))}
        selected={props.topics}
        error={errors.topics}
      />
    </>
  );
}
