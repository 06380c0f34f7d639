/** What a cell may hold. */
export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * First characters that make Excel, LibreOffice or Google Sheets read a cell
 * as a formula (OWASP "CSV Injection"): = + - @, tab and carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters that force RFC 4180 quoting. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field.
 *
 * - string: a value starting with = + - @ tab or CR gets a leading "'" so
 *   spreadsheets show it as text (formula-injection defence; the quote is
 *   inside the quotes when the field is quoted). Then, per RFC 4180, a field
 *   containing a comma, a double quote, CR or LF is wrapped in double quotes
 *   and each embedded quote doubled.
 * - number: written plainly (`String(n)`), never prefixed: a value typed as a
 *   number cannot carry a formula, so -0.25 stays -0.25 and stays numeric in
 *   the spreadsheet. The string "-0.25" IS prefixed — it could be anything.
 *   -0 is written "0". NaN and ±Infinity throw RangeError (a bug upstream).
 * - boolean: "true" / "false"; Date: ISO 8601 in UTC; null/undefined: empty.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`csvCell: cannot write ${value}`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
