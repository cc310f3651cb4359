// Reads the date part of a citation or reference entry: "2019", "2019a", "n.d.", "n.d.-b", "in press", "in press-a",
// "1900/1953", "2004, March 17", "2004, March", "forthcoming". Shared by the citation scanner and the entry parser so that both
// read a date the same way.

import type { WorkDate } from '../types';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** The lowest and highest years read as publication years; anything outside is a number, not a date. */
export const MIN_YEAR = 1450;
export const MAX_YEAR = 2099;

export function isPublicationYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The month and season names a date may carry after its year: "2004, March 17", "2010, Spring". */
const MONTH_AND_SEASON_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
  'Spring', 'Summer', 'Fall', 'Autumn', 'Winter',
];

/**
 * The date pattern reads letters in either case, but spells that out instead of relying on the case-insensitive flag:
 * with that flag a Unicode pattern of this size takes several milliseconds to compile, a large share of the first
 * analysis in a fresh process. Each part below matches exactly what the same part matches case-insensitively: a
 * letter with its other case, plus "ſ" for "s" and the Kelvin sign for "k", which Unicode folds to them.
 */
const FOLDED_WITH = new Map([['s', 'ſ'], ['k', '\u212a']]);

/** A word whose letters match in either case: "may" → "[mM][aA][yY]". */
function eitherCase(word: string): string {
  let source = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    if (lower >= 'a' && lower <= 'z') source += `[${lower}${lower.toUpperCase()}${FOLDED_WITH.get(lower) ?? ''}]`;
    else source += ch === '.' ? '\\.' : ch;
  }
  return source;
}

/** A suffix letter ("2019a"), in either case. */
const SUFFIX_LETTER = `[a-zA-Z${[...FOLDED_WITH.values()].join('')}]`;

/**
 * What a case-insensitive `\p{L}` matches: every letter, and the combining iota subscript (U+0345), which Unicode
 * folds to the letter iota. For use inside a character class.
 */
export const LETTER_CLASS = '\\p{L}\\u0345';

/**
 * Matches one date at the start of a string (sticky use) or anywhere (global use). Groups: 1 original year, 2 year,
 * 3 suffix, 4 month, 5 day, 6 "n.d." suffix, 7 "in press" suffix. It reads the same with or without the
 * case-insensitive flag. Every part is a fixed alternation without nested quantifiers, so matching is linear.
 */
export const DATE_SOURCE =
  `(?:(?:(\\d{4})\\/)?(\\d{4})(${SUFFIX_LETTER})?(?![\\d${LETTER_CLASS}])` +
  `(?:,\\s(${MONTH_AND_SEASON_NAMES.map(eitherCase).join('|')})(?:\\s(\\d{1,2})(?!\\d))?)?` +
  `|${eitherCase('n.')}\\s?${eitherCase('d.')}(?:-(${SUFFIX_LETTER})(?![${LETTER_CLASS}]))?` +
  `|${eitherCase('in')}\\s${eitherCase('press')}(?:-(${SUFFIX_LETTER})(?![${LETTER_CLASS}]))?` +
  `|${eitherCase('forthcoming')})`;

/**
 * What every date begins with: four digits, "n.", "in press" or "forthcoming". A search for it is far cheaper than
 * one for the whole date, and no date starts before the first of them.
 */
export const DATE_START = new RegExp(`\\d{4}|${eitherCase('n.')}|${eitherCase('in')}\\s${eitherCase('press')}|${eitherCase('forthcoming')}`, 'u');

/** A string that is exactly one date. */
const WHOLE_DATE = new RegExp(`^${DATE_SOURCE}$`, 'u');

/** Parses a string that is exactly one date (surrounding spaces allowed). */
export function parseWorkDate(raw: string): WorkDate | undefined {
  const text = raw.trim();
  const match = WHOLE_DATE.exec(text);
  if (!match) return undefined;
  return dateFromMatch(match, text);
}

/** Builds a WorkDate from a match of DATE_SOURCE (its groups start at `offset`). */
export function dateFromMatch(match: RegExpExecArray, text: string, offset = 1): WorkDate | undefined {
  const original = match[offset];
  const year = match[offset + 1];
  const suffix = match[offset + 2];
  const month = match[offset + 3];
  const day = match[offset + 4];
  const noDateSuffix = match[offset + 5];
  const pressSuffix = match[offset + 6];
  if (year) {
    const value = Number(year);
    if (!isPublicationYear(value)) return undefined;
    const date: WorkDate = { text, year: value };
    if (suffix) date.suffix = suffix.toLowerCase();
    if (original) {
      const originalValue = Number(original);
      if (originalValue < MIN_YEAR || originalValue > value) return undefined;
      date.originalYear = originalValue;
    }
    if (month) date.month = normaliseMonth(month);
    if (day) date.day = Number(day);
    return date;
  }
  const lower = text.toLowerCase();
  if (lower.startsWith('n')) {
    const date: WorkDate = { text, noDate: true };
    if (noDateSuffix) date.suffix = noDateSuffix.toLowerCase();
    return date;
  }
  if (lower.startsWith('in')) {
    const date: WorkDate = { text, inPress: true };
    if (pressSuffix) date.suffix = pressSuffix.toLowerCase();
    return date;
  }
  return { text, inPress: true };
}

function normaliseMonth(month: string): string {
  const lower = month.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.find((m) => m.startsWith(lower));
  return full ? full[0].toUpperCase() + full.slice(1) : month;
}

/** The key two dates must share to be the same date of the same work: "2019a", "n.d.", "in press-b". */
export function dateKey(date: WorkDate): string {
  const base = date.year !== undefined ? String(date.year) : date.noDate ? 'n.d.' : 'in press';
  return date.suffix ? (date.year !== undefined ? base + date.suffix : `${base}-${date.suffix}`) : base;
}

/** The date as a citation writes it: "2019a", "n.d.", "1900/1953". */
export function formatCitationDate(date: WorkDate): string {
  if (date.year !== undefined) {
    const year = `${date.year}${date.suffix ?? ''}`;
    return date.originalYear !== undefined ? `${date.originalYear}/${year}` : year;
  }
  const base = date.noDate ? 'n.d.' : 'in press';
  return date.suffix ? `${base}-${date.suffix}` : base;
}
