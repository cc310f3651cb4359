// Turns CSL-JSON items, however a bibliography file wrote them, into reference entries. The CSL-JSON, CSL-YAML and
// RIS readers all end here (RIS maps its tags to a CSL item first), so that every bibliography format reads names,
// dates, keys and DOIs the same way. Every function is linear in its input and never throws.

import { summarise } from './bibtexSummary';
import type { PersonName, Problem, ReferenceEntry, Span, WorkDate } from '../../types';
import { parseWorkDate } from '../dates';
import { familyWithParticle } from '../names';
import { nameKey } from '../../text/normalize';

export type CslItem = Record<string, unknown>;

/** What a bibliography reader returns: its entries, and the problems of the file as a whole. */
export interface BibliographyParse {
  entries: ReferenceEntry[];
  problems: Problem[];
}

/** One item as a reader found it in its file, before keys are checked. */
export interface ReadItem {
  item: CslItem;
  /** The whole item or record in its file. */
  span: Span;
  /** Where the key is written; absent when the item has none. */
  keySpan?: Span;
  /** The item's first line, which stands in for the key position when a key has to be made up. */
  firstLine: Span;
  problems: Problem[];
}

export interface KeyPolicy {
  /** CSL requires an `id`, so a missing one is a problem; RIS records rarely have one, so there it is not. */
  missingKeyIsProblem: boolean;
}

const NAME_VARIABLES = [
  'author', 'editor', 'translator', 'container-author', 'collection-editor', 'composer', 'director', 'interviewer',
  'illustrator', 'original-author', 'recipient', 'reviewed-author', 'editorial-director', 'chair', 'compiler',
  'contributor', 'curator', 'executive-producer', 'guest', 'host', 'narrator', 'organizer', 'performer', 'producer',
  'script-writer', 'series-creator',
];

const DATE_VARIABLES = ['issued', 'accessed', 'event-date', 'original-date', 'submitted', 'available-date'];

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2018", "2018-03", "2018-03-04", "2018/03/04": a year with an optional month and day, as EDTF and RIS write them. */
const NUMERIC_DATE = /^\s*(\d{1,4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?!\d)/u;

/** A plausible publication year anywhere in free text ("Spring 2018", "c. 1950"). */
const YEAR_IN_TEXT = /(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)/u;

/** The HTML-like tags CSL-JSON titles may carry. */
const MARKUP_TAG = /<\/?(?:i|b|sup|sub|sc|span)(?:\s[^<>]*)?>/giu;

/** A DOI inside a URL or after a "doi:" label. */
const DOI_PATTERN = /\b(10\.\d{4,9}\/\S+)/u;

const UNREADABLE_DATE = 'The "issued" date of this item cannot be read, so citations cannot be matched to it by year.';

/** Builds the entries of one file: checks keys, makes up missing ones, flags duplicates, and reads every item. */
export function entriesFromItems(readItems: ReadItem[], source: string, policy: KeyPolicy): ReferenceEntry[] {
  return keyEntries(readItems, unkeyedEntries(readItems, source), source, policy);
}

/** Reads every item but its key: the costly part, which a file read in slices does slice by slice. */
export function unkeyedEntries(readItems: ReadItem[], source: string): ReferenceEntry[] {
  return readItems.map((read) => entryWithoutKey(read, source));
}

/** Gives the entries read from `readItems` their keys and ids, which depend on all the items of the file. Changes
 * the entries it is given. */
export function keyEntries(readItems: ReadItem[], entries: ReferenceEntry[], source: string, policy: KeyPolicy): ReferenceEntry[] {
  const keys = assignKeys(readItems, entries, policy);
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = keys[index];
    const earlier = seen.get(key) ?? 0;
    seen.set(key, earlier + 1);
    entry.key = key;
    entry.keySpan ??= readItems[index].firstLine;
    entry.id = earlier === 0 ? `${source}#${key}` : `${source}#${key}#${earlier + 1}`;
    entry.csl!.id = key;
    if (earlier > 0) {
      entry.problems.push({
        span: entry.keySpan,
        code: 'duplicate-key',
        message: `The key "${key}" is already used by an earlier entry of this file; citations of it are ambiguous.`,
      });
    }
  });
  return entries;
}

/** Reads everything but the key: the key may have to be made up from the authors and year read here. */
function entryWithoutKey(read: ReadItem, source: string): ReferenceEntry {
  const csl = normaliseItem(read.item);
  const authors = personNames(csl.author);
  const editors = personNames(csl.editor);
  const entry: ReferenceEntry = {
    id: source,
    span: read.span,
    source,
    keySpan: read.keySpan,
    type: textValue(csl.type),
    csl,
    text: '',
    authors,
    problems: [...read.problems],
  };
  const date = workDate(csl);
  if (date) entry.date = date;
  else entry.problems.push({ span: read.span, code: 'unreadable-date', message: UNREADABLE_DATE });
  if (editors.length > 0) entry.editors = editors;
  const title = plainText(csl.title);
  if (title) entry.title = title;
  const container = plainText(csl['container-title']);
  if (container) entry.container = container;
  const url = textValue(csl.URL);
  if (url) entry.url = url;
  const doi = bareDoi(textValue(csl.DOI)) ?? doiFromUrl(url);
  if (doi) entry.doi = doi;
  entry.text = summarise(entry);
  return entry;
}

