// Maps one BibTeX entry, its macros expanded and its inherited fields filled in, to a ReferenceEntry with a CSL-JSON
// item: names split by BibTeX's rules, LaTeX decoded, the date read from `date` or `year`/`month`, the DOI made bare.

import type { PersonName, Problem, ReferenceEntry, Span } from '../../types';
import type { BibtexEntry } from './bibtexScan';
import type { FieldMap } from './bibtexFields';
import { parseBibtexNames, type BibtexNameList } from './bibtexNames';
import { readBibtexDate } from './bibtexDates';
import { summarise } from './bibtexSummary';
import { latexToUnicode, latexVerbatim } from './latexText';
import { LazyProperties } from './lazyProperties';

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
  /** Problems found while expanding and inheriting; more are added here. */
  problems: Problem[];
}

/** What the CSL item of an entry is built from when it is first read. */
interface CslInput {
  entry: BibtexEntry;
  fields: FieldMap;
  dateParts: number[][] | undefined;
}

/** The summary and the CSL item are built when first read: most entries of a large file are never shown. */
const deferred = new LazyProperties<ReferenceEntry, CslInput>({
  text: (reference) => summarise(reference),
  csl: (reference, input) => cslItem(input, reference),
});

/** The properties `fillReferenceEntry` may write, in the order it writes them. */
export const MAPPED_PROPERTIES = [
  'text', 'csl', 'authors', 'problems', 'authorsElided', 'editors', 'date', 'title', 'container', 'doi', 'url',
] as const satisfies readonly (keyof ReferenceEntry)[];

/**
 * Writes what an entry's fields say onto its ReferenceEntry, which already holds its id, ranges, key and type. An
 * optional property is written only when it has a value.
 */
export function fillReferenceEntry(reference: ReferenceEntry, { entry, fields, problems }: MappingInput): void {
  const authors = readNames(fields, 'author', entry, problems);
  const editors = readNames(fields, 'editor', entry, problems);
  const dated = readBibtexDate({
    date: decodedField(fields, 'date'),
    year: decodedField(fields, 'year'),
    month: decodedField(fields, 'month'),
    day: decodedField(fields, 'day'),
  });
  for (const field of dated.unreadable) unreadable(problems, entry, field, `The ${field} "${decodedField(fields, field)}" could not be read.`);
  const title = joinedTitle(decodedField(fields, 'title'), decodedField(fields, 'subtitle'));
  const container = containerTitle(fields) ?? firstDecodedField(fields, PUBLISHER_FIELDS);
  const url = verbatimField(fields, 'url');
  const doi = bareDoi(verbatimField(fields, 'doi')) ?? doiInUrl(url);
  // Installed first so that the summary comes where it always came when an entry is written out as JSON.
  deferred.install(reference, { entry, fields, dateParts: dated.dateParts });
  reference.authors = authors.names;
  reference.problems = problems;
  if (authors.elided) reference.authorsElided = true;
  if (editors.names.length > 0) reference.editors = editors.names;
  if (dated.date) reference.date = dated.date;
  if (title) reference.title = title;
  if (container) reference.container = container;
  if (doi) reference.doi = doi;
  if (url) reference.url = url;
}

function cslItem({ entry, fields, dateParts }: CslInput, reference: ReferenceEntry): Record<string, unknown> {
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

function readNames(fields: FieldMap, field: string, entry: BibtexEntry, problems: Problem[]): BibtexNameList {
  const latex = fields.get(field);
  if (latex === undefined) return { names: [], elided: false };
  const list = parseBibtexNames(latex);
  if (list.names.length === 0 && !list.elided && /\p{L}/u.test(latex)) {
    unreadable(problems, entry, field, `The ${field} list "${latexToUnicode(latex)}" gives no names.`);
  }
  return list;
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
