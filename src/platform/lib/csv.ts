// CSV that spreadsheet programs open correctly: UTF-8 with a byte-order mark (Excel otherwise reads
// Arabic and accented names as mojibake), CRLF line ends, every field quoted, and cells that a
// spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start) neutralised with a
// leading apostrophe, so a participant named "=HYPERLINK(…)" stays text (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** A whole file: header row first; starts with the BOM. */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
