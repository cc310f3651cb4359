// Finds the reference list of a document and splits it into entries. The list sits under a heading ("## References",
// "Bibliography", "\section*{References}", an underlined reStructuredText title) or, without one, is the trailing run
// of paragraphs that read as reference entries. The masked text decides structure (headings, code); the original text
// is read for the entries so that DOIs and URLs survive.

import type { ReferenceEntry, ReferenceList, Span } from '../types';
import type { DocumentLanguage } from './mask';
import { looksLikeReferenceEntry, parseReferenceEntry, repeatsPreviousAuthors } from './referenceEntry';
import { splitLines as splitTextLines, type Line as TextLine } from '../text/lines';
import { collapseWhitespace, isWhitespace } from '../text/whitespace';
import { startsWithOneOf } from '../text/characters';
import { isAscii } from '../text/characters';

/**
 * Heading words of a reference list in several languages. They are compared without diacritics, so "references" also
 * stands for "Références" and "Referências", and "bibliografia" for "Bibliografía".
 */
const HEADING_PHRASES = [
  'references', 'reference list', 'bibliography', 'works cited', 'works referenced', 'literature cited', 'sources',
  'cited works', 'further reading', 'literatur', 'literaturverzeichnis', 'quellen', 'quellenverzeichnis',
  'bibliographie', 'referencias', 'referencias bibliograficas', 'bibliografia', 'bibliografie', 'riferimenti',
  'riferimenti bibliografici', 'referenser', 'litteratur', 'literatuur', 'literatuurlijst',
].map(foldCase);

/** A plain-text heading line is never longer than this. */
const PLAIN_HEADING_LIMIT = 60;

/** A line of the document with the same line of the masked text beside it. */
interface Line extends TextLine {
  masked: string;
}

interface Heading {
  /** First line of the heading (the overline of an over-and-underlined title). */
  first: number;
  /** Last line of the heading (the underline of a setext or reStructuredText title). */
  last: number;
  /** The line that holds the title's words. */
  titleLine: number;
  /** Lower is more important; plain-text lines sit below every marked-up heading. */
  level: number;
  title: string;
}

/** A line of a list after its blockquote and list markers are removed. */
interface ContentLine {
  start: number;
  end: number;
  text: string;
  indent: number;
  hasMarker: boolean;
}

const PLAIN_LEVEL = 100;

export function findReferenceList(text: string, masked: string, language: DocumentLanguage): ReferenceList | undefined {
  return findReferenceListWithScope(text, masked, language).list;
}

/**
 * The reference list and the offset from which the text decides it. Before that offset only headings matter, so an
 * edit that lies wholly before it, and neither adds nor removes a heading, leaves the list as it was (moved).
 */
export interface ScopedReferenceList {
  list?: ReferenceList;
  scopeStart: number;
}

export function findReferenceListWithScope(text: string, masked: string, language: DocumentLanguage): ScopedReferenceList {
  try {
    const lines = splitLines(text, masked);
    const headings = findHeadings(lines, language);
    const heading = lastReferenceHeading(headings);
    if (heading) return { list: listUnderHeading(lines, headings, heading, language), scopeStart: lines[heading.first].start };
    // A list without a heading is read from the last heading on (or from the start when there is none).
    const lastHeading = headings[headings.length - 1];
    const scopeStart = lastHeading ? lines[lastHeading.first].start : 0;
    return { list: trailingList(lines, headings) ?? headingEntryList(lines, headings, language), scopeStart };
  } catch {
    // The core never throws on any input; an unreadable document simply has no reference list.
    return { list: undefined, scopeStart: 0 };
  }
}

/** Whether any line of the text reads as a heading. */
export function containsHeading(text: string, masked: string, language: DocumentLanguage): boolean {
  return findHeadings(splitLines(text, masked), language).length > 0;
}

