/** Insights tables as CSV (RFC 4180: header row, CRLF, fields quoted when they hold a comma, quote or line break). */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  const line = (values: unknown[]) => values.map(csvField).join(',');
  const lines = [line([...columns]), ...rows.map((row) => line(columns.map((column) => row[column])))];
  return lines.map((text) => `${text}\r\n`).join('');
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
