import type { I18n } from '../../platform/i18n/i18n.ts';
import { TextArea, TextField } from '../../platform/ui/forms.tsx';

/**
 * A field whose message may carry values (the platform's fields take plain keys under forms.errors, or
 * a message already worded): a line, or with `rows` a multi-line field, written in either direction.
 */
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
  type?: 'date';
}) {
  const { error, rows, type, ...field } = props;
  const message = error ? props.i18n.t(error.key, error.values) : undefined;
  if (rows) return <TextArea {...field} message={message} rows={rows} dir="auto" />;
  return <TextField {...field} message={message} type={type} dir={type ? undefined : 'auto'} />;
}