function splitLines(text: string, masked: string): Line[] {
  // The masked line is added to each new line object rather than copied into another: a long document has thousands.
  const lines = splitTextLines(text) as Line[];
  for (let i = 0; i < lines.length; i++) lines[i].masked = masked.slice(lines[i].start, lines[i].end);
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Headings

function findHeadings(lines: Line[], language: DocumentLanguage): Heading[] {
  const headings: Heading[] = [];
  const rstStyles: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    // An empty line is no heading in any language; long documents are half empty lines.
    if (lines[i].masked === '') continue;
    const heading =
      (language === 'markdown' ? markdownHeading(lines, i) : undefined) ??
      (language === 'restructuredtext' ? rstHeading(lines, i, rstStyles) : undefined) ??
      (language === 'latex' ? latexHeading(lines[i].masked, i) : undefined) ??
      plainHeading(lines, i);
    if (!heading) continue;
    headings.push(heading);
    i = heading.last;
  }
  return headings;
}

function markdownHeading(lines: Line[], index: number): Heading | undefined {
  const line = lines[index].masked;
  // Most lines start with neither a space nor "#", and most next lines with none of " ", "=" and "-": the heading
  // patterns only run where they could match.
  const atx = startsWithOneOf(line, ' #') ? /^ {0,3}(#{1,6})(?=[ \t]|$)/u.exec(line) : null;
  if (atx) return { first: index, last: index, titleLine: index, level: atx[1].length, title: cleanHeadingTitle(stripClosingHashes(line.slice(atx[0].length))) };
  const next = lines[index + 1]?.masked;
  if (next === undefined || !startsWithOneOf(next, ' =-') || line.trim() === '' || !isBlankBefore(lines, index)) return undefined;
  const underline = /^ {0,3}(=+|-+)[ \t]*$/u.exec(next);
  if (!underline || /^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]/u.test(line)) return undefined;
  return { first: index, last: index + 1, titleLine: index, level: underline[1][0] === '=' ? 1 : 2, title: cleanHeadingTitle(line) };
}

function stripClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  return hashes < end && (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t') ? text.slice(0, hashes) : text.slice(0, end);
}

const RST_ADORNMENT = /^([=\-~^*+#`:'"._])\1{2,}[ \t]*$/u;

/** A title underlined (and perhaps overlined) with punctuation; levels follow the order styles first appear in. */
function rstHeading(lines: Line[], index: number, styles: string[]): Heading | undefined {
  const line = lines[index].masked;
  const over = RST_ADORNMENT.exec(line);
  if (over) {
    const title = lines[index + 1]?.masked;
    const under = lines[index + 2]?.masked;
    if (title === undefined || under === undefined || title.trim() === '' || under.trim() !== line.trim()) return undefined;
    return { first: index, last: index + 2, titleLine: index + 1, level: rstLevel(styles, `${over[1]}/${over[1]}`), title: cleanHeadingTitle(title) };
  }
  const next = lines[index + 1]?.masked;
  if (next === undefined || line.trim() === '' || /^\s/u.test(line)) return undefined;
  const under = RST_ADORNMENT.exec(next);
  if (!under || next.trim().length < Math.min(line.trim().length, 3)) return undefined;
  return { first: index, last: index + 1, titleLine: index, level: rstLevel(styles, under[1]), title: cleanHeadingTitle(line) };
}

function rstLevel(styles: string[], style: string): number {
  let level = styles.indexOf(style);
  if (level < 0) level = styles.push(style) - 1;
  return level + 1;
}

const LATEX_LEVELS: Record<string, number> = { part: 0, chapter: 1, section: 2, subsection: 3, subsubsection: 4, paragraph: 5 };

function latexHeading(line: string, index: number): Heading | undefined {
  const command = /\\(part|chapter|section|subsection|subsubsection|paragraph)\*?\s{0,5}(?:\[[^\]]{0,200}\])?\s{0,5}\{([^{}]{0,200})\}/u.exec(line);
  if (!command) return undefined;
  return { first: index, last: index, titleLine: index, level: LATEX_LEVELS[command[1]], title: cleanHeadingTitle(command[2]) };
}

/** A line alone that is nothing but a reference-list heading: "References", "REFERENCES", "**Bibliography**". */
function plainHeading(lines: Line[], index: number): Heading | undefined {
  const line = lines[index].masked;
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > PLAIN_HEADING_LIMIT || !isBlankBefore(lines, index)) return undefined;
  const title = cleanHeadingTitle(line);
  // "Sources say the talks stalled." is a sentence, not a heading.
  if (!isReferenceTitle(title) || /[.!?,;]$/u.test(title) || title.split(' ').length > 6) return undefined;
  const alone = index + 1 >= lines.length || lines[index + 1].masked.trim() === '';
  if (!alone && !HEADING_PHRASES.includes(foldCase(title))) return undefined;
  return { first: index, last: index, titleLine: index, level: PLAIN_LEVEL, title };
}

