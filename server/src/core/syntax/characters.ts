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
