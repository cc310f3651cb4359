// Reads an RIS bibliography: records of "TAG  - value" lines from "TY  -" to "ER  -", as reference managers export
// them. Each record is mapped to a CSL item and then read like any other CSL item. A record without an "ID" gets a
// key made from its first author and year ("smith2019", then "smith2019a"), because most RIS exports carry no keys.
// Linear in the text and never throws.

import type { Problem, Span } from '../../types';
import { splitLines, type Line } from '../../text/lines';
import { parsePersonName } from '../names';
import { entriesFromItems, type BibliographyParse, type CslItem, type ReadItem } from './fromCsl';

interface RisField {
  tag: string;
  value: string;
  /** Where the value's first line is written. */
  valueSpan: Span;
}

interface RisRecord {
  fields: RisField[];
  firstLine: Span;
  /** End of the last line that belongs to the record. */
  end: number;
  /** The record ends with an "ER" line. */
  closed: boolean;
}

/** "TY  - JOUR", "ER  -": a two-character tag, one or two spaces, a hyphen, then the value after a space. */
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: |$)/u;

const TYPES: Record<string, string> = {
  JOUR: 'article-journal', JFULL: 'article-journal', ABST: 'article-journal', EJOUR: 'article-journal', INPR: 'article-journal',
  MGZN: 'article-magazine', NEWS: 'article-newspaper', BOOK: 'book', EBOOK: 'book', EDBOOK: 'book', CHAP: 'chapter',
  ECHAP: 'chapter', CONF: 'paper-conference', CPAPER: 'paper-conference', THES: 'thesis', RPRT: 'report', ELEC: 'webpage',
  WEB: 'webpage', BLOG: 'post-weblog', CASE: 'legal_case', PCOMM: 'personal_communication', MPCT: 'motion_picture',
  VIDEO: 'motion_picture', SOUND: 'song', MUSIC: 'song', PAT: 'patent', STAT: 'legislation', BILL: 'bill', HEAR: 'hearing',
  MAP: 'map', ART: 'graphic', DATA: 'dataset', COMP: 'software', UNPB: 'manuscript', MANSCPT: 'manuscript',
  DICT: 'entry-dictionary', ENCYC: 'entry-encyclopedia', GEN: 'document',
};

/** Tags whose values are copied to one CSL variable; the first tag present wins. */
const SIMPLE_VARIABLES: [string, string[]][] = [
  ['collection-title', ['T3']],
  ['container-title-short', ['J2', 'JA']],
  ['volume', ['VL']],
  ['issue', ['IS']],
  ['publisher', ['PB']],
  ['publisher-place', ['CY', 'PP']],
  ['abstract', ['AB', 'N2']],
  ['note', ['N1']],
  ['language', ['LA']],
  ['edition', ['ET']],
  ['call-number', ['CN']],
];

const NAME_VARIABLES: [string, string[]][] = [
  ['author', ['AU', 'A1']],
  ['editor', ['A2', 'ED']],
  ['collection-editor', ['A3']],
  ['translator', ['A4']],
];

const DOI_LIKE = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?10\.\d{4,9}\/\S+$/iu;

export function parseRis(text: string, source: string): BibliographyParse {
  const readItems = readRecords(text).map((record) => readItem(text, record));
  return { entries: entriesFromItems(readItems, source, { missingKeyIsProblem: false }), problems: [] };
}

function readRecords(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  for (const line of linesWithoutBom(text)) {
    const tag = TAG_LINE.exec(line.text);
    if (tag?.[1] === 'TY') {
      if (current) records.push(current);
      current = { fields: [], firstLine: { start: line.start, end: line.end }, end: line.end, closed: false };
    }
    if (!current) continue;
    if (tag?.[1] === 'ER') {
      records.push({ ...current, end: line.end, closed: true });
      current = undefined;
    } else if (tag) {
      current.fields.push(field(tag[1], line, tag[0].length));
      current.end = line.end;
    } else if (line.text.trim() !== '') {
      continueLastValue(current, line.text);
      current.end = line.end;
    }
  }
  if (current) records.push(current);
  return records;
}

function linesWithoutBom(text: string): Line[] {
  const lines = splitLines(text);
  if (text.charCodeAt(0) === 0xfeff) lines[0] = { start: 1, end: lines[0].end, text: lines[0].text.slice(1) };
  return lines;
}

function field(tag: string, line: Line, prefixLength: number): RisField {
  const raw = line.text.slice(prefixLength);
  const leading = raw.length - raw.trimStart().length;
  const value = raw.trim();
  const start = line.start + prefixLength + leading;
  return { tag, value, valueSpan: { start, end: start + value.length } };
}

