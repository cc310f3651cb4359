// Cheap tests of characters, taken before a pattern runs or instead of one: a scan that looks at every character reads
// a code or a table rather than making a string and calling a regular expression.

const ASCII_TEXT = /^[\0-\x7f]*$/;

/** Whether a text is plain ASCII: for ASCII text an ASCII pattern reads the same as a Unicode one, and is far cheaper to
 * compile, which counts in a fresh process. */
export function isAscii(text: string): boolean {
  return ASCII_TEXT.test(text);
}

/** Whether the text's first character is one of a few, before a pattern that can only match then. */
export function startsWithOneOf(text: string, characters: string): boolean {
  return text.length > 0 && characters.includes(text[0]);
}

/**
 * The text in lower case; a text that is lower case already is given back itself. `toLowerCase` makes a copy even then,
 * which for the keys and entry types of a large bibliography, mostly written in lower case, was most of the cost of
 * comparing them. Only ASCII capitals and characters outside ASCII can change.
 */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return text.toLowerCase();
  }
  return text;
}

/** Is the character code an ASCII capital letter? */
export function isAsciiCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** The first position of the character code in [from, to), or -1. */
export function indexWithin(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** `word` without one comma at its end. */
export function withoutTrailingComma(word: string): string {
  return word.charCodeAt(word.length - 1) === 44 /* , */ ? word.slice(0, -1) : word;
}

/** Which ASCII characters a regular expression class matches, as a table indexed by character code: a scan that asks
 * about every character reads the table instead of making a string and calling the expression. */
export function asciiTable(characterClass: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = characterClass.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}
