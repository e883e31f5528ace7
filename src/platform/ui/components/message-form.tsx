import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormErrors, type FormValues, TextArea, TextField } from '../forms.tsx';

export type MessageFormProps = {
  /** An I18n whose form errors read the module's own messages (they name the lengths). */
  i18n: I18n;
  csrfToken: string;
  action: string;
  errors: FormErrors;
  values: FormValues;
  texts: { subject: string; message: string; hint: string; privacy: string; send: string };
  limits: { subjectMax: number; messageMax: number };
  /** Said before the fields, e.g. who will receive the message. */
  intro?: Child;
  /** More fields: `before` the subject (the office's form asks who writes, and to whom), `after` the message (consent), and their labels for the error summary. */
  fields?: { before?: Child; after?: Child; labels: Record<string, string> };
};

/** A message to a person through the platform (a practice's contact, an expert, the network office): subject and text. */
export function MessageForm(props: MessageFormProps) {
  const { i18n, errors, values, texts } = props;
  const labels = { ...props.fields?.labels, subject: texts.subject, message: texts.message };
  return (
    <form method="post" action={props.action} class="form contact-form" novalidate>
      <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
      <CsrfField token={props.csrfToken} />
      {props.intro ?? null}
      {props.fields?.before ?? null}
      <TextField
        i18n={i18n}
        name="subject"
        label={labels.subject}
        value={values.subject}
        error={errors.subject}
        maxlength={props.limits.subjectMax}
        dir="auto"
      />
      <TextArea
        i18n={i18n}
        name="message"
        label={labels.message}
        hint={texts.hint}
        value={values.message}
        error={errors.message}
        required
        maxlength={props.limits.messageMax}
        rows={8}
        dir="auto"
      />
      {props.fields?.after ?? null}
      <p class="hint">{texts.privacy}</p>
      <button type="submit" class="button">
        {texts.send}
      </button>
    </form>
  );
}
