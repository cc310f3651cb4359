// Whether a text is plain ASCII. Several readers keep an ASCII pattern beside a Unicode one: for ASCII text both read
// the same, and the ASCII pattern is far cheaper to compile, which counts in a fresh process.

const ASCII_TEXT = /^[\0-\x7f]*$/;

export function isAscii(text: string): boolean {
  return ASCII_TEXT.test(text);
}
