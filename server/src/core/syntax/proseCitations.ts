// Finds author-date citations in prose: parenthetical "(Qerimi, 2023; Oke, 1982)" and narrative "Ingebritsen (2002)".
// One pass pairs the parentheses of each paragraph; each pair is then read as a narrative citation (only dates inside,
// names before it) or as a parenthetical one (works separated by semicolons). Every look is bounded, so the scan is
// linear in the length of the text and never throws.

import type { Abbreviation, Citation, CitedWork, Span } from '../types';
import { readAuthorNames } from './authorNames';
import { findAuthorPhraseBefore, isNameWord, PARTICLES, type AuthorPhrase } from './authorPhrase';
import {
  DATE_START_CLASS,
  endOfDates,
  matchEnd,
  readCommunicationDate,
  readDateAt,
  readDateList,
  readTail,
  type CitationTail,
  type DatedSpan,
} from './citationParts';
import { indexWithin, isAsciiCapital, withoutTrailingComma } from '../text/characters';
import { collapseWhitespace } from '../text/whitespace';
import { sortedBy, sortedByStart } from '../text/sortedSpans';

export interface ProseScan {
  citations: Citation[];
  abbreviations: Abbreviation[];
}

/** A parenthesis longer than this is prose, not a citation. */
const MAX_PARENTHESIS_CHARS = 1000;
/** How many unclosed parentheses are remembered; older ones are forgotten. */
const MAX_OPEN_PARENTHESES = 32;
const MAX_AUTHOR_CHARS = 200;
const MAX_AUTHOR_WORDS = 12;

interface Found {
  citation: Citation;
  abbreviations: readonly Abbreviation[];
}

export function findProseCitations(masked: string, skip: Span[]): ProseScan {
  const prose = withoutDecorations(masked);
  const found: Found[] = [];
  pairParentheses(masked, (open, close) => {
    const result = readNarrative(prose, masked, open, close) ?? readParenthetical(prose, open, close);
    if (result) found.push(result);
  });
  // Pairs are read in the order of their ")", so only nested parentheses put a citation out of order.
  return scanOf(withoutOverlaps(sortedBy(found, (f) => f.citation.span.start), skip));
}

/** The kept citations and, in their order, the abbreviations they define. */
function scanOf(kept: Found[]): ProseScan {
  const citations: Citation[] = [];
  const abbreviations: Abbreviation[] = [];
  for (let i = 0; i < kept.length; i++) {
    citations.push(kept[i].citation);
    const defined = kept[i].abbreviations;
    for (let j = 0; j < defined.length; j++) abbreviations.push(defined[j]);
  }
  return { citations, abbreviations };
}

/**
 * Blanks Markdown emphasis and link brackets ("_(Smith, 2019)_", "[Barnes, 2010]") and turns every line break into a
 * space, keeping the length. Brackets around an abbreviation ("[CDC]") stay: they define it.
 */
function withoutDecorations(masked: string): string {
  const blanked = masked.replace(/[^\S ]|[*_]/g, ' ');
  // Most documents have no square brackets in their prose; the callback below would not be called anyway.
  if (!blanked.includes('[') && !blanked.includes(']')) return blanked;
  return blanked.replace(/\[(\p{Lu}[\p{Lu}\d&.-]{0,11})\]|[[\]]/gu, (match, abbreviation: string | undefined) =>
    abbreviation ? match : ' ',
  );
}

/**
 * Calls `onPair` for every matching "(" and ")" of one paragraph, inner pairs first. It jumps from landmark to landmark
 * (the next "(", ")" and line break, each found by indexOf) rather than looking at every character.
 */
function pairParentheses(masked: string, onPair: (open: number, close: number) => void): void {
  // The open parentheses, newest last, in a ring that overwrites the oldest when full. It is never shrunk: popping and
  // clearing an array would give its storage back, and the next "(" would allocate it again.
  const open = new Array<number>(MAX_OPEN_PARENTHESES).fill(0);
  let top = 0;
  let depth = 0;
  const end = masked.length;
  let nextOpen = nextIndexOf(masked, '(', 0);
  let nextClose = nextIndexOf(masked, ')', 0);
  let nextBreak = nextIndexOf(masked, '\n', 0);
  while (nextOpen < end || nextClose < end) {
    if (nextBreak < nextOpen && nextBreak < nextClose) {
      if (depth > 0 && startsBlankLine(masked, nextBreak)) depth = 0;
      nextBreak = nextIndexOf(masked, '\n', nextBreak + 1);
    } else if (nextOpen < nextClose) {
      open[top] = nextOpen;
      top = (top + 1) % MAX_OPEN_PARENTHESES;
      if (depth < MAX_OPEN_PARENTHESES) depth++;
      nextOpen = nextIndexOf(masked, '(', nextOpen + 1);
    } else {
      if (depth > 0) {
        top = (top + MAX_OPEN_PARENTHESES - 1) % MAX_OPEN_PARENTHESES;
        depth--;
        const start = open[top];
        if (nextClose - start <= MAX_PARENTHESIS_CHARS) onPair(start, nextClose);
      }
      nextClose = nextIndexOf(masked, ')', nextClose + 1);
    }
  }
}

