// Maps one BibTeX entry, its macros expanded and its inherited fields filled in, to a ReferenceEntry with a CSL-JSON
// item: names split by BibTeX's rules, LaTeX decoded, the date read from `date` or `year`/`month`, the DOI made bare.

import type { PersonName, Problem, ReferenceEntry, Span } from '../../types';
import type { BibtexEntry } from './bibtexScan';
import type { FieldMap } from './bibtexFields';
import { parseBibtexNames, type BibtexNameList } from './bibtexNames';
import { readBibtexDate, type BibtexDate } from './bibtexDates';
import { latexToUnicode, latexVerbatim } from './latexText';

/** BibTeX and BibLaTeX entry types to CSL types; anything else is a "document". */
const CSL_TYPES = new Map([
  ['article', 'article-journal'], ['book', 'book'], ['mvbook', 'book'], ['inbook', 'chapter'], ['bookinbook', 'chapter'],
  ['suppbook', 'chapter'], ['booklet', 'pamphlet'], ['collection', 'book'], ['mvcollection', 'book'],
  ['incollection', 'chapter'], ['suppcollection', 'chapter'], ['inproceedings', 'paper-conference'],
  ['conference', 'paper-conference'], ['proceedings', 'book'], ['mvproceedings', 'book'], ['reference', 'book'],
  ['mvreference', 'book'], ['inreference', 'entry-encyclopedia'], ['manual', 'report'], ['phdthesis', 'thesis'],
  ['mastersthesis', 'thesis'], ['thesis', 'thesis'], ['techreport', 'report'], ['report', 'report'],
  ['unpublished', 'manuscript'], ['online', 'webpage'], ['www', 'webpage'], ['electronic', 'webpage'],
  ['misc', 'document'], ['patent', 'patent'], ['periodical', 'periodical'], ['dataset', 'dataset'],
  ['software', 'software'], ['standard', 'standard'], ['letter', 'personal_communication'], ['movie', 'motion_picture'],
  ['video', 'motion_picture'], ['audio', 'song'], ['music', 'song'], ['artwork', 'graphic'], ['image', 'graphic'],
  ['legislation', 'legislation'], ['jurisdiction', 'legal_case'], ['review', 'review'], ['book_section', 'chapter'],
]);

const THESIS_GENRES = new Map([['phdthesis', 'PhD thesis'], ['mastersthesis', "Master's thesis"]]);

/** Fields that name the publisher, the first present wins; the container of an entry without a journal or book. */
const PUBLISHER_FIELDS = ['publisher', 'institution', 'school', 'organization'];

/** Fields copied to CSL variables of the same meaning, first field present wins. */
const PLAIN_CSL_FIELDS: [string, string[]][] = [
  ['collection-title', ['series']],
  ['volume', ['volume']],
  ['page', ['pages']],
  ['publisher', PUBLISHER_FIELDS],
  ['publisher-place', ['location', 'address']],
  ['edition', ['edition']],
  ['ISBN', ['isbn']],
  ['ISSN', ['issn']],
];

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/iu;
const DOI_IN_URL = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\S+)$/iu;

export interface MappingInput {
  entry: BibtexEntry;
  /** Expanded LaTeX text of every field, own and inherited. */
  fields: FieldMap;
}

/** What the CSL item of an entry is built from when it is first read. */
export interface CslInput {
  entry: BibtexEntry;
  fields: FieldMap;
  dateParts: number[][] | undefined;
}

/** What filling an entry's optional properties found for the properties that are always there. */
export interface MappedEntry {
  authors: PersonName[];
  csl: CslInput;
}

/** The properties `fillOptionalProperties` writes when they have a value, in the order it writes them. */
export const OPTIONAL_PROPERTIES = [
  'authorsElided', 'editors', 'date', 'title', 'container', 'doi', 'url',
] as const satisfies readonly (keyof ReferenceEntry)[];

export type OptionalProperties = Partial<Pick<ReferenceEntry, (typeof OPTIONAL_PROPERTIES)[number]>>;

/**
 * Writes the optional properties of an entry that have a value (those of OPTIONAL_PROPERTIES) onto `reference`, and
 * gives back its authors and what its CSL item is built from.
 */
export function fillOptionalProperties(reference: OptionalProperties, { entry, fields }: MappingInput): MappedEntry {
  const authors = readNames(fields, 'author');
  const editors = readNames(fields, 'editor');
  const dated = readDate(fields);
  const title = titleOf(fields);
  const container = containerTitle(fields) ?? firstDecodedField(fields, PUBLISHER_FIELDS);
  const url = verbatimField(fields, 'url');
  const doi = bareDoi(verbatimField(fields, 'doi')) ?? doiInUrl(url);
  if (authors.elided) reference.authorsElided = true;
  if (editors.names.length > 0) reference.editors = editors.names;
  if (dated.date) reference.date = dated.date;
  if (title) reference.title = title;
  if (container) reference.container = container;
  if (doi) reference.doi = doi;
  if (url) reference.url = url;
  return { authors: authors.names, csl: { entry, fields, dateParts: dated.dateParts } };
}

/** What a search of the entries reads (authors, date, title), worked out alone and the same way as when filling. */
export type SearchedProperties = Pick<ReferenceEntry, 'authors' | 'date' | 'title'>;

export function searchedProperties({ fields }: MappingInput): SearchedProperties {
  return { authors: readNames(fields, 'author').names, date: readDate(fields).date, title: titleOf(fields) };
}

