import { type Options, stringify } from 'csv-stringify/sync';

// CSV that spreadsheet programs open correctly: UTF-8 with a byte-order mark (Excel otherwise reads
// Arabic and accented names as mojibake), CRLF line ends, every field quoted, and cells that a
// spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start) neutralised with a
// leading apostrophe, so a participant named "=HYPERLINK(…)" stays text (OWASP "CSV injection").
// Quoting and escaping are csv-stringify's (RFC 4180); only the guard is ours.

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

const OPTIONS: Options = {
  quoted: true,
  quoted_empty: true,
  record_delimiter: 'windows',
  cast: {
    // Only text can carry a formula: numbers we write ourselves (a negative one too) stay numbers.
    string: (value) => (FORMULA_START.test(value) ? `'${value}` : value),
    boolean: (value) => String(value),
  },
};

/** One field as it appears in the file. */
export function csvCell(value: CsvValue): string {
  return stringify([[value ?? '']], OPTIONS).replace(/\r\n$/, '');
}

/** A whole file: header row first; starts with the BOM. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return stringify(
    [header, ...rows].map((row) => row.map((value) => value ?? '')),
    { ...OPTIONS, bom: true },
  );
}