/** The next position of `character` from `from`, or the text's length when there is none, so that it sorts last. */
function nextIndexOf(text: string, character: string, from: number): number {
  const found = text.indexOf(character, from);
  return found < 0 ? text.length : found;
}

/** Is the line break at `at` followed by a line of only white space? */
function startsBlankLine(text: string, at: number): boolean {
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\f') return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// Narrative citations: "Smith et al. (2019)", "Covington (1996, 1998)", "World Health Organization (WHO, 2018)".

const ABBREVIATION_BEFORE_DATE = /(\p{Lu}[\p{Lu}&]{1,9})\s*,\s*/uy;

function readNarrative(prose: string, masked: string, open: number, close: number): Found | undefined {
  let at = skipSpaces(prose, open + 1, close);
  const abbreviation = mayStartAbbreviation(prose, at) ? execAt(ABBREVIATION_BEFORE_DATE, prose, at) : null;
  if (abbreviation) at += abbreviation[0].length;
  const dates = readDateList(prose, at, close);
  if (!dates) return undefined;
  const end = endOfDates(dates);
  const tail = readTail(prose, end, close);
  if (!tail || tail.secondaryStart !== undefined || tail.nextWorkStart !== undefined) return undefined;
  const phrase = findAuthorPhraseBefore(prose, masked, open);
  if (!phrase) return undefined;
  const short = abbreviation?.[1];
  if (short && !abbreviates(short, phrase.text)) return undefined;
  const span = { start: phrase.span.start, end: close + 1 };
  const author: AuthorPart = {
    span: phrase.span,
    text: phrase.text,
    authors: phrase.authors,
    etAl: phrase.etAl,
    isTitle: false,
    possessive: phrase.possessive,
    definesAbbreviation: short,
  };
  const items = worksOf(author, dates, tail, dates.length === 1 ? span : undefined);
  const abbreviations = short
    ? [{ short, long: phrase.text, span: { start: phrase.span.start, end: at - abbreviation[0].length + short.length } }]
    : NO_ABBREVIATIONS;
  return { citation: { span, kind: 'narrative', items }, abbreviations };
}

/** Runs a sticky pattern at `at`. */
function execAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * Whether ABBREVIATION_BEFORE_DATE can match at `at`: it starts with two capitals, or a capital and "&". Checked on
 * ASCII first, since most parentheses start with a date or a capitalised name.
 */
function mayStartAbbreviation(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  return (isAsciiCapital(first) || first >= 128) && (isAsciiCapital(second) || second === 38 /* & */ || second >= 128);
}

/** Do the letters of the short form appear, in order, as initials of the long form's capitalised words ("WHO")? */
function abbreviates(short: string, long: string): boolean {
  const initials = long
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
  const letters = short.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2 || initials[0] !== letters[0]) return false;
  let i = 0;
  for (const initial of initials) if (initial === letters[i]) i++;
  return i === letters.length;
}

// ---------------------------------------------------------------------------------------------------------------------
// Parenthetical citations: "(see Qerimi, 2023, p. 4; Oke, 1982)".

const SEMICOLON = 59;
/** Characters up to the next ";" or parenthesis. Inside a pair it stops at the closing ")" at the latest. */
const UP_TO_SEMICOLON_OR_PARENTHESIS = /[^;()]*/y;

function readParenthetical(prose: string, open: number, close: number): Found | undefined {
  let items: CitedWork[] | undefined;
  let segmentStart = open + 1;
  while (segmentStart <= close) {
    // Searched within the parentheses only: a document without semicolons would otherwise be read to its end for
    // every citation.
    let segmentEnd = matchEnd(UP_TO_SEMICOLON_OR_PARENTHESIS, prose, segmentStart) ?? segmentStart;
    const hasParenthesis = segmentEnd < close && prose.charCodeAt(segmentEnd) !== SEMICOLON;
    while (segmentEnd < close && prose.charCodeAt(segmentEnd) !== SEMICOLON) segmentEnd++;
    // A part with a parenthesis inside is prose, not a cited work.
    const works = hasParenthesis ? undefined : readSegment(prose, segmentStart, segmentEnd);
    // The first segment's works become the list, so that a citation of one work builds no other array.
    if (works && items) for (let i = 0; i < works.length; i++) items.push(works[i]);
    else if (works) items = works;
    segmentStart = segmentEnd + 1;
  }
  if (!items || items.length === 0) return undefined;
  return { citation: { span: { start: open, end: close + 1 }, kind: 'parenthetical', items }, abbreviations: definedIn(items) };
}

