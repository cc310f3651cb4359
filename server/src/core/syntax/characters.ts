// Tests of one character by its code, matching the regular expression classes they stand for, so that a scan can look
// at a character without making a string of it and calling a regular expression.

/** Whether the character is one that "\s" matches in a regular expression. */
export function isWhitespaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Which ASCII characters a regular expression class matches, as a table indexed by character code: a scan that asks
 * about every character reads the table instead of making a string and calling the expression. */
export function asciiTable(characterClass: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = characterClass.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}
