// Finds author-year mentions written without parentheses ("compare to Ananian 2001", "_Tkaczyk et al., 2014_"). A bare
// capitalised word before a year is too common to be a citation on its own ("Windows 2000", "COVID 2019"), so a mention
// counts only when the word is the first author of an entry in the document's own reference list.

import type { Citation, PersonName, ReferenceEntry, Span } from '../types';
import { parseWorkDate } from './dates';
import { nameKey } from '../text/normalize';
import { insideSortedSpans, sortedByStart } from '../text/sortedSpans';
import { heldIn } from '../memo';
import { asciiTable } from '../text/characters';
import { whitespaceStartBefore } from '../text/whitespace';

/** Name, optional "et al.", optional comma, year. Each part is bounded, so matching stays linear. Tried only at the start
 * of a name read backwards from a year: tried at every capital letter of a long document, it costs fifty times as much
 * as finding the years. */
const BARE_MENTION = /(?<![\p{L}\p{M}\p{N}'’\-(@\\/.])([\p{Lu}][\p{L}\p{M}'’-]{1,40})(\s+et\s+al\.?)?,?\s((?:1[5-9]|20)\d\d[a-z]?)(?![\p{L}\p{N}–-])/uy;
/** The years a mention can end with, after the one white space character the pattern wants before them: the landmarks
 * the scan starts from. */
const SPACED_YEAR = /\s(?:1[5-9]|20)\d\d/g;

/** The keys of names already seen: an edit rescans its paragraph against the whole list, whose entries (moved copies
 * after an edit) share their name objects with the previous version's. */
const familyKeysByName = new WeakMap<PersonName, readonly string[]>();

/** A name's keys: its family name, and with its particle ("van Gogh") if it has one (a key drops the space a missing
 * particle would leave, so a second key without one would only repeat the first). */
function familyKeys(name: PersonName): readonly string[] {
  return heldIn(familyKeysByName, name, () => {
    if (name.literal) return [nameKey(name.literal)];
    const family = nameKey(name.family);
    return name.particle === undefined ? [family] : [family, nameKey(`${name.particle} ${name.family}`)];
  });
}

/** The first authors' keys of the list last read, by the name objects they were made from. */
let lastFirstAuthors: { names: (PersonName | undefined)[]; keys: Set<string> } = { names: [], keys: new Set() };

/** The keys of the entries' first authors: the same set as last time when every entry has the same first author object. */
function firstAuthorKeys(entries: ReferenceEntry[]): Set<string> {
  const names = entries.map((entry) => entry.authors[0]);
  const last = lastFirstAuthors.names;
  if (names.length === last.length && names.every((name, i) => name === last[i])) return lastFirstAuthors.keys;
  const keys = new Set<string>();
  for (const name of names) if (name) for (const key of familyKeys(name)) keys.add(key);
  lastFirstAuthors = { names, keys };
  return keys;
}

/** The bare mentions of the entries' first authors that start outside the `taken` spans (in any order, not
 * overlapping). */
export function findBareMentions(masked: string, entries: ReferenceEntry[], taken: readonly Span[]): Citation[] {
  if (!entries.some((entry) => entry.authors.length > 0)) return [];
  // Made once a candidate needs them. Most candidates lie in a parenthetical citation ("(Oke, 1982; Qerimi, 2023)"),
  // which a look at the taken spans rules out before the pattern is matched or any first author's key computed.
  let sortedTaken: readonly Span[] | undefined;
  let firstAuthors: Set<string> | undefined;
  const isTaken = (offset: number) => insideSortedSpans((sortedTaken ??= sortedByStart(taken)), offset);
  const found: Citation[] = [];
  // `test` finds the next year without building a match for each.
  for (SPACED_YEAR.lastIndex = 0; SPACED_YEAR.test(masked); ) {
    const m = mentionEndingWith(masked, SPACED_YEAR.lastIndex - YEAR_LENGTH, isTaken);
    if (!m) continue;
    firstAuthors ??= firstAuthorKeys(entries);
    const citation = firstAuthors.has(nameKey(m[1])) ? bareMention(m) : undefined;
    if (citation) found.push(citation);
  }
  return found;
}

/** The citation a matched mention makes, if its year is a date. */
function bareMention(m: RegExpExecArray): Citation | undefined {
  const [whole, name, etAl, yearText] = m;
  const date = parseWorkDate(yearText);
  if (!date) return undefined;
  const span = { start: m.index, end: m.index + whole.length };
  const authorSpan = { start: m.index, end: m.index + name.length + (etAl?.length ?? 0) };
  const item = {
    span,
    authorText: etAl ? `${name} et al.` : name,
    authorSpan,
    authors: [name],
    etAl: !!etAl,
    isTitle: false,
    date,
    dateSpan: { start: span.end - yearText.length, end: span.end },
  };
  return { span, kind: 'narrative', items: [item] };
}