/** The abbreviations that the works define ("World Health Organization [WHO], 2018"); most define none. */
function definedIn(works: CitedWork[]): readonly Abbreviation[] {
  let abbreviations: Abbreviation[] | undefined;
  for (let i = 0; i < works.length; i++) {
    const { definesAbbreviation: short, authors, authorSpan } = works[i];
    if (short) (abbreviations ??= []).push({ short, long: authors[0], span: authorSpan });
  }
  return abbreviations ?? NO_ABBREVIATIONS;
}

/** Shared by every citation that defines no abbreviation; never changed. */
const NO_ABBREVIATIONS: readonly Abbreviation[] = [];

const PREFIX = /(?:see\s+also|see|but\s+see|also\s+see|e\.\s?g\.|i\.\s?e\.|cf\.|compare|for\s+example|for\s+instance|as\s+in)(?:\s*[,:])?\s+/iy;
const PERSONAL_COMMUNICATION = /,?\s*personal\s+communication\s*,?\s*/i;
/** Whether "personal" comes before the end of the segment (the next ";" or parenthesis), in any case. */
const PERSONAL_IN_SEGMENT = /[^;()]*?personal/iy;
const OPENING_QUOTES = '"“”‘\'';
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”', '”': '”', '‘': '’', "'": "'" };

/**
 * Reads one semicolon-separated part of a parenthesis, which holds no parenthesis itself; undefined when it is not a
 * cited work.
 */
function readSegment(prose: string, from: number, to: number): CitedWork[] | undefined {
  const start = skipSpaces(prose, from, to);
  const end = trimEnd(prose, start, to);
  if (start >= end) return undefined;
  const prefixEnd = mayStartPrefix(prose.charCodeAt(start)) ? matchEnd(PREFIX, prose, start) : undefined;
  const authorStart = prefixEnd !== undefined && prefixEnd < end ? prefixEnd : start;
  const prefix = authorStart > start ? collapseWhitespace(prose.slice(start, authorStart)) : undefined;
  const works =
    readPersonalCommunication(prose, authorStart, end) ??
    (OPENING_QUOTES.includes(prose[authorStart]) ? readTitled(prose, authorStart, end) : readAuthored(prose, authorStart, end));
  if (works && prefix) works[0].prefix = prefix;
  return works;
}

/** Whether PREFIX can match at a character: its words start with these letters, in either case. */
function mayStartPrefix(code: number): boolean {
  const lower = code | 0x20;
  return lower === 115 /* s */ || lower === 98 /* b */ || lower === 97 /* a */ || lower === 101 /* e */ ||
    lower === 105 /* i */ || lower === 99 /* c */ || lower === 102 /* f */;
}

interface AuthorPart {
  span: Span;
  text: string;
  authors: string[];
  etAl: boolean;
  isTitle: boolean;
  possessive?: boolean;
  definesAbbreviation?: string;
}

/** "Nguyen & Tran, 2020, p. 4", "Smith 2019a, 2019b", "Centers for Disease Control and Prevention [CDC], n.d.". */
function readAuthored(prose: string, start: number, end: number): CitedWork[] | undefined {
  const firstDate = findDateAfterAuthor(prose, start, end);
  if (firstDate === undefined) return undefined;
  const dateStart = firstDate.span.start;
  const authorEnd = trimEnd(prose, start, dateStart, true);
  const author = authorPart(prose, { start, end: authorEnd });
  if (!author || (indexWithin(prose, COMMA, authorEnd, dateStart) < 0 && isVenueName(author.text))) return undefined;
  return readDatesAndTail(prose, author, dateStart, end, firstDate);
}

