// Reads the parts of a citation that follow the author: the dates ("2019a, 2020"), and the tail after them (a locator
// such as ", p. 4" or ": 24", a note such as ", for a review", or ", as cited in" before the work that quotes it).
// Every reader looks at a bounded slice and uses patterns without overlapping repetition, so reading is linear.

import type { Span, WorkDate } from '../types';
import { DATE_SOURCE, dateFromMatch, parseWorkDate } from './dates';
import { collapseWhitespace, isBlank, isWhitespaceAt, singleSpaced } from '../text/whitespace';
import { asciiTable } from '../text/characters';

export interface DatedSpan {
  date: WorkDate;
  span: Span;
}

// DATE_SOURCE spells out both cases: the case-insensitive flag would only make it slower to compile.
const DATE_AT = new RegExp(DATE_SOURCE, 'uy');
const DATE_SEPARATOR = /\s*[,;]\s*/y;

/** The characters a date can start with, as a pattern class: a digit, or the "n" of "n.d.", "i" of "in press", "f" of "forthcoming". */
export const DATE_START_CLASS = '\\dnifNIF';
const DATE_STARTS = asciiTable(new RegExp(`[${DATE_START_CLASS}]`, 'u'));

function mayStartDate(code: number): boolean {
  return code < 128 && DATE_STARTS[code] === 1;
}

/**
 * A date must end at a boundary: white space, ",", ";", ":", ")" or "]". "2019 data" is fine here and judged by the
 * tail reader.
 */
function endsDate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 44 || code === 59 || code === 58 || code === 41 || code === 93 || isWhitespaceAt(text, at);
}

/** Reads one date that starts exactly at `pos` and ends at or before `end`. */
export function readDateAt(text: string, pos: number, end: number): DatedSpan | undefined {
  if (pos >= end || !mayStartDate(text.charCodeAt(pos))) return undefined;
  DATE_AT.lastIndex = pos;
  const match = DATE_AT.exec(text);
  if (!match) return undefined;
  const stop = pos + match[0].length;
  if (stop > end || (stop < end && !endsDate(text, stop))) return undefined;
  const date = dateFromMatch(match, singleSpaced(match[0]));
  return date ? { date, span: { start: pos, end: stop } } : undefined;
}

/**
 * Reads "2019a, 2019b" or "1996; 1998" from `pos`: one date or more, or undefined when no date starts there. The list
 * ends where its last date ends. A caller that has already read the first date passes it, so that it is not read twice.
 */
export function readDateList(
  text: string,
  pos: number,
  end: number,
  first = readDateAt(text, pos, end),
): DatedSpan[] | undefined {
  if (!first) return undefined;
  const dates = [first];
  let at = first.span.end;
  for (;;) {
    const nextStart = matchEnd(DATE_SEPARATOR, text, at);
    if (nextStart === undefined || nextStart > end) break;
    const next = readDateAt(text, nextStart, end);
    if (!next) break;
    dates.push(next);
    at = next.span.end;
  }
  return dates;
}

/** Where a list of dates ends: where its last date ends. */
export function endOfDates(dates: DatedSpan[]): number {
  return dates[dates.length - 1].span.end;
}

const MONTH_DAY_YEAR =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s(\d{1,2}),\s(\d{4})$/i;

/** Reads the date of a personal communication, written "March 3, 2020" (or as any entry date). */
export function readCommunicationDate(written: string): WorkDate | undefined {
  const text = collapseWhitespace(written);
  const american = MONTH_DAY_YEAR.exec(text);
  // Reordering to the "2020, March 3" form lets the shared date reader name the month and check the year.
  const date = american ? parseWorkDate(`${american[3]}, ${american[1]} ${american[2]}`) : parseWorkDate(text);
  return date ? { ...date, text } : undefined;
}

export interface CitationTail {
  locator?: string;
  note?: string;
  /** Where the citing work of "as cited in" starts. */
  secondaryStart?: number;
  /** Where another work starts when works are separated by commas: "(Niemeyer 2016, Smith 2016)". */
  nextWorkStart?: number;
}

const LOCATOR_LABEL =
  '(?:pp?\\.|paras?\\.?|chaps?\\.|ch\\.|chapter|sect?\\.|section|figs?\\.|figure|table|appendix|vol\\.|no\\.|ll?\\.|lines?|pages?|part|slide|notes?|n\\.|fn\\.|§§?|theorem|eq\\.)';
const LOCATOR_NUMBER = '\\d[\\w.]*';
const LOCATOR_ANY = '(?:\\d[\\w.]*|[ivxlcdm]+(?!\\w))';
const LOCATOR_SEPARATOR = '\\s*[,\\u2013\\u2014-]\\s*';
/** "p. 4", "pp. 33–35", "para. 2", "Chapter 3", "24", "23–24". A bare word is never a locator. */
const LOCATOR = new RegExp(
  `(?:${LOCATOR_LABEL}\\s*${LOCATOR_ANY}(?:${LOCATOR_SEPARATOR}${LOCATOR_ANY})*|${LOCATOR_NUMBER}(?:${LOCATOR_SEPARATOR}${LOCATOR_NUMBER})*)`,
  'iy',
);
const COMMA = /\s*,\s*/y;
const COLON = /\s*:\s*/y;
const SPACE_BEFORE_DIGIT = /\s+(?=\d)/y;
const AS_CITED_IN = /\s*,\s*as\scited\sin\s+/iy;
const NOTE_START = /\p{Ll}/u;
const WORK_START = /\p{Lu}/u;

/** Reads what follows the dates up to `end`; undefined when it is prose rather than a locator or note. */
export function readTail(text: string, pos: number, end: number): CitationTail | undefined {
  if (isBlank(text, pos, end)) return {};
  const secondaryStart = matchEnd(AS_CITED_IN, text, pos);
  if (secondaryStart !== undefined && secondaryStart < end) return { secondaryStart };
  // A locator written without a comma: "2019: 24", "2019 24".
  const afterLead = matchEnd(COLON, text, pos) ?? matchEnd(SPACE_BEFORE_DIGIT, text, pos);
  if (afterLead !== undefined) return readLocatorAndNote(text, afterLead, end, true);
  const afterComma = matchEnd(COMMA, text, pos);
  if (afterComma === undefined || afterComma >= end) return undefined;
  const tail = readLocatorAndNote(text, afterComma, end, false);
  if (!tail && WORK_START.test(text[afterComma])) return { nextWorkStart: afterComma };
  return tail;
}

function readLocatorAndNote(text: string, pos: number, end: number, locatorRequired: boolean): CitationTail | undefined {
  const after = matchEnd(LOCATOR, text, pos);
  if (after !== undefined && after <= end) {
    const locator = singleSpaced(text.slice(pos, after));
    if (isBlank(text, after, end)) return { locator };
    const noteStart = matchEnd(COMMA, text, after);
    if (noteStart === undefined || noteStart >= end || !NOTE_START.test(text[noteStart])) return undefined;
    return { locator, note: collapseWhitespace(text.slice(noteStart, end)) };
  }
  if (locatorRequired || pos >= end || !NOTE_START.test(text[pos])) return undefined;
  return { note: collapseWhitespace(text.slice(pos, end)) };
}

/** Where a sticky pattern matching at `pos` ends, or undefined. `test` spares the match array `exec` would build. */
export function matchEnd(pattern: RegExp, text: string, pos: number): number | undefined {
  pattern.lastIndex = pos;
  return pattern.test(text) ? pattern.lastIndex : undefined;
}