const YEAR_LENGTH = 4;

/**
 * The mention that ends with the year at `yearStart` (after a white space character) and does not start in a taken
 * span. The name is read backwards, bounded, for each way the text before the year can read ("Oke 1982", "Oke, 1982",
 * "Oke et al., 1982"); the full pattern then decides at the start found. At most one way can match, and mentions never
 * overlap: from a name's start to its year there is no digit, so a name starts after the year of the mention before.
 */
function mentionEndingWith(masked: string, yearStart: number, isTaken: (offset: number) => boolean): RegExpExecArray | null {
  const beforeYear = yearStart - 1;
  const nameEnd = beforeYear > 0 && masked.charCodeAt(beforeYear - 1) === COMMA ? beforeYear - 1 : beforeYear;
  return mentionWithNameBefore(masked, nameEnd, isTaken) ?? mentionWithNameBefore(masked, nameEndBeforeEtAl(masked, nameEnd), isTaken);
}

/** The mention whose name ends at `nameEnd` (-1: none), if it starts outside the taken spans and the full pattern
 * matches from there. */
function mentionWithNameBefore(masked: string, nameEnd: number, isTaken: (offset: number) => boolean): RegExpExecArray | null {
  const start = nameEnd < 0 ? -1 : nameStartBefore(masked, nameEnd);
  if (start < 0 || !mayStartMention(masked, start) || isTaken(start)) return null;
  BARE_MENTION.lastIndex = start;
  return BARE_MENTION.exec(masked);
}

const COMMA = 44;
const PERIOD = 46;
/** The longest name the pattern reads, in characters (code points). */
const MAX_NAME_CHARS = 41;

/** Where the name ends if " et al." (or " et al") ends at `end`, else -1. White space runs are read whole. */
function nameEndBeforeEtAl(text: string, end: number): number {
  let at = end > 0 && text.charCodeAt(end - 1) === PERIOD ? end - 1 : end;
  if (at < 2 || !text.startsWith('al', at - 2)) return -1;
  at = whitespaceStartBefore(text, at - 2);
  if (at < 2 || !text.startsWith('et', at - 2)) return -1;
  const afterName = at - 2;
  at = whitespaceStartBefore(text, afterName);
  return at < afterName ? at : -1;
}

/** The start of the run of name characters (letters, marks, apostrophes, hyphens) that ends at `end`, or -1 when the
 * run is empty or longer than a name can be. */
function nameStartBefore(text: string, end: number): number {
  let at = end;
  for (let count = 0; at > 0; count++) {
    const code = text.charCodeAt(at - 1);
    const width = code < 128 ? ASCII_NAME_CHARS[code] : otherNameCharWidthBefore(text, at);
    if (width === 0) break;
    if (count === MAX_NAME_CHARS) return -1;
    at -= width;
  }
  return at < end ? at : -1;
}

/** A character of a name, as the pattern reads it. */
const NAME_CHAR = /^[\p{L}\p{M}'’-]$/u;

/** The pattern's classes, for ASCII characters: read for every character a name is read back over. Made from the same
 * expression, the name table also readies it for the rare characters outside ASCII. */
const ASCII_NAME_CHARS = asciiTable(NAME_CHAR);
const ASCII_CAPITALS = asciiTable(/\p{Lu}/u);
const ASCII_NOT_BEFORE_MENTION = asciiTable(/[\p{L}\p{M}\p{N}'’\-(@\\/.]/u);

/** A quick test, in ASCII, of what the pattern asks of a mention's first character and the one before it, so that most
 * candidates are ruled out without matching: in "(Oke, 1982)" the name follows a parenthesis. */
function mayStartMention(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 128 && !ASCII_CAPITALS[first]) return false;
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  return before >= 128 || !ASCII_NOT_BEFORE_MENTION[before];
}

/** How many code units the name character outside ASCII that ends at `end` takes (2 for a surrogate pair), or 0 if the
 * character there is none. */
function otherNameCharWidthBefore(text: string, end: number): number {
  const width = isLowSurrogate(text.charCodeAt(end - 1)) && end >= 2 && isHighSurrogate(text.charCodeAt(end - 2)) ? 2 : 1;
  return NAME_CHAR.test(text.slice(end - width, end)) ? width : 0;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