/** '"New U.S. anti-personnel landmine," 2022': a quoted title in the author's place. */
function readTitled(prose: string, start: number, end: number): CitedWork[] | undefined {
  // Looked for only as far as a title may reach: a search to the end of the text for every quote that is never closed
  // would make the scan quadratic.
  const closing = indexWithin(prose, CLOSING_QUOTE[prose[start]].charCodeAt(0), start + 1, Math.min(end, start + MAX_AUTHOR_CHARS + 1));
  if (closing < 0) return undefined;
  const title = collapseWhitespace(prose.slice(start + 1, closing)).replace(/,$/, '');
  if (title === '') return undefined;
  let dateStart = skipSpaces(prose, closing + 1, end);
  if (prose[dateStart] === ',') dateStart = skipSpaces(prose, dateStart + 1, end);
  const span = { start, end: closing + 1 };
  const author: AuthorPart = { span, text: collapseWhitespace(prose.slice(start, closing + 1)), authors: [title], etAl: false, isTitle: true };
  return readDatesAndTail(prose, author, dateStart, end);
}

/** "J. Smith, personal communication, March 3, 2020": needs no reference entry. */
function readPersonalCommunication(prose: string, start: number, end: number): CitedWork[] | undefined {
  // The word is looked for first, so that the usual segment is neither copied nor searched with the pattern.
  if (matchEnd(PERSONAL_IN_SEGMENT, prose, start) === undefined) return undefined;
  const segment = prose.slice(start, end);
  const marker = PERSONAL_COMMUNICATION.exec(segment);
  if (!marker) return undefined;
  const authorEnd = trimEnd(prose, start, start + marker.index, true);
  const author = authorPart(prose, { start, end: authorEnd });
  const dateStart = start + marker.index + marker[0].length;
  const date = readCommunicationDate(prose.slice(dateStart, end));
  if (!author || !date) return undefined;
  const dated: DatedSpan = { date, span: { start: dateStart, end } };
  return worksOf(author, [dated], {}).map((work) => ({ ...work, personalCommunication: true }));
}

function readDatesAndTail(
  prose: string,
  author: AuthorPart,
  dateStart: number,
  end: number,
  firstDate?: DatedSpan,
): CitedWork[] | undefined {
  const dates = readDateList(prose, dateStart, end, firstDate);
  if (!dates) return undefined;
  const datesEnd = endOfDates(dates);
  const tail = readTail(prose, datesEnd, end);
  if (!tail) return undefined;
  const works = worksOf(author, dates, tail);
  const nextStart = tail.secondaryStart ?? tail.nextWorkStart;
  if (nextStart === undefined) return works;
  const next = readAuthored(prose, nextStart, end);
  if (!next) return undefined;
  // "Rogers, 1961, as cited in Kirschenbaum, 2004": the original needs no entry, the citing work does.
  const original = tail.secondaryStart !== undefined ? works.map((work) => ({ ...work, secondary: true })) : works;
  return original.concat(next);
}

/**
 * Finds and reads the date after an author: the first date that begins a word. Undefined when a digit comes first
 * ("Table 2", "USD 2,400") or the author would be too long.
 */
function findDateAfterAuthor(prose: string, start: number, end: number): DatedSpan | undefined {
  const limit = Math.min(end, start + MAX_AUTHOR_CHARS);
  let from = start + 1;
  for (;;) {
    // Only a digit, or the first letter of "n.d.", "in press" or "forthcoming", can start a date or end the look.
    const i = matchEnd(UP_TO_POSSIBLE_DATE, prose, from) ?? prose.length;
    if (i >= limit) return undefined;
    const before = prose.charCodeAt(i - 1);
    if (before === SPACE || before === COMMA) {
      const date = readDateAt(prose, i, end);
      if (date) return date;
    }
    const code = prose.charCodeAt(i);
    if (code >= 48 && code <= 57 /* a digit */) return undefined;
    from = i + 1;
  }
}

/** Characters up to one that may start a date; a segment's closing ")" stops it at the latest. */
const UP_TO_POSSIBLE_DATE = new RegExp(`[^${DATE_START_CLASS})]*`, 'y');

/**
 * An acronym written before a year without a comma is a venue ("ISMIR 2009", "NeurIPS 2020"), not an author: one word,
 * all capitals or three capitals or more. Surnames such as "McCurdy" or "DeVries" have two.
 */
export function isVenueName(written: string): boolean {
  if (!/^\p{L}+$/u.test(written)) return false;
  const capitals = written.replace(/\P{Lu}/gu, '').length;
  return capitals >= 3 || (capitals >= 2 && capitals === written.length);
}

const ABBREVIATION_DEFINED = /\s*\[(\p{Lu}[\p{Lu}\d&.-]{0,11})\]$/u;
const LOWER_CASE_AUTHOR_WORDS = new Set(['and', '&', 'et', 'et.', 'al', 'al.', 'of', 'for', 'the', 'on', 'in', 'und', 'y']);
/** Words that look like a name before a year but are never authors: "(March 2019)", "(Table 2019)". */
const NOT_AUTHORS = new Set([
  'table', 'figure', 'fig.', 'section', 'chapter', 'appendix', 'equation', 'eq.', 'usd', 'eur', 'gbp', 'version', 'since',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'spring', 'summer', 'autumn', 'fall', 'winter', 'year', 'years', 'fy', 'ad', 'bc', 'ce', 'bce', 'circa', 'ca.',
]);

