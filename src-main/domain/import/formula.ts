/**
 * Spreadsheet formula injection (CSV/formula injection, OWASP): a cell whose text starts with = + - @, a tab or a
 * carriage return can run as a formula when the exported file is opened in Excel, LibreOffice or Google Sheets
 * (=HYPERLINK(…), =cmd|' /C calc'!A0). Every text cell Tradebook exports goes through `neutraliseFormula`, which puts
 * an apostrophe in front so the spreadsheet shows the text as it is; an import takes that apostrophe off again.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutraliseFormula(text: string): string {
  return text.length > 0 && TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/** The inverse for an import: "'=SUM(A1)" → "=SUM(A1)"; any other text is left as it is. */
export function restoreNeutralised(text: string): string {
  return text.length > 1 && text[0] === "'" && TRIGGERS.has(text[1]!) ? text.slice(1) : text;
}
