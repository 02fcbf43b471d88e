// Formula-injection escaping (OWASP CSV injection). A text cell that a spreadsheet would read as a
// formula gets one leading apostrophe. Cells already made of apostrophes followed by a trigger get
// one more, so unescaping (strip exactly one) is the exact inverse: "'=x" -> "''=x" -> "'=x".
// The full-width forms (U+FF1D U+FF0B U+FF0D U+FF20) count too: spreadsheets in CJK locales
// normalise them to = + - @ and evaluate the cell.
const needsEscape = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const escaped = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function escapeFormula(text: string): string {
  return needsEscape.test(text) ? `'${text}` : text;
}

export function unescapeFormula(text: string): string {
  return text.charCodeAt(0) === 39 && escaped.test(text) ? text.slice(1) : text;
}

const mustQuote = /[",\r\n]/;

/** One RFC 4180 cell: quoted when it holds a comma, quote or line break. */
export function csvCell(text: string): string {
  return mustQuote.test(text) || text.startsWith(' ') || text.endsWith(' ') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text cell: escaped against formulas, then quoted as needed. */
export function textCell(text: string): string {
  return csvCell(escapeFormula(text));
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}
