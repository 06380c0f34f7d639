import { csvCell, type CsvValue } from "./csv-cell";

/** One column: its header and how to read its cell from a row. */
export type CsvColumn<T> = { header: string; value: (row: T) => CsvValue };

/** The UTF-8 byte order mark; Excel needs it to read UTF-8 (names such as "Łukasz") correctly. */
export const UTF8_BOM = "\uFEFF";

/**
 * An RFC 4180 document: a header row from the column headers, then one
 * record per row, fields separated by "," and every record — the last one
 * included — ended by CRLF. Headers go through `csvCell` like any string.
 * With `bom: true` the text starts with U+FEFF for Excel.
 */
export function writeCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], options: { bom?: boolean } = {}): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(","));
  return (options.bom ? UTF8_BOM : "") + lines.map((l) => `${l}\r\n`).join("");
}