function titleOf(fields: FieldMap): string | undefined {
  return joinedTitle(decodedField(fields, 'title'), decodedField(fields, 'subtitle'));
}

/** Adds the problems of names and dates that cannot be read; the same reading as `fillOptionalProperties` makes. */
export function mappingProblems({ entry, fields }: MappingInput, problems: Problem[]): void {
  for (const field of ['author', 'editor']) {
    const latex = fields.get(field);
    if (latex !== undefined && givesNoNames(latex, parseBibtexNames(latex))) {
      unreadable(problems, entry, field, `The ${field} list "${latexToUnicode(latex)}" gives no names.`);
    }
  }
  for (const field of readDate(fields).unreadable) unreadable(problems, entry, field, `The ${field} "${decodedField(fields, field)}" could not be read.`);
}

export function cslItem({ entry, fields, dateParts }: CslInput, reference: ReferenceEntry): Record<string, unknown> {
  const cslType = CSL_TYPES.get(entry.type) ?? 'document';
  const csl: Record<string, unknown> = { id: entry.key, type: cslType };
  if (reference.authors.length > 0) csl.author = reference.authors.map(cslName);
  if (reference.editors) csl.editor = reference.editors.map(cslName);
  if (dateParts) csl.issued = { 'date-parts': dateParts };
  if (reference.title) csl.title = reference.title;
  const container = containerTitle(fields);
  if (container) csl['container-title'] = container;
  const number = decodedField(fields, 'number') ?? decodedField(fields, 'issue');
  if (number) csl[cslType === 'article-journal' || cslType === 'periodical' ? 'issue' : 'number'] = number;
  for (const [variable, names] of PLAIN_CSL_FIELDS) {
    const value = firstDecodedField(fields, names);
    if (value !== undefined) csl[variable] = value;
  }
  const genre = decodedField(fields, 'type') ?? THESIS_GENRES.get(entry.type);
  if (genre && cslType === 'thesis') csl.genre = genre;
  if (reference.doi) csl.DOI = reference.doi;
  if (reference.url) csl.URL = reference.url;
  return csl;
}

/** The journal, or the book or proceedings the entry is part of. */
function containerTitle(fields: FieldMap): string | undefined {
  return decodedField(fields, 'journaltitle') ?? decodedField(fields, 'journal') ??
    joinedTitle(decodedField(fields, 'booktitle'), decodedField(fields, 'booksubtitle'));
}

function cslName(name: PersonName): Record<string, string> {
  if (name.literal) return { literal: name.literal };
  const csl: Record<string, string> = { family: name.family };
  if (name.given) csl.given = name.given;
  if (name.particle) csl['non-dropping-particle'] = name.particle;
  if (name.suffix) csl.suffix = name.suffix;
  return csl;
}

function readNames(fields: FieldMap, field: string): BibtexNameList {
  const latex = fields.get(field);
  return latex === undefined ? { names: [], elided: false } : parseBibtexNames(latex);
}

/** A list with letters in it that still gives no names (and no "others") could not be read. */
function givesNoNames(latex: string, list: BibtexNameList): boolean {
  return list.names.length === 0 && !list.elided && /\p{L}/u.test(latex);
}

function readDate(fields: FieldMap): BibtexDate {
  return readBibtexDate({
    date: decodedField(fields, 'date'),
    year: decodedField(fields, 'year'),
    month: decodedField(fields, 'month'),
    day: decodedField(fields, 'day'),
  });
}

/** The decoded text of a field, or undefined when it is absent or empty. */
function decodedField(fields: FieldMap, name: string): string | undefined {
  const latex = fields.get(name);
  return latex === undefined ? undefined : latexToUnicode(latex) || undefined;
}

/** The decoded text of the first of the fields that is present and not empty. */
function firstDecodedField(fields: FieldMap, names: readonly string[]): string | undefined {
  for (const name of names) {
    const text = decodedField(fields, name);
    if (text !== undefined) return text;
  }
  return undefined;
}

function verbatimField(fields: FieldMap, name: string): string | undefined {
  const latex = fields.get(name);
  if (latex === undefined) return undefined;
  const verbatim = latexVerbatim(latex);
  return verbatim === '' ? undefined : verbatim;
}

/** BibLaTeX's subtitle follows the title after a colon: "Space and Beyond: The Frontier Theme in Science Fiction". */
function joinedTitle(title: string | undefined, subtitle: string | undefined): string | undefined {
  if (!title) return subtitle;
  if (!subtitle) return title;
  return /[.?!:]$/u.test(title) ? `${title} ${subtitle}` : `${title}: ${subtitle}`;
}

/** "https://doi.org/10.1000/x", "doi:10.1000/x" and "10.1000/x" all give "10.1000/x". */
function bareDoi(doi: string | undefined): string | undefined {
  if (!doi) return undefined;
  const bare = doi.replace(DOI_PREFIX, '');
  return bare.startsWith('10.') ? bare : undefined;
}

function doiInUrl(url: string | undefined): string | undefined {
  return url ? DOI_IN_URL.exec(url)?.[1] : undefined;
}

/** A field that is present but unreadable; the problem points at it when it is written in the entry itself. */
function unreadable(problems: Problem[], entry: BibtexEntry, field: string, message: string): void {
  const own = entry.fields.find((candidate) => candidate.name === field);
  const span: Span = own ? own.valueSpan : entry.keySpan;
  problems.push({ span, code: 'bib-unreadable-field', message });
}