/** A line without a tag continues the value above it (a long abstract wrapped over several lines). */
function continueLastValue(record: RisRecord, text: string): void {
  const last = record.fields[record.fields.length - 1];
  if (last) last.value = last.value === '' ? text.trim() : `${last.value} ${text.trim()}`;
}

function readItem(text: string, record: RisRecord): ReadItem {
  const values = valuesByTag(record.fields);
  const idField = record.fields.find((f) => f.tag === 'ID' && f.value !== '');
  const problems: Problem[] = [];
  if (!record.closed) {
    problems.push({
      span: record.firstLine,
      code: 'ris-unclosed-record',
      message: 'This record is not closed by an "ER  -" line; it is read up to the next record or the end of the file.',
    });
  }
  return {
    item: cslItem(values, idField?.value),
    span: { start: record.firstLine.start, end: record.end },
    keySpan: idField?.valueSpan,
    firstLine: record.firstLine,
    problems,
  };
}

function valuesByTag(fields: RisField[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const { tag, value } of fields) {
    if (value === '') continue;
    const list = values.get(tag);
    if (list) list.push(value);
    else values.set(tag, [value]);
  }
  return values;
}

/** Maps the tags of one record to a CSL item. */
function cslItem(values: Map<string, string[]>, id: string | undefined): CslItem {
  const first = (...tags: string[]): string | undefined => {
    for (const tag of tags) {
      const value = values.get(tag)?.[0];
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const risType = first('TY') ?? 'GEN';
  const isBook = risType === 'BOOK' || risType === 'EBOOK' || risType === 'EDBOOK';
  const item: CslItem = { type: TYPES[risType] ?? 'document' };
  if (id !== undefined) item.id = id;
  setIfPresent(item, 'title', first('TI', 'T1', ...(isBook ? ['BT'] : []), 'CT'));
  setIfPresent(item, 'container-title', first('T2', 'JF', 'JO', ...(isBook ? [] : ['BT']), 'JA'));
  for (const [variable, tags] of SIMPLE_VARIABLES) setIfPresent(item, variable, first(...tags));
  for (const [variable, tags] of NAME_VARIABLES) {
    const names = tags.flatMap((tag) => values.get(tag) ?? []).map(cslName);
    if (names.length > 0) item[variable] = names;
  }
  setIfPresent(item, 'issued', issuedText(values));
  setIfPresent(item, 'page', pages(first('SP'), first('EP')));
  setIfPresent(item, isBook ? 'ISBN' : 'ISSN', first('SN'));
  setIfPresent(item, 'keyword', values.get('KW')?.join(', '));
  setIfPresent(item, 'URL', first('UR', 'L1', 'L2'));
  setIfPresent(item, 'DOI', first('DO') ?? values.get('M3')?.find((v) => DOI_LIKE.test(v)));
  return item;
}

function setIfPresent(item: CslItem, variable: string, value: string | undefined): void {
  if (value !== undefined && value !== '') item[variable] = value;
}

/** "Blomley,Nicholas", "Philbin, Patrick F,", "King, Martin L., Jr." are people; "ACLU" or "Witness" is a group. */
function cslName(raw: string): CslItem {
  if (!raw.includes(',')) return { literal: raw };
  const name = parsePersonName(raw);
  const csl: CslItem = { family: name.family };
  if (name.given) csl.given = name.given;
  if (name.particle) csl['non-dropping-particle'] = name.particle;
  if (name.suffix) csl.suffix = name.suffix;
  return csl;
}

/** PY ("2007/08//", "2003///"), or Y1; DA when it gives a fuller date of the same year. */
function issuedText(values: Map<string, string[]>): string | undefined {
  const year = values.get('PY')?.[0] ?? values.get('Y1')?.[0];
  const fuller = values.get('DA')?.[0];
  if (year === undefined) return fuller;
  const yearDigits = /^\s*(\d{4})/u.exec(year)?.[1];
  const fullerHasMore = fuller !== undefined && yearDigits !== undefined && fuller.trim().startsWith(yearDigits) && /\d{4}[-/]\d/u.test(fuller);
  return fullerHasMore && !/\d{4}[-/]\d/u.test(year) ? fuller : year;
}

/** "395" and "411" → "395-411"; a start page repeated as the end page (as case reporters export) is one page. */
function pages(start: string | undefined, end: string | undefined): string | undefined {
  if (start === undefined) return end;
  return end === undefined || end === start ? start : `${start}-${end}`;
}
