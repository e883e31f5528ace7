import { z } from 'zod';

/**
 * A one-line field's text: line breaks, tabs and every other control character become a space and runs
 * of white space one space. A name or title is shown in mail subjects, headers and the audit log, where
 * a line break would start a new header or a forged log line. Format characters (U+200F, the
 * right-to-left mark Arabic text may need) are kept.
 */
export function cleanLine(value: string): string {
  return value.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

/**
 * A form's one-line text field, cleaned by cleanLine: empty when absent; `required` refuses empty.
 * Messages are keys under `forms.errors.` ('required', 'tooLong') unless the section names its own.
 */
export function lineField(max: number, options: { required?: boolean; tooLong?: string } = {}) {
  const tooLong = options.tooLong ?? 'tooLong';
  return z.preprocess(
    (value) => (typeof value === 'string' ? cleanLine(value) : ''),
    options.required ? z.string().min(1, 'required').max(max, tooLong) : z.string().max(max, tooLong),
  );
}