function assignKeys(readItems: ReadItem[], entries: ReferenceEntry[], policy: KeyPolicy): string[] {
  const written = readItems.map((read) => keyOf(read.item.id));
  const used = new Set(written.filter((key): key is string => key !== undefined));
  const nextSuffix = new Map<string, number>();
  return written.map((key, index) => {
    if (key !== undefined) return key;
    const entry = entries[index];
    const made = uniqueKey(generatedKeyBase(entry), used, nextSuffix);
    entry.keySpan = readItems[index].firstLine;
    if (policy.missingKeyIsProblem) {
      entry.problems.push({
        span: readItems[index].firstLine,
        code: 'missing-key',
        message: `This item has no "id", so it cannot be cited by key; it is listed as "${made}" for now.`,
      });
    }
    return made;
  });
}

function keyOf(id: unknown): string | undefined {
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (typeof id !== 'string') return undefined;
  const key = id.trim();
  return key === '' ? undefined : key;
}

/** "smith2019" from the first author (or editor, or title word) and the year. */
function generatedKeyBase(entry: ReferenceEntry): string {
  const name = entry.authors[0] ?? entry.editors?.[0];
  const word = name ? familyWithParticle(name).split(/\s+/u)[0] : (entry.title ?? '').split(/\s+/u)[0];
  const stem = nameKey(word ?? '') || 'ref';
  const year = entry.date?.year !== undefined ? String(entry.date.year) : 'nd';
  return stem + year;
}

/** The base itself when free, else the base with "a", "b", ... "z", "aa", ... (the way authors tell works apart). */
function uniqueKey(base: string, used: Set<string>, nextSuffix: Map<string, number>): string {
  let counter = nextSuffix.get(base) ?? 0;
  let key = counter === 0 ? base : base + letterSuffix(counter);
  while (used.has(key)) {
    counter++;
    key = base + letterSuffix(counter);
  }
  nextSuffix.set(base, counter + 1);
  used.add(key);
  return key;
}

/** 1 → "a", 26 → "z", 27 → "aa". */
function letterSuffix(counter: number): string {
  let suffix = '';
  for (let n = counter; n > 0; n = Math.floor((n - 1) / 26)) suffix = String.fromCharCode(97 + ((n - 1) % 26)) + suffix;
  return suffix;
}

// ---- Normalising the CSL item ----

/** A copy of the item with names as name objects and dates as numeric date-parts, the way citation processors want them. */
export function normaliseItem(item: CslItem): CslItem {
  const csl: CslItem = { ...item };
  for (const variable of NAME_VARIABLES) {
    if (csl[variable] !== undefined) csl[variable] = cslNameList(csl[variable]);
  }
  for (const variable of DATE_VARIABLES) {
    if (csl[variable] !== undefined) csl[variable] = cslDateValue(csl[variable]);
  }
  return csl;
}

function cslNameList(value: unknown): unknown[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((name) => (typeof name === 'string' ? { literal: name } : name));
}

function cslDateValue(value: unknown): unknown {
  const read = readDate(value);
  if (!read) return value;
  const normal: CslItem = read.parts ? { 'date-parts': [read.parts] } : { literal: read.text };
  if (isRecord(value)) {
    for (const extra of ['season', 'circa']) if (value[extra] !== undefined) normal[extra] = value[extra];
  }
  return normal;
}

// ---- Names ----

function personNames(value: unknown): PersonName[] {
  if (!Array.isArray(value)) return [];
  const names: PersonName[] = [];
  for (const name of value) {
    const person = personName(name);
    if (person) names.push(person);
  }
  return names;
}

/** A CSL name object: a dropping particle ("van" in "Beethoven, Ludwig van") is not cited, so it stays with the given name. */
function personName(value: unknown): PersonName | undefined {
  if (!isRecord(value)) return undefined;
  const literal = withoutBraces(textValue(value.literal) ?? '');
  const family = textValue(value.family);
  if (literal || !family) {
    const whole = literal || textValue(value.given);
    return whole ? { family: whole, literal: whole } : undefined;
  }
  const person: PersonName = { family: withoutBraces(family) };
  const given = [textValue(value.given), textValue(value['dropping-particle'])].filter(Boolean).join(' ');
  if (given) person.given = given;
  const particle = textValue(value['non-dropping-particle']);
  if (particle) person.particle = particle;
  const suffix = textValue(value.suffix);
  if (suffix) person.suffix = suffix;
  return person;
}

/** "{{National Institute on Alcohol Abuse}}": BibTeX's protecting braces leak into some CSL exports. */
function withoutBraces(text: string): string {
  return trimCharacters(text, '{}').trim();
}

