// Parses the text of one reference entry into authors, date, title, container, DOI and URL. Handles APA
// ("Surname, I. (2019). Title. Source."), Chicago ("Surname, Given. 2018. “Title.” Journal"), Econometrica
// ("Surname, I. (2005): “Title,” Journal"), Harvard and ACL-like given-name-first entries. An entry that cannot be
// read fully is still returned, with problems that say what is missing.

import type { PersonName, ReferenceEntry, Span, WorkDate } from '../types';
import { DATE_SOURCE, DATE_START, LETTER_CLASS, dateFromMatch, isPublicationYear } from './dates';
import { EDITOR_MARK, parseAuthorList, withoutElisions } from './names';
import { collapseWhitespace, isWhitespace } from '../text/whitespace';
import { startsWithOneOf } from '../text/characters';
import { isAscii } from '../text/characters';

/** Only this many characters of an entry are read: real entries are far shorter, and it bounds the work per entry. */
const READ_LIMIT = 4000;

/** The author part of a real entry is never longer than this. */
const AUTHOR_PART_LIMIT = 600;

/** A date in parentheses, or a bare date not glued to other letters, digits or version numbers. */
const DATE_CANDIDATE = new RegExp(`(\\()?(?<![${LETTER_CLASS}\\p{N}/.\\-])${DATE_SOURCE}(\\))?`, 'gu');

