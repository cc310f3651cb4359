// Reads the names in an author part as written: "Nguyen & Tran", "Berry, Levinsohn, and Pakes", "Smith et al.",
// "Müller's". The text is read with character tests rather than patterns, since every citation's author passes here.

import { withoutTrailingComma } from '../text/characters';
import { isWhitespaceAt, whitespaceStartBefore } from '../text/whitespace';

export interface AuthorNames {
  /** Surnames or group names, without "et al.", connectors or a possessive ending. */
  authors: string[];
  etAl: boolean;
  possessive: boolean;
}

const GROUP_NAME = /\s(?:of|for|the)\s/;

/** Splits an author part into its names. Its white space must be collapsed already, as `collapseWhitespace` leaves it. */
export function readAuthorNames(collapsed: string): AuthorNames {
  let text = withoutTrailingComma(collapsed);
  const possessive = possessiveEndingLength(text) > 0;
  if (possessive) text = withoutPossessive(text);
  const etAlStart = etAlStartIn(text);
  const etAl = etAlStart >= 0;
  if (etAl) text = text.slice(0, etAlStart);
  // A name with "of" or "for" in it is one organisation, and its "and" is part of the name.
  const names = GROUP_NAME.test(text) ? [text] : splitAuthors(text);
  return { authors: etAl ? names.slice(0, 1) : names, etAl, possessive };
}

/**
 * The names of a list of authors, split where a separator matches, as `text.split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/)`
 * would, empty names left out. Written as a scan because most author parts have one name or two.
 */
function splitAuthors(text: string): string[] {
  const mayHaveSeparator = text.includes(',') || text.includes('&') || text.includes('and');
  if (!mayHaveSeparator) return text === '' ? [] : [text];
  const names: string[] = [];
  let nameStart = 0;
  let at = 0;
  while (at < text.length) {
    // A separator starts with a comma or white space, whose codes are all below 45 or beyond ASCII.
    const code = text.charCodeAt(at);
    const separatorEnd = code > 44 && code < 128 ? -1 : authorSeparatorEndAt(text, at);
    if (separatorEnd < 0) {
      at++;
      continue;
    }
    if (at > nameStart) names.push(text.slice(nameStart, at));
    nameStart = at = separatorEnd;
  }
  if (text.length > nameStart) names.push(text.slice(nameStart));
  return names;
}

/** Where a separator between authors that starts at `at` ends: ", ", ", and ", ", & ", " and ", " & "; -1 if none. */
export function authorSeparatorEndAt(text: string, at: number): number {
  const afterSpace = skipWhiteSpace(text, at);
  if (text.charCodeAt(afterSpace) === 44 /* , */) {
    const afterComma = skipWhiteSpace(text, afterSpace + 1);
    const afterAnd = afterConnector(text, afterComma);
    if (afterAnd > afterComma + 3) return afterAnd;
    return text.charCodeAt(afterComma) === 38 /* & */ ? skipWhiteSpace(text, afterComma + 1) : afterComma;
  }
  if (afterSpace === at) return -1;
  const afterAnd = afterConnector(text, afterSpace);
  if (afterAnd > afterSpace) return afterAnd;
  if (text.charCodeAt(afterSpace) !== 38 /* & */) return -1;
  const end = skipWhiteSpace(text, afterSpace + 1);
  return end > afterSpace + 1 ? end : -1;
}

/** After "and" and the white space that must follow it at `at`; `at` itself when there is no such word. */
function afterConnector(text: string, at: number): number {
  if (!text.startsWith('and', at)) return at;
  const end = skipWhiteSpace(text, at + 3);
  return end > at + 3 ? end : at;
}

function skipWhiteSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWhitespaceAt(text, i)) i++;
  return i;
}

/** How long the possessive ending of a name is: 2 for "Smith's", 1 for "Jones'", 0 for none. */
function possessiveEndingLength(text: string): number {
  const last = text.charCodeAt(text.length - 1);
  const beforeLast = text.charCodeAt(text.length - 2);
  if (last === 115 /* s */ && isApostrophe(beforeLast)) return 2;
  if (isApostrophe(last) && beforeLast === 115 /* s */) return 1;
  return 0;
}

/** `text` without its possessive ending, if it has one. */
export function withoutPossessive(text: string): string {
  return text.slice(0, text.length - possessiveEndingLength(text));
}

function isApostrophe(code: number): boolean {
  return code === 39 /* ' */ || code === 0x2019 /* ’ */;
}

/**
 * Where a final "et al." starts, with the comma and white space before it ("Smith, et al."), in either case and with
 * either full stop left out; -1 when the text does not end so. Read backwards from the end, as the pattern
 * `/,?\s*et\.?\s*al\.?$/i` would match it.
 */
function etAlStartIn(text: string): number {
  let at = text.length;
  if (text.charCodeAt(at - 1) === 46 /* . */) at--;
  if (!endsWithLetters(text, at, 'al')) return -1;
  at = whitespaceStartBefore(text, at - 2);
  if (text.charCodeAt(at - 1) === 46 /* . */) at--;
  if (!endsWithLetters(text, at, 'et')) return -1;
  at = whitespaceStartBefore(text, at - 2);
  return text.charCodeAt(at - 1) === 44 /* , */ ? at - 1 : at;
}

/** Does `text` before `end` end with the ASCII small letters `lower`, in either case? */
function endsWithLetters(text: string, end: number, lower: string): boolean {
  const start = end - lower.length;
  if (start < 0) return false;
  for (let i = 0; i < lower.length; i++) if ((text.charCodeAt(start + i) | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

