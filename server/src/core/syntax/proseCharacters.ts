// Character tests and white-space helpers for the prose citation readers. They read character codes in place, so the
// common case (ASCII text, already single-spaced) allocates nothing and runs no regular expression; anything else falls
// back to the regular expression that defines the answer.

const WHITE_SPACE = /\s/;
const WHITE_SPACE_RUNS = /\s+/g;

/** `/\s/` on the character at `at`, without a regular expression for ASCII. */
export function isWhiteSpaceAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return WHITE_SPACE.test(text[at]);
}

/** Is `text` in [from, to) empty or only white space, as `text.slice(from, to).trim() === ''` would say? */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhiteSpaceAt(text, i)) return false;
  return true;
}

/** Does `text` in [from, to) contain `character`? */
export function containsCharacter(text: string, character: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === character) return true;
  return false;
}

/** Is every white space in `text` a single " "? Then replacing runs of white space by one space changes nothing. */
function isSingleSpaced(text: string): boolean {
  let previousWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpaceAt(text, i);
    if (space && (previousWasSpace || text.charCodeAt(i) !== 32)) return false;
    previousWasSpace = space;
  }
  return true;
}

/** `text.replace(/\s+/g, ' ')`, returning `text` itself when it is already single-spaced. */
export function singleSpaced(text: string): string {
  return isSingleSpaced(text) ? text : text.replace(WHITE_SPACE_RUNS, ' ');
}

/** White space runs collapsed to one space, and none at either end. */
export function collapse(text: string): string {
  const last = text.length - 1;
  if (last < 0) return text;
  if (isSingleSpaced(text) && !isWhiteSpaceAt(text, 0) && !isWhiteSpaceAt(text, last)) return text;
  return text.replace(WHITE_SPACE_RUNS, ' ').trim();
}

/** Does `text` contain `lowerWord` (ASCII lower-case letters) in [from, to), in any case? */
export function containsIgnoringCase(text: string, lowerWord: string, from: number, to: number): boolean {
  const last = to - lowerWord.length;
  for (let i = from; i <= last; i++) {
    let j = 0;
    // `| 0x20` folds an ASCII capital onto its small letter and maps no other character onto a small letter.
    while (j < lowerWord.length && (text.charCodeAt(i + j) | 0x20) === lowerWord.charCodeAt(j)) j++;
    if (j === lowerWord.length) return true;
  }
  return false;
}

/** Is the character code an ASCII capital letter? */
export function isAsciiCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** Is the character code an ASCII small letter? */
export function isAsciiSmall(code: number): boolean {
  return code >= 97 && code <= 122;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `word` without one comma at its end. */
export function withoutTrailingComma(word: string): string {
  return word.charCodeAt(word.length - 1) === 44 /* , */ ? word.slice(0, -1) : word;
}