export const DOI = /(?:https?:\/\/(?:dx\.)?doi\.org\/|\bdoi:\s?)?\b(10\.\d{4,9}\/[^\s<>"'\[\]]+)/iu;
/** The same pattern used from a chosen offset (global), so that the search can begin near the DOI's "10.". */
const DOI_FROM_OFFSET = new RegExp(DOI.source, 'giu');
/** The longest text a DOI pattern matches before "10.": "https://dx.doi.org/". */
const LONGEST_DOI_PREFIX = 'https://dx.doi.org/'.length;
const URL = /(?:https?:\/\/|\bwww\.)[^\s<>"'\[\]]+/giu;
/** "www." in any case. */
const WWW = /www\./iu;
/** "doi:" or "doi.", without which no "doi:10.…" or "doi.org/…" mention can be present. */
const DOI_MENTION = /doi[:.]/iu;
/** A URL in angle brackets: "<https://example.org>". */
const ANGLE_BRACKET_URL = /<(?:https?:\/\/|www\.)[^<>\s]*>/giu;
const DOI_LINK = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\//iu;

/** "[text](destination)" Markdown links, read as their text. */
const MARKDOWN_LINK = /\[((?:[^\[\]]|\[[^\[\]]{0,100}\]){0,500})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}\)/gu;

/** A citation label in front of the entry: "_(Xu et al., 2020)_ Yiheng Xu, ...". */
const LEADING_LABEL = /^[_*]{0,2}\(([^()]{1,200})\)[_*]{0,2}\s+(?=\S)/u;

/** Dashes that stand for the previous entry's authors ("———. (1970).") */
const REPEATED_AUTHOR_DASHES = /^(?:[—–―]+|-{2,}|_{2,})\.?\s*/u;

interface DateHit {
  date: WorkDate;
  /** Where the author part ends. */
  start: number;
  /** Where the text after the date begins. */
  end: number;
  parenthesised: boolean;
}

/** The pieces of an entry found before any field is interpreted. */
interface EntryLayout {
  /** The entry as read: labels dropped, links read as their text, URLs and DOIs removed, spaces collapsed. */
  reading: string;
  authorPart: string;
  date?: DateHit;
  /** The text after the date (or after the author part when there is no date). */
  rest: string;
}

export function parseReferenceEntry(text: string, span: Span, id: string): ReferenceEntry {
  const entry: ReferenceEntry = { id, span, text, authors: [], problems: [] };
  const raw = text.slice(0, READ_LIMIT);
  const doi = findDoi(raw);
  if (doi) entry.doi = doi;
  const url = findUrl(raw);
  if (url) entry.url = url;
  const layout = layoutOf(raw);
  if (layout.date) entry.date = layout.date.date;
  else addProblem(entry, 'entry-no-date', NO_DATE);
  const editors = findEditors(layout.rest);
  if (editors.length > 0) entry.editors = editors;
  const { title, container } = titleAndContainer(layout.rest);
  if (readsAsTitle(layout.authorPart)) {
    // A work without an author starts with its title ("New U.S. landmine policy. (2022). *Arms Control Today*.").
    entry.title = cleanField(layout.authorPart);
    if (title) entry.container = title;
  } else {
    const authors = parseAuthorList(layout.authorPart);
    entry.authors = authors.names;
    if (authors.elided) entry.authorsElided = true;
    if (title) entry.title = title;
    if (container) entry.container = container;
    if (authors.names.length === 0) addProblem(entry, 'entry-no-author', NO_AUTHOR);
  }
  return entry;
}

/** True when the text starts the way a reference entry does: names, then a date in an entry's position. */
export function looksLikeReferenceEntry(text: string): boolean {
  const layout = layoutOf(text.slice(0, READ_LIMIT));
  if (!layout.date || layout.authorPart === '' || layout.date.start > AUTHOR_PART_LIMIT) return false;
  if (!isNameSequence(layout.authorPart) && !startsWithTitle(layout)) return false;
  return dateEndsLikeEntry(layout.reading, layout.date);
}

/** "Title of the work. (2022)." — a sentence, then a date in parentheses closed by a full stop. */
function startsWithTitle(layout: EntryLayout): boolean {
  const date = layout.date;
  if (!date || !date.parenthesised || !readsAsTitle(layout.authorPart)) return false;
  return /[.?!] $/u.test(layout.reading.slice(Math.max(0, date.start - 2), date.start)) && /^\([^()]*\)\./u.test(layout.reading.slice(date.start, date.start + 60));
}

/**
 * Names and organisations have no lower-case words except particles and small linking words; a title has
 * ("New U.S. anti-personnel landmine policy").
 */
function readsAsTitle(authorPart: string): boolean {
  const text = withoutElisions(authorPart).text;
  // Only words that begin with three lower-case letters can decide; one search finds them without splitting the text.
  LOWER_CASE_WORD.lastIndex = 0;
  for (let match = LOWER_CASE_WORD.exec(text); match; match = LOWER_CASE_WORD.exec(text)) {
    const word = match[0];
    if (!/\p{Lu}/u.test(word) && !CONNECTORS.has(word.replace(/[,;.:]+$/u, ''))) return true;
  }
  return false;
}

/** A space-separated word that begins with three lower-case letters. */
const LOWER_CASE_WORD = /(?<![^ ])\p{Ll}{3}[^ ]*/gu;

/** True when the entry text begins with dashes or its date, standing for the previous entry's authors. */
export function repeatsPreviousAuthors(text: string): boolean {
  return REPEATED_AUTHOR_DASHES.test(text) || /^\(?\d{4}/u.test(text);
}

function layoutOf(raw: string): EntryLayout {
  const reading = readingText(raw);
  const date = findDate(reading);
  if (date) {
    // "Yiheng Xu, Lei Cui. LayoutLM: Pre-training ... KDD 2020": a sentence before the date ends the authors.
    const before = reading.slice(0, date.start);
    const stop = sentenceEnd(before, 0, before.length, true);
    if (stop >= 0 && /\p{L}/u.test(before.slice(stop + 1))) {
      return { reading, authorPart: cleanAuthorPart(before.slice(0, stop)), date, rest: reading.slice(stop + 1).trim() };
    }
    return { reading, authorPart: cleanAuthorPart(before), date, rest: reading.slice(date.end).trim() };
  }
  const end = authorPartEnd(reading);
  return { reading, authorPart: cleanAuthorPart(reading.slice(0, end)), rest: reading.slice(end).trim() };
}

/** The text with labels, link destinations, URLs and DOIs taken out, so that only words and dates remain. */
function readingText(raw: string): string {
  // Each replacement runs only when the character or word its pattern begins with is present: most entries have no
  // label, no link and no angle brackets, and skipping those searches is most of the saving on a long list.
  const collapsed = collapseWhitespace(raw);
  let text = collapsed;
  const label = startsWithOneOf(text, '_*(') ? LEADING_LABEL.exec(text) : null;
  if (label && /\d{4}/u.test(label[1]) && /\p{L}/u.test(label[1])) text = text.slice(label[0].length);
  if (startsWithOneOf(text, '—–―-_')) text = text.replace(REPEATED_AUTHOR_DASHES, '');
  if (text.includes('](')) text = text.replace(MARKDOWN_LINK, '$1');
  if (text.includes('<')) text = text.replace(ANGLE_BRACKET_URL, ' ');
  text = withoutUrls(text);
  if (DOI_MENTION.test(text)) text = text.replace(/\bdoi:\s?10\.\S+/giu, ' ').replace(/\bdoi\.org\/\S+/giu, ' ');
  return text === collapsed ? text : collapseWhitespace(text);
}

/** The text with every URL replaced by a space. */
function withoutUrls(text: string): string {
  const from = urlSearchStart(text);
  if (from < 0) return text;
  let result = '';
  let copied = 0;
  URL.lastIndex = from;
  for (let match = URL.exec(text); match; match = URL.exec(text)) {
    result += `${text.slice(copied, match.index)} `;
    copied = match.index + match[0].length;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/**
 * Where the search for URLs may begin, or -1 when the text holds none: every URL either begins with "www." or has its
 * "://" at most five characters ("https") after its start. Starting there spares the URL pattern the words before it.
 */
function urlSearchStart(text: string): number {
  const scheme = text.indexOf('://');
  const www = text.search(WWW);
  if (scheme < 0) return www;
  const schemeStart = Math.max(0, scheme - 'https'.length);
  return www < 0 ? schemeStart : Math.min(schemeStart, www);
}

/** The first date that stands where an entry puts it: "(2019)", "(2004, March 17)", "2018.", "2013 “Title”". */
function findDate(reading: string): DateHit | undefined {
  // The search for the first year or date word spares the date pattern, with its look-behind at every position, the
  // names in front of the date. Only a date's opening parenthesis stands before that word.
  const dateStart = reading.search(DATE_START);
  if (dateStart < 0) return undefined;
  const year = parenthesisedYear(reading, dateStart);
  if (year) return year;
  DATE_CANDIDATE.lastIndex = Math.max(0, dateStart - 1);
  for (let match = DATE_CANDIDATE.exec(reading); match; match = DATE_CANDIDATE.exec(reading)) {
    const open = match[1] === '(';
    const close = match[9] === ')';
    const dateText = match[0].slice(open ? 1 : 0, match[0].length - (close ? 1 : 0));
    const date = dateFromMatch(match, dateText, 2);
    if (!date) continue;
    const end = match.index + match[0].length;
    if (open && close) return { date, start: match.index, end: skipDateCloser(reading, end), parenthesised: true };
    if (open) continue;
    const followedBy = reading.slice(end, end + 2);
    const standsAlone = close ? false : followedBy === '' || /^[.,:;]( |$)|^[.,:;]$|^ ?[“"‘«*_[]/u.test(followedBy);
    if (standsAlone) return { date, start: match.index, end: skipDateCloser(reading, end), parenthesised: false };
  }
  return undefined;
}

/**
 * "(2019)" where the first date word begins: the commonest entry date, read without the full date pattern (which a
 * list of such entries then never needs to compile). The pattern would find the same date there first.
 */
function parenthesisedYear(reading: string, dateStart: number): DateHit | undefined {
  // Of the words a date begins with only four digits start with a digit, so one digit here means four.
  const first = reading[dateStart];
  if (dateStart === 0 || !(first >= '0' && first <= '9') || reading[dateStart - 1] !== '(' || reading[dateStart + 4] !== ')') return undefined;
  const text = reading.slice(dateStart, dateStart + 4);
  const year = Number(text);
  if (!isPublicationYear(year)) return undefined;
  return { date: { text, year }, start: dateStart - 1, end: skipDateCloser(reading, dateStart + 5), parenthesised: true };
}

/** Skips the punctuation that closes a date: "). ", "): ", ", ". */
function skipDateCloser(reading: string, from: number): number {
  let index = from;
  while (index < reading.length && index < from + 4 && ' .,:;)'.includes(reading[index])) index++;
  return index;
}

/** After an entry's date comes punctuation or the title, never a lower-case word of running prose. */
function dateEndsLikeEntry(reading: string, date: DateHit): boolean {
  if (!date.parenthesised) return true;
  const after = reading.slice(date.start).replace(/^\([^()]*\)/u, '');
  return after === '' || /^(?:[.,:;]|\s*[\p{Lu}“"‘«*_[<\d])/u.test(after);
}

/** Without a date, the authors end at the first full stop that ends a word (not an initial), or at a quotation mark. */
function authorPartEnd(reading: string): number {
  const quote = reading.search(/[“"«]/u);
  const limit = quote >= 0 ? quote : reading.length;
  const stop = sentenceEnd(reading, 0, limit, true);
  return stop < 0 ? limit : stop;
}

/** "Surname, I. (Ed.)" → "Surname, I."; trailing separators dropped. */
function cleanAuthorPart(part: string): string {
  const withoutMarks = part.includes('(') ? part.replace(EDITOR_MARKS, ' ') : part;
  const text = collapseWhitespace(withoutMarks);
  let end = text.length;
  while (end > 0 && ' ,;:'.includes(text[end - 1])) end--;
  return text.slice(0, end).trim();
}

/** Every "(Ed.)" or "(Eds.)" with the full stop that may follow it. */
const EDITOR_MARKS = new RegExp(`${EDITOR_MARK.source}\\.?`, 'giu');

/** Every word is a name, an initial, a particle, a connector, "et al." or a parenthesised abbreviation. */
function isNameSequence(part: string): boolean {
  const words = withoutElisions(part).text.split(' ').filter((w) => w !== '');
  if (words.length === 0) return false;
  const first = words[0].replace(/^[("'“]+/u, '');
  if (!/^(?:\p{Lu}|van\b|von\b|de\b|der\b|den\b|da\b|di\b|du\b|le\b|la\b|dos\b|ter\b|ten\b)/u.test(first)) return false;
  return words.every(isNameWord);
}

const CONNECTORS = new Set(['and', '&', 'of', 'for', 'the', 'on', 'in', 'van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'dos', 'das', 'del', 'ter', 'ten', 'y', 'e', 'und']);

function isNameWord(word: string): boolean {
  const bare = word.replace(/[,;.:]+$/u, '');
  if (CONNECTORS.has(bare.toLowerCase()) && bare === bare.toLowerCase()) return true;
  if (/^\(\p{Lu}[\p{L}.&-]*\)$/u.test(bare)) return true;
  return /^-?\p{Lu}[\p{L}\p{M}'’.\-]*$/u.test(bare);
}

/** Editors named before "(Ed.)" or "(Eds.)" after the date: "In A. -M. Brady (Ed.), Title". */
function findEditors(rest: string): PersonName[] {
  const mark = EDITOR_MARK.exec(rest);
  if (!mark) return [];
  const before = rest.slice(0, mark.index);
  const inWord = before.lastIndexOf('In ');
  const boundary = lastSentenceEnd(before);
  const start = inWord >= 0 && inWord >= boundary ? inWord + 3 : boundary;
  return parseAuthorList(before.slice(start)).names;
}

/** The title is the first sentence after the date (or a quoted or italic title); the container follows it. */
function titleAndContainer(rest: string): { title?: string; container?: string } {
  let text = withoutLeadingSeparators(rest);
  // An APA description in brackets ("[Paper Presentation].") is not the title.
  const description = /^\[[^\[\]]{1,80}\]\.?\s*/u.exec(text);
  if (description) text = text.slice(description[0].length);
  const titleEnd = titleEndOf(text);
  const title = cleanField(text.slice(0, titleEnd.end));
  const container = containerOf(text.slice(titleEnd.next));
  return { title: title || undefined, container: container || undefined };
}

/** The text without the spaces and separators it starts with; most texts start with a word and are left alone. */
function withoutLeadingSeparators(text: string): string {
  const first = text[0];
  if (first === undefined || !(isWhitespace(first) || '.,:;'.includes(first))) return text;
  return text.replace(/^[\s.,:;]+/u, '');
}

/** The mark that closes a quoted or emphasised title, by the mark that opens it. */
const TITLE_CLOSERS = new Map([['“', '”'], ['"', '"'], ['«', '»'], ['*', '*'], ['_', '_'], ['‘', '’']]);

function titleEndOf(text: string): { end: number; next: number } {
  const closer = TITLE_CLOSERS.get(text[0]);
  if (closer) {
    const close = text.indexOf(closer, 1);
    if (close > 0) return { end: close + 1, next: close + 1 };
  }
  const stop = sentenceEnd(text, 0, text.length);
  return stop < 0 ? { end: text.length, next: text.length } : { end: stop, next: stop + 1 };
}

function containerOf(text: string): string {
  let source = withoutLeadingSeparators(text);
  if (/^In:? /u.test(source)) {
    const mark = EDITOR_MARK.exec(source);
    source = mark ? source.slice(mark.index + mark[0].length) : source.slice(3);
    source = source.replace(/^[\s.,:;]*(?:\((?:pp?\.|Vol\.)[^()]{0,40}\)[\s.,]*)?/u, '');
  }
  if (!/\p{L}/u.test(source)) return '';
  const italic = italicText(source);
  if (italic !== undefined) return cleanField(italic);
  const stop = sentenceEnd(source, 0, source.length);
  let container = stop < 0 ? source : source.slice(0, stop);
  // Volume, issue and pages follow the source's name after a comma: "Journal, 12(3), 45–67".
  const numbers = container.includes(',') ? container.search(/,\s*(?:\d|pp?\.|vol\.)/iu) : -1;
  if (numbers > 0) container = container.slice(0, numbers);
  return cleanField(container);
}

/** The words of "*Journal*" or "_Journal_" at the start of the text: up to 300 characters between matching marks. */
function italicText(text: string): string | undefined {
  const mark = text[0];
  if (mark !== '*' && mark !== '_') return undefined;
  const star = text.indexOf('*', 1);
  const underscore = text.indexOf('_', 1);
  const close = star < 0 ? underscore : underscore < 0 ? star : Math.min(star, underscore);
  // The first mark after the opening one must close it; within 301 code units there are surely at most 300 characters.
  if (close < 2 || text[close] !== mark) return undefined;
  if (close <= 301) return text.slice(1, close);
  const match = /^([*_])([^*_]{1,300})\1/u.exec(text);
  return match ? match[2] : undefined;
}

/** Emphasis marks, surrounding quotation marks and trailing separators removed. */
function cleanField(text: string): string {
  const plain = text.includes('*') || text.includes('_') ? text.replace(/[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}/gu, '') : text;
  let start = 0;
  while (start < plain.length && (FIELD_OPENERS.includes(plain[start]) || isWhitespace(plain[start]))) start++;
  let end = plain.length;
  while (end > start && (FIELD_CLOSERS.includes(plain[end - 1]) || isWhitespace(plain[end - 1]))) end--;
  return plain.slice(start, end);
}

/** Quotation marks that open a field, and quotation marks and separators that close one; both are dropped. */
const FIELD_OPENERS = '“"‘«';
const FIELD_CLOSERS = '”"’»,.;:';

/**
 * The index of the first full stop, question or exclamation mark in [from, limit) that ends a sentence: followed by a
 * space or the end, and not closing an initial ("A.") or "et al.". Returns -1 when there is none. Where the sentence
 * is an entry's authors, "et al." before a title ends them (`endsAuthors`): MLA writes "Oke, Ada, et al. “A Study.”".
 */
function sentenceEnd(text: string, from: number, limit: number, endsAuthors = false): number {
  // The pattern jumps from mark to mark; the words between them are not looked at one character at a time.
  // A search that only tests leaves where the mark is in lastIndex and builds no match to read it from.
  SENTENCE_MARK.lastIndex = from;
  while (SENTENCE_MARK.test(text)) {
    const i = SENTENCE_MARK.lastIndex - 1;
    if (i >= limit) break;
    if (i + 1 < text.length && text[i + 1] !== ' ') continue;
    if (text[i] === '.' && endsAbbreviation(text, i) && !(endsAuthors && endsElidedAuthors(text, i))) continue;
    return i;
  }
  return -1;
}

const SENTENCE_MARK = /[.?!]/g;

/** "et al." before a title ("Oke, Ada, et al. “A Study.”", as MLA writes three or more authors) ends the authors. */
const ELIDED_AUTHORS_BEFORE_TITLE = /\bet al\. ["“*_\p{Lu}]/uy;

function endsElidedAuthors(text: string, dot: number): boolean {
  if (dot < 5 || text[dot - 1] !== 'l') return false;
  ELIDED_AUTHORS_BEFORE_TITLE.lastIndex = dot - 5;
  return ELIDED_AUTHORS_BEFORE_TITLE.test(text);
}

function lastSentenceEnd(text: string): number {
  let last = 0;
  for (let i = sentenceEnd(text, 0, text.length); i >= 0; i = sentenceEnd(text, i + 1, text.length)) last = i + 1;
  return last;
}

/** "A." "-M." "J.-C." "al." "eds." "Vol." "pp." "U.S." end an abbreviation, not a sentence. */
function endsAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && text[start - 1] !== ' ' && dot - start < 12) start--;
  let wordStart = start;
  while (wordStart < dot && '(-“"'.includes(text[wordStart])) wordStart++;
  const word = text.slice(wordStart, dot);
  // A lone capital, the commonest case by far, is an initial without asking the pattern; the Unicode pattern, costly
  // to compile, only reads words with characters outside ASCII.
  if (word.length === 1 && word >= 'A' && word <= 'Z') return true;
  if (isAscii(word) ? /^-?[A-Z](?:[.-]{1,2}[A-Z])*$/.test(word) : /^-?\p{Lu}(?:[.-]{1,2}\p{Lu})*$/u.test(word)) return true;
  // Every abbreviation below is one to three letters long.
  if (word.length === 0 || word.length > 3 || (word[0] >= '0' && word[0] <= '9')) return false;
  return /^(?:al|et|eds?|vol|pp?|no|ed|Inc|Ltd|Jr|Sr|St|Dr|Mr|Mrs|Ms|Co|cf|vs)$/iu.test(word);
}

const NO_DATE = 'No date found in this reference entry; a year such as "(2019)", "2019." or "(n.d.)" was expected after the authors.';
const NO_AUTHOR = 'No author found at the start of this reference entry; it cannot be matched to an author-date citation.';

function addProblem(entry: ReferenceEntry, code: string, message: string): void {
  entry.problems.push({ span: entry.span, code, message });
}

function findDoi(raw: string): string | undefined {
  // Every DOI contains "10."; a match begins at most a link's prefix before the first one.
  const firstCore = raw.indexOf('10.');
  if (firstCore < 0) return undefined;
  DOI_FROM_OFFSET.lastIndex = Math.max(0, firstCore - LONGEST_DOI_PREFIX);
  const match = DOI_FROM_OFFSET.exec(raw);
  return match ? trimUrlEnd(match[1]) : undefined;
}

function findUrl(raw: string): string | undefined {
  const from = urlSearchStart(raw);
  if (from < 0) return undefined;
  URL.lastIndex = from;
  for (let match = URL.exec(raw); match; match = URL.exec(raw)) {
    const url = trimUrlEnd(match[0]);
    if (!DOI_LINK.test(url)) return url;
  }
  return undefined;
}

/** Drops trailing punctuation and a closing parenthesis that the link does not open. */
export function trimUrlEnd(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if ('.,;:>*_'.includes(last)) {
      end--;
      continue;
    }
    if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) {
      end--;
      continue;
    }
    return url.slice(0, end);
  }
}

function count(text: string, ch: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === ch) total++;
  return total;
}