/**
 * Removes the given characters from both ends. A loop rather than a regular expression such as /[.,;]+$/, which
 * backtracks quadratically over a long run of those characters that does not reach the end.
 */
function trimCharacters(text: string, characters: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && characters.includes(text[start])) start++;
  while (end > start && characters.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

// ---- Dates ----

interface ReadDate {
  /** Year, then month and day when known. */
  parts?: number[];
  /** The date as written when it has no numeric parts ("n.d.", "in press", "Spring 2018"). */
  text: string;
}

/** The issued date; a missing one is "n.d." (or "in press" by status), an unreadable one is undefined. */
function workDate(csl: CslItem): WorkDate | undefined {
  const issued = csl.issued;
  if (issued === undefined || issued === null || issued === '') {
    const status = textValue(csl.status) ?? '';
    return /in press|forthcoming/iu.test(status) ? { text: 'in press', inPress: true } : { text: 'n.d.', noDate: true };
  }
  const date = readDate(issued);
  if (!date) return undefined;
  if (date.parts) return dateFromParts(date.parts);
  const written = parseWorkDate(date.text);
  if (written) return written;
  const year = YEAR_IN_TEXT.exec(date.text);
  return year ? { text: year[1], year: Number(year[1]) } : undefined;
}

/** Reads every shape of CSL date seen in files: date-parts (numbers or strings), raw, literal, EDTF strings, {year, month}. */
function readDate(value: unknown): ReadDate | undefined {
  // Old pandoc YAML wrote a date as a list of {year, month, day}; only the first is the date itself.
  const date = Array.isArray(value) ? value[0] : value;
  if (typeof date === 'number' || typeof date === 'string') return readDateText(String(date));
  if (!isRecord(date)) return undefined;
  const dateParts = date['date-parts'];
  if (Array.isArray(dateParts)) {
    const first = Array.isArray(dateParts[0]) ? dateParts[0] : dateParts;
    const parts = numericParts(first);
    if (parts) return { parts, text: parts.join('-') };
  }
  if (date.year !== undefined) {
    const parts = numericParts([date.year, date.month, date.day]);
    if (parts) return { parts, text: parts.join('-') };
  }
  const written = textValue(date.raw) ?? textValue(date.literal);
  return written ? readDateText(written) : undefined;
}

function readDateText(text: string): ReadDate | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const numeric = NUMERIC_DATE.exec(trimmed);
  const parts = numeric ? numericParts([numeric[1], numeric[2], numeric[3]]) : undefined;
  return parts ? { parts, text: trimmed } : { text: trimmed };
}

/** [2018, "03", undefined] → [2018, 3]; stops at the first missing or impossible part; undefined without a year. */
function numericParts(values: unknown[]): number[] | undefined {
  const parts: number[] = [];
  const limits = [9999, 12, 31];
  for (let i = 0; i < limits.length && i < values.length; i++) {
    const raw = values[i];
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/u.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < (i === 0 ? 0 : 1) || value > limits[i]) break;
    parts.push(value);
  }
  return parts.length > 0 ? parts : undefined;
}

/** The date as APA writes it: "2018", "2018, March", "2018, March 4". */
function dateFromParts(parts: number[]): WorkDate {
  const [year, month, day] = parts;
  const date: WorkDate = { text: String(year), year };
  if (month !== undefined) {
    date.month = MONTHS[month - 1];
    date.text += `, ${date.month}`;
    if (day !== undefined) {
      date.day = day;
      date.text += ` ${day}`;
    }
  }
  return date;
}

// ---- DOIs, text values and the summary ----

/** "https://doi.org/10.1/x", "doi:10.1/x" or "10.1/x" → "10.1/x"; undefined when no DOI is there. */
export function bareDoi(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const match = DOI_PATTERN.exec(text);
  return match ? trimCharacters(match[1], '.,;') : undefined;
}

/** A DOI only from a doi.org (or dx.doi.org) link, not from any URL that happens to contain "10.". */
export function doiFromUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/(?:dx\.)?doi\.org\//iu.test(url) ? bareDoi(url) : undefined;
}

/** A string or number field as trimmed text; other shapes (objects, lists) are not text. */
export function textValue(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/gu, ' ').trim();
  return text === '' ? undefined : text;
}

/** A title without the rich-text tags CSL allows in it ("<i>", "<span class=\"nocase\">"). */
function plainText(value: unknown): string | undefined {
  const text = textValue(value)?.replace(MARKUP_TAG, '').trim();
  return text === '' ? undefined : text;
}


/** From the start of the span to the end of its first line, where a made-up key is reported. */
export function firstLineSpan(text: string, span: Span): Span {
  const newline = text.indexOf('\n', span.start);
  const end = newline < 0 || newline > span.end ? span.end : newline;
  return { start: span.start, end: end > span.start && text.charCodeAt(end - 1) === 13 ? end - 1 : end };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
