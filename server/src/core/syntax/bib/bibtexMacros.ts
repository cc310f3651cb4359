// Expands a raw BibTeX value into its LaTeX text: braced and quoted parts lose their outer delimiters, numbers stay,
// bare words are @string macros (or the month macros jan..dec), and "#" joins the parts.

/** Macro names in lower case to their expanded LaTeX text. */
export type MacroTable = Map<string, string>;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** The macros every BibTeX style defines: jan → "January", ..., dec → "December". */
export function monthMacros(): MacroTable {
  return new Map(MONTH_NAMES.map((month) => [month.slice(0, 3).toLowerCase(), month]));
}

/**
 * The LaTeX text of a raw value. A macro that is not defined is kept as its name (so "booktitle = SLE" still shows
 * something) and its name is added to `unknownMacros` when given.
 */
export function expandValue(raw: string, macros: MacroTable, unknownMacros?: string[]): string {
  let text = '';
  let position = 0;
  while (position < raw.length) {
    position = skipBlanks(raw, position);
    const char = raw[position];
    let end: number;
    if (char === '{') {
      end = closingBrace(raw, position);
      text += raw.slice(position + 1, end);
    } else if (char === '"') {
      end = closingQuote(raw, position);
      text += raw.slice(position + 1, end);
    } else {
      end = wordEnd(raw, position);
      text += macroValue(raw.slice(position, end), macros, unknownMacros);
    }
    position = skipBlanks(raw, end + (char === '{' || char === '"' ? 1 : 0));
    if (raw[position] !== '#') break;
    position++;
  }
  return text;
}

function macroValue(word: string, macros: MacroTable, unknownMacros: string[] | undefined): string {
  if (word === '' || isNumber(word)) return word;
  const value = macros.get(word.toLowerCase());
  if (value !== undefined) return value;
  unknownMacros?.push(word);
  return word;
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function closingBrace(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    if (raw[i] === '{') depth++;
    else if (raw[i] === '}' && --depth === 0) return i;
  }
  return raw.length;
}

function closingQuote(raw: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < raw.length; i++) {
    const char = raw[i];
    if (char === '"' && depth === 0) return i;
    if (char === '{') depth++;
    else if (char === '}') depth--;
  }
  return raw.length;
}

function wordEnd(raw: string, from: number): number {
  let i = from;
  while (i < raw.length && raw[i] !== '#' && !isBlank(raw[i])) i++;
  return i;
}

function skipBlanks(raw: string, from: number): number {
  let i = from;
  while (i < raw.length && isBlank(raw[i])) i++;
  return i;
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t';
}