/** Start of the document, a blank line or a page break before the line. */
function isBlankBefore(lines: Line[], index: number): boolean {
  return index === 0 || lines[index - 1].masked.trim() === '' || lines[index].text.startsWith('\f');
}

/** Removes what decorates a heading: HTML tags, emphasis, a numbering, attributes and a trailing colon. */
function cleanHeadingTitle(raw: string): string {
  // Each decoration is looked for only when the character it begins with is present.
  let title = raw;
  if (title.includes('<')) title = title.replace(/<[^<>]{0,500}>/gu, ' ');
  if (title.includes('{')) title = title.replace(/\{[#.][^{}]{0,200}\}/gu, ' ');
  if (title.includes('*') || title.includes('_')) title = title.replace(/[*_]{1,3}/gu, '');
  if (title.includes('\\')) title = title.replace(/\\[a-z]+\*?/giu, ' ');
  if (title.includes('{') || title.includes('}') || title.includes('\f')) title = title.replace(/[{}\f]/gu, ' ');
  title = collapseWhitespace(title);
  if (startsWithNumbering(title)) title = title.replace(/^(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?|[IVXLC]{1,6}\.|[A-Z]\.)\s+/u, '');
  if (title.endsWith(':')) title = title.replace(/\s*:$/u, '');
  return title.trim();
}

/** A digit or an ASCII capital: what a heading's numbering ("2.1", "IV.", "A.") begins with. */
function startsWithNumbering(title: string): boolean {
  const first = title[0];
  return first !== undefined && ((first >= '0' && first <= '9') || (first >= 'A' && first <= 'Z'));
}

/** "References", "Bibliography", or a heading that begins with one of them ("References and further reading"). */
function isReferenceTitle(title: string): boolean {
  const folded = foldCase(title);
  return HEADING_PHRASES.some((phrase) => {
    if (folded === phrase) return true;
    // "BIBLIOGRAPHY   69" is a running page header, not a heading: the words after the phrase must be words.
    return folded.startsWith(`${phrase} `) && /\p{L}/u.test(folded.slice(phrase.length));
  });
}

function lastReferenceHeading(headings: Heading[]): Heading | undefined {
  for (let i = headings.length - 1; i >= 0; i--) if (isReferenceTitle(headings[i].title)) return headings[i];
  return undefined;
}

function foldCase(text: string): string {
  const decomposed = text.normalize('NFD');
  // ASCII text has no combining marks to remove (see `isAscii`).
  return (isAscii(decomposed) ? decomposed : decomposed.replace(/\p{M}/gu, '')).toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// The list under a heading

function listUnderHeading(lines: Line[], headings: Heading[], heading: Heading, language: DocumentLanguage): ReferenceList {
  const next = headings.find((h) => h.first > heading.last && h.level <= heading.level);
  let endLine = next ? next.first : lines.length;
  if (language === 'latex') endLine = Math.min(endLine, latexListEnd(lines, heading.last + 1, endLine));
  const entries = numberEntries(readEntries(lines, heading.last + 1, endLine, headings));
  const headingSpan = trimmedSpan(lines[heading.first], lines[heading.last]);
  const lastEntry = entries[entries.length - 1];
  return {
    heading: { span: headingSpan, text: lines[heading.titleLine].text.trim() },
    span: { start: headingSpan.start, end: lastEntry ? lastEntry.span.end : headingSpan.end },
    entries,
  };
}

/** A LaTeX list also ends at the end of the document body or where the appendices begin. */
function latexListEnd(lines: Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (/\\(?:end\{document\}|appendix\b|printbibliography|bibliography\{)/u.test(lines[i].masked)) return i;
  return to;
}

function trimmedSpan(first: Line, last: Line): Span {
  const leading = first.text.length - first.text.trimStart().length;
  const trailing = last.text.length - last.text.trimEnd().length;
  return { start: first.start + leading, end: last.end - trailing };
}

// ---------------------------------------------------------------------------------------------------------------
// The list without a heading

/** The trailing run of entries at the end of the document, if at least two of them read as reference entries. */
function trailingList(lines: Line[], headings: Heading[]): ReferenceList | undefined {
  const lastHeading = headings[headings.length - 1];
  const from = lastHeading ? lastHeading.last + 1 : 0;
  const candidates = readEntries(lines, from, lines.length, headings);
  let first = candidates.length;
  while (first > 0 && looksLikeReferenceEntry(candidates[first - 1].text)) first--;
  const entries = numberEntries(candidates.slice(first));
  if (entries.length < 2) return undefined;
  return { span: { start: entries[0].span.start, end: entries[entries.length - 1].span.end }, entries };
}

// ---------------------------------------------------------------------------------------------------------------
// An annotated bibliography whose entries are Markdown headings

/** More than this share of the headings of one level must read as entries before the level is a list of entries. */
const HEADING_ENTRY_SHARE = 0.5;

/**
 * "### Kesarwani, Vaibhav. 2018. “Title.”" followed by notes: the entries are the headings of the one level whose
 * headings mostly read as reference entries. The notes between them are prose, not entries.
 */
function headingEntryList(lines: Line[], headings: Heading[], language: DocumentLanguage): ReferenceList | undefined {
  if (language !== 'markdown') return undefined;
  for (let level = 1; level <= 6; level++) {
    const atLevel = headings.filter((h) => h.level === level && h.first === h.last);
    const readable = atLevel.filter((h) => looksLikeReferenceEntry(h.title)).length;
    if (readable < 2 || readable <= atLevel.length * HEADING_ENTRY_SHARE) continue;
    const entries = numberEntries(atLevel.map((h) => headingEntry(lines[h.first])));
    return { span: { start: entries[0].span.start, end: entries[entries.length - 1].span.end }, entries };
  }
  return undefined;
}

function headingEntry(line: Line): ReferenceEntry {
  const marker = /^ {0,3}#{1,6}[ \t]+/u.exec(line.text);
  const start = marker ? marker[0].length : 0;
  const content = stripClosingHashes(line.text.slice(start));
  return parseReferenceEntry(joinLines([content]), { start: line.start + start, end: line.start + start + content.trimEnd().length }, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting a region into entries

function readEntries(lines: Line[], from: number, to: number, headings: Heading[]): ReferenceEntry[] {
  const headingLines = new Set<number>();
  for (const heading of headings) for (let i = heading.first; i <= heading.last; i++) headingLines.add(i);
  const entries: ReferenceEntry[] = [];
  // Blocks of consecutive content lines are read as they end, at a blank line or at the end of the region.
  let block: ContentLine[] = [];
  for (let i = from; i <= to; i++) {
    const line = i < to ? contentLine(lines[i], headingLines.has(i)) : undefined;
    if (line) {
      block.push(line);
    } else if (block.length > 0) {
      const groups = splitBlock(block);
      for (let g = 0; g < groups.length; g++) {
        const entry = entryOf(groups[g]);
        if (entry) entries.push(entry);
      }
      block = [];
    }
  }
  return entries;
}

/**
 * Strips blockquote and list markers. Code, comments, headings and page furniture count as blank lines, for which
 * there is no content line.
 */
function contentLine(line: Line, isHeading: boolean): ContentLine | undefined {
  if (isHeading || line.text === '' || isPageFurniture(line.text) || isTableRow(line.text)) return undefined;
  if (line.masked.trim() === '' && !/(?:https?:\/\/|www\.|doi:)/iu.test(line.text)) return undefined;
  const text = line.text;
  let offset = 0;
  if (startsWithBlockquote(text)) {
    BLOCKQUOTE_MARKER.lastIndex = 0;
    for (let quote = BLOCKQUOTE_MARKER.exec(text); quote && quote[0] !== ''; quote = BLOCKQUOTE_MARKER.exec(text)) {
      offset = BLOCKQUOTE_MARKER.lastIndex;
    }
  }
  const indentStart = offset;
  while (offset < text.length && (text[offset] === ' ' || text[offset] === '\t' || text[offset] === '\f')) offset++;
  const indent = offset > indentStart ? indentWidth(text.slice(indentStart, offset)) : 0;
  let marker: RegExpExecArray | null = null;
  if (offset < text.length && LIST_MARKER_STARTS.includes(text[offset])) {
    LIST_MARKER.lastIndex = offset;
    marker = LIST_MARKER.exec(text);
    if (marker) offset += marker[0].length;
  }
  const rest = text.slice(offset).trimEnd();
  if (rest === '') return undefined;
  return { start: line.start + offset, end: line.start + offset + rest.length, text: rest, indent, hasMarker: marker !== null };
}

/** "> " at the start of a line, repeated for nested quotes (sticky: each match continues where the last ended). */
const BLOCKQUOTE_MARKER = /[ \t]{0,3}>[ \t]?/uy;

/** A quote marker stands within the first four characters; most lines have no ">" there and skip the pattern. */
function startsWithBlockquote(text: string): boolean {
  const mark = text.indexOf('>');
  return mark >= 0 && mark <= 3;
}

/** "- ", "* ", "+ ", "• ", "1. ", "1) ", "[1] ", "(1) ", "\item " in front of an entry (sticky). */
const LIST_MARKER = /(?:[-*+•]|\d{1,3}[.)]|\[\d{1,3}\]|\(\d{1,3}\)|\\item(?:\[[^\]]{0,40}\])?)[ \t]+/uy;

/** The characters a list marker can begin with; other lines skip the pattern. */
const LIST_MARKER_STARTS = '-*+•0123456789[(\\';

function indentWidth(whitespace: string): number {
  let width = 0;
  for (const ch of whitespace) width += ch === '\t' ? 4 : ch === '\f' ? 0 : 1;
  return width;
}

/** Page numbers and running headers that pdftotext leaves between entries: "68", "BIBLIOGRAPHY   69". */
function isPageFurniture(text: string): boolean {
  if (text.length > 200) return false;
  const bare = text.trim();
  if (bare.length <= 6 && /^(?:\d{1,4}|[ivxlc]{1,6})$/iu.test(bare)) return true;
  // A running header starts with a page break or a page number, or ends with a page number set apart by spaces.
  if (!text.startsWith('\f') && !startsWithSpacedNumber(text) && !endsWithSpacedNumber(text, bare)) return false;
  const trimmed = collapseWhitespace(text);
  return /^(?:\d{1,4} )?[\p{Lu}\d .,:&-]{3,80}(?: \d{1,4})?$/u.test(trimmed) && /\p{Lu}{3}/u.test(trimmed);
}

/** "12   BIBLIOGRAPHY": one to four digits, then at least three white-space characters. */
function startsWithSpacedNumber(text: string): boolean {
  const digits = digitsFrom(text, 0, 1);
  return digits >= 1 && digits <= 4 && spacesFrom(text, digits, 1) >= 3;
}

/** "BIBLIOGRAPHY   69": at least three white-space characters, then one to four digits, then only white space. */
function endsWithSpacedNumber(text: string, bare: string): boolean {
  if (bare === '') return false;
  const last = text.trimEnd().length - 1;
  const digits = digitsFrom(text, last, -1);
  return digits >= 1 && digits <= 4 && spacesFrom(text, last - digits, -1) >= 3;
}

/** How many digits stand in a row from `index` on, walking in `step`'s direction. */
function digitsFrom(text: string, index: number, step: 1 | -1): number {
  let count = 0;
  for (let i = index; i >= 0 && i < text.length && text[i] >= '0' && text[i] <= '9'; i += step) count++;
  return count;
}

/** How many white-space characters stand in a row from `index` on, walking in `step`'s direction (at most three). */
function spacesFrom(text: string, index: number, step: 1 | -1): number {
  let count = 0;
  for (let i = index; count < 3 && i >= 0 && i < text.length && isWhitespace(text[i]); i += step) count++;
  return count;
}

/** "| a | b |" and "|---|---|": a table is never a reference entry. */
function isTableRow(text: string): boolean {
  if (!text.includes('|')) return false;
  const trimmed = text.trim();
  return trimmed.length > 1 && trimmed.startsWith('|') && trimmed.endsWith('|');
}

/**
 * Splits a block of consecutive lines into entries: at every list marker; with hanging indents, at every line that is
 * not indented; in a flush block, at every line that reads as a whole entry after a line that ended one.
 */
function splitBlock(block: ContentLine[]): ContentLine[][] {
  if (block.length === 1) return [block];
  const baseIndent = block[0].indent;
  const hanging = block.some((line) => line.indent > baseIndent && !line.hasMarker);
  const groups: ContentLine[][] = [];
  for (let i = 0; i < block.length; i++) {
    const line = block[i];
    const startsEntry = i === 0 || line.hasMarker || (hanging ? line.indent <= baseIndent : startsFlushEntry(block[i - 1], line));
    if (startsEntry) groups.push([line]);
    else groups[groups.length - 1].push(line);
  }
  return groups;
}

function startsFlushEntry(previous: ContentLine, line: ContentLine): boolean {
  if (/(?:[,;&-]|\band)$/u.test(previous.text)) return false;
  return looksLikeReferenceEntry(line.text) && looksLikeReferenceEntry(previous.text);
}

/** One entry from its lines, or nothing for a separator, a lone in-page link or a line without words. */
function entryOf(lines: ContentLine[]): ReferenceEntry | undefined {
  const text = joinLines(lines.map((line) => line.text));
  if (!/\p{L}/u.test(text) || isSeparatorOrLoneLink(text)) return undefined;
  return parseReferenceEntry(text, { start: lines[0].start, end: lines[lines.length - 1].end }, '');
}

/** "---", "* * *", "[Back to top](#top)" or "<https://example.org>": each is told by its first character first. */
function isSeparatorOrLoneLink(text: string): boolean {
  switch (text[0]) {
    case '-':
    case '*':
    case '_':
      return /^(?:[-*_] ?){3,}$/u.test(text);
    case '[':
      return /^\[[^\]]*\]\(#[^()]*\)$/u.test(text);
    case '<':
      return /^<[^<>]*>$/u.test(text);
    default:
      return false;
  }
}

/** Lines joined by single spaces; a line broken after a hyphen inside a word joins without a space. */
function joinLines(lines: string[]): string {
  let joined = '';
  let previous = '';
  for (const line of lines) {
    const part = collapseWhitespace(line);
    if (part === '') continue;
    if (joined !== '' && !endsWithWordHyphen(previous)) joined += ' ';
    joined += part;
    previous = part;
  }
  return joined;
}

function endsWithWordHyphen(text: string): boolean {
  return text.endsWith('-') && /\p{L}/u.test(text.charAt(text.length - 2));
}

/** Gives entries their ids in document order and lets an author-less entry inherit the authors of the one before. */
function numberEntries(entries: ReferenceEntry[]): ReferenceEntry[] {
  // The entries were made for this list alone, so they are numbered in place rather than copied.
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    entry.id = `entry-${index}`;
    const previous = entries[index - 1];
    if (entry.authors.length === 0 && previous && previous.authors.length > 0 && repeatsPreviousAuthors(entry.text)) {
      entry.authors = previous.authors;
      entry.problems = entry.problems.filter((problem) => problem.code !== 'entry-no-author');
    }
  }
  return entries;
}