/** Checks and reads the author part of a parenthetical work. */
function authorPart(prose: string, span: Span): AuthorPart | undefined {
  const written = collapseWhitespace(prose.slice(span.start, span.end));
  if (written === '' || written.length > MAX_AUTHOR_CHARS) return undefined;
  const defined = written.endsWith(']') ? ABBREVIATION_DEFINED.exec(written) : null;
  const name = defined ? written.slice(0, defined.index) : written;
  const words = name.split(' ');
  if (words.length > MAX_AUTHOR_WORDS || NOT_AUTHORS.has(withoutTrailingComma(words[0]).toLowerCase())) return undefined;
  const first = words[0];
  if (!isNameWord(first) && !(CAPITALISED.test(first) && /^[\p{L}.'’-]+,?$/u.test(first)) && !(PARTICLES.has(first) && words.length > 1)) return undefined;
  for (let i = 0; i < words.length; i++) if (!isAuthorWord(words[i])) return undefined;
  const names = readAuthorNames(name);
  if (names.authors.length === 0) return undefined;
  return {
    span,
    text: written,
    authors: names.authors,
    etAl: names.etAl,
    isTitle: false,
    possessive: names.possessive,
    definesAbbreviation: defined?.[1],
  };
}

const CAPITALISED = /^\p{Lu}/u;
const CAPITALISED_AFTER_PREFIX = /^(?:d['’]|[ae]l-)\p{Lu}/u;
const NAME_CHARACTERS = /^[\p{L}\p{M}.'’-]+$/u;

function isAuthorWord(word: string): boolean {
  const bare = withoutTrailingComma(word);
  const first = bare.charCodeAt(0);
  // Checked on the first character before any pattern runs: a capital, or a small "d", "a" or "e" that may open
  // "d'Alembert" or "al-Farsi", or a character beyond ASCII.
  const capitalised =
    isAsciiCapital(first) ||
    (first >= 128 && CAPITALISED.test(bare)) ||
    ((first === 100 /* d */ || first === 97 /* a */ || first === 101 /* e */) && CAPITALISED_AFTER_PREFIX.test(bare));
  if (capitalised) return NAME_CHARACTERS.test(bare);
  return LOWER_CASE_AUTHOR_WORDS.has(bare) || PARTICLES.has(bare);
}

/** One CitedWork per date. The first covers author to date; later ones only their date; the tail belongs to the last. */
function worksOf(author: AuthorPart | AuthorPhrase & AuthorPart, dates: DatedSpan[], tail: CitationTail, wholeSpan?: Span): CitedWork[] {
  return dates.map((dated, i) => {
    const work: CitedWork = {
      span: i === 0 ? wholeSpan ?? { start: author.span.start, end: dated.span.end } : dated.span,
      authorText: author.text,
      authorSpan: author.span,
      authors: author.authors,
      etAl: author.etAl,
      isTitle: author.isTitle,
      date: dated.date,
      dateSpan: dated.span,
    };
    if (i === dates.length - 1) {
      if (tail.locator) work.locator = tail.locator;
      if (tail.note) work.note = tail.note;
    }
    if (author.definesAbbreviation) work.definesAbbreviation = author.definesAbbreviation;
    if (author.possessive) work.possessive = true;
    return work;
  });
}

// ---------------------------------------------------------------------------------------------------------------------

const SPACE = 32;
const COMMA = 44;


function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** The end of the text in [from, to) without trailing spaces (and commas, when asked). */
function trimEnd(text: string, from: number, to: number, commas = false): number {
  let i = to;
  for (; i > from; i--) {
    const code = text.charCodeAt(i - 1);
    if (code !== SPACE && !(commas && code === COMMA)) break;
  }
  return i;
}

/** Drops citations inside a skipped span and any citation overlapping an earlier one. Both lists are sorted by start. */
function withoutOverlaps(found: readonly Found[], skip: Span[]): Found[] {
  const skipped = sortedByStart(skip);
  const kept: Found[] = [];
  let s = 0;
  let lastEnd = -1;
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    const { start, end } = f.citation.span;
    while (s < skipped.length && skipped[s].end <= start) s++;
    if (s < skipped.length && skipped[s].start < end) continue;
    if (start < lastEnd) continue;
    kept.push(f);
    lastEnd = end;
  }
  return kept;
}
