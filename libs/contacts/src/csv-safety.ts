/**
 * Spreadsheet formula injection: a cell that starts with = + - @ (or tab / CR, which some spreadsheets skip) can run
 * as a formula when a CSV is opened. We store what was sent as text and neutralise on the way out, in every CSV we
 * produce, by prefixing a single quote (OWASP's advice).
 */
export const neutraliseFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** One CSV field: neutralised, quoted when it holds a separator, quote or line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = neutraliseFormula(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: unknown[]): string => `${values.map(csvField).join(',')}\r\n`;
