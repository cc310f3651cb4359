// Tables of which ASCII characters a regular expression class matches, so that a scan can look at a character without
// making a string of it and calling a regular expression.


/** Which ASCII characters a regular expression class matches, as a table indexed by character code: a scan that asks
 * about every character reads the table instead of making a string and calling the expression. */
export function asciiTable(characterClass: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = characterClass.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}
