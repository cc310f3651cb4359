// Finds author-year mentions written without parentheses ("compare to Ananian 2001", "_Tkaczyk et al., 2014_"). A bare
// capitalised word before a year is too common to be a citation on its own ("Windows 2000", "COVID 2019"), so a mention
// counts only when the word is the first author of an entry in the document's own reference list.

import type { Citation, PersonName, ReferenceEntry, Span } from '../types';
import { parseWorkDate } from './dates';
import { nameKey } from '../text/normalize';
import { insideSortedSpans } from '../text/sortedSpans';
import { heldIn } from '../memo';

/** Name, optional "et al.", optional comma, year. Each part is bounded, so matching stays linear. Tried only at the start
 * of a name read backwards from a year: tried at every capital letter of a long document, it costs fifty times as much
 * as finding the years. */
const BARE_MENTION = /(?<![\p{L}\p{M}\p{N}'’\-(@\\/.])([\p{Lu}][\p{L}\p{M}'’-]{1,40})(\s+et\s+al\.?)?,?\s((?:1[5-9]|20)\d\d[a-z]?)(?![\p{L}\p{N}–-])/uy;
/** The years a mention can end with: the landmarks the scan starts from. */
const YEAR = /(?:1[5-9]|20)\d\d/g;

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

export function findBareMentions(masked: string, entries: ReferenceEntry[], taken: Span[]): Citation[] {
  if (!entries.some((entry) => entry.authors.length > 0)) return [];
  const found: Citation[] = [];
  // Both made once a candidate needs them. Most candidates lie in a parenthetical citation ("(Oke, 1982; Qerimi, 2023)"),
  // which one look at the sorted spans rules out without computing the key of every first author.
  let sortedTaken: Span[] | undefined;
  let firstAuthors: Set<string> | undefined;
  let scannedTo = 0;
  YEAR.lastIndex = 0;
  for (let year = YEAR.exec(masked); year; year = YEAR.exec(masked)) {
    const m = mentionEndingWith(masked, year.index, scannedTo);
    if (!m) continue;
    scannedTo = m.index + m[0].length;
    const [whole, name, etAl, yearText] = m;
    sortedTaken ??= [...taken].sort((a, b) => a.start - b.start);
    if (insideSortedSpans(sortedTaken, m.index)) continue;
    firstAuthors ??= firstAuthorKeys(entries);
    if (!firstAuthors.has(nameKey(name))) continue;
    const date = parseWorkDate(yearText);
    if (!date) continue;
    const span = { start: m.index, end: m.index + whole.length };
    const authorSpan = { start: m.index, end: m.index + name.length + (etAl?.length ?? 0) };
    found.push({
      span,
      kind: 'narrative',
      items: [
        {
          span,
          authorText: etAl ? `${name} et al.` : name,
          authorSpan,
          authors: [name],
          etAl: !!etAl,
          isTitle: false,
          date,
          dateSpan: { start: span.end - yearText.length, end: span.end },
        },
      ],
    });
  }
  return found;
}

/**
 * The mention that ends with the year at `yearStart`, starting no earlier than `from` (where the last mention ended:
 * mentions do not overlap). The name is read backwards, bounded, for each way the text before the year can read; the
 * full pattern then decides at the start found.
 */
function mentionEndingWith(masked: string, yearStart: number, from: number): RegExpExecArray | null {
  const beforeYear = yearStart - 1;
  if (beforeYear < from || !isWhitespace(masked.charCodeAt(beforeYear))) return null;
  const nameEnd = beforeYear > 0 && masked.charCodeAt(beforeYear - 1) === COMMA ? beforeYear - 1 : beforeYear;
  return mentionWithNameBefore(masked, nameEnd, from) ?? mentionWithNameBefore(masked, nameEndBeforeEtAl(masked, nameEnd), from);
}

/** The mention whose name ends at `nameEnd` (-1: none), if the full pattern matches from the name's start. */
function mentionWithNameBefore(masked: string, nameEnd: number, from: number): RegExpExecArray | null {
  const start = nameEnd < 0 ? -1 : nameStartBefore(masked, nameEnd);
  if (start < from || !mayStartMention(masked, start)) return null;
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

/** The start of the run of white space that ends at `end`; `end` itself if there is none. Only runs that end a
 * candidate are read, and they lie between one year and the year before, so the scan stays linear. */
function whitespaceStartBefore(text: string, end: number): number {
  let at = end;
  while (at > 0 && isWhitespace(text.charCodeAt(at - 1))) at--;
  return at;
}

/** The start of the run of name characters (letters, marks, apostrophes, hyphens) that ends at `end`, or -1 when the
 * run is empty or longer than a name can be. */
function nameStartBefore(text: string, end: number): number {
  let at = end;
  for (let count = 0; at > 0; count++) {
    const width = nameCharWidthBefore(text, at);
    if (width === 0) break;
    if (count === MAX_NAME_CHARS) return -1;
    at -= width;
  }
  return at < end ? at : -1;
}

/** What the pattern's look behind excludes, among ASCII characters: "(Smith, 2001)" is a parenthetical citation, not a
 * bare mention, and most years after a name are in one. */
const NOT_BEFORE_MENTION = /[A-Za-z0-9'\-(@\\/.]/;

/** A quick test, in ASCII, of what the pattern asks of a mention's first character and the one before it: only
 * candidates that pass it are matched. */
function mayStartMention(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  return before >= 128 || !NOT_BEFORE_MENTION.test(text[start - 1]);
}

const NAME_CHAR = /^[\p{L}\p{M}'’-]$/u;

/** How many code units the name character that ends at `end` takes (2 for a surrogate pair), or 0 if the character
 * there is none. */
function nameCharWidthBefore(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 45) return 1;
  if (code < 128) return 0;
  const width = isLowSurrogate(code) && end >= 2 && isHighSurrogate(text.charCodeAt(end - 2)) ? 2 : 1;
  return NAME_CHAR.test(text.slice(end - width, end)) ? width : 0;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** What "\s" matches in a regular expression. */
function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
