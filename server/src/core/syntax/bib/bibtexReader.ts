// Reads the characters of a BibTeX text: the "name = value" fields of an entry's body, and the blanks, words and line
// starts between items. A reader is shared by the scan that finds a file's items and by the entries it finds, which
// read their fields when first asked for. Nothing here throws, backtracks or looks at a character more than a fixed
// number of times.

import type { Problem, Span } from '../../types';
import { FieldTable } from './bibtexFieldTable';
import { firstAtOrAfter } from '../../text/sortedSpans';
import { lineAt } from '../../text/lines';

const AT = 64;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const QUOTE = 34;
const COMMA = 44;
const EQUALS = 61;
const HASH = 35;
const PERCENT = 37;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const TAB = 9;
// Exported by name rather than declared with `export const`, so that the code of this file reads them as constants.
export { CLOSE_BRACE, CLOSE_PAREN, COMMA, EQUALS, NEWLINE, OPEN_BRACE, OPEN_PAREN, PERCENT };

/**
 * What `NextOccurrence.after` gives when the character does not occur again: past every position (no string is this
 * long). A small integer, so that the fields that hold it stay small integers: a larger number made V8 change how those
 * fields are stored and throw away the reader's optimised code once per scan.
 */
const NOT_FOUND = 0x3fffffff;

/**
 * The next position of one character at or after a position, kept for later asks at or before it. A one-character
 * twin of text/nextOccurrences.ts: it is asked about once per brace of the file, and going through the general one
 * (a list of needles, -1 for none) made a 10,000-entry scan about a quarter slower.
 */
class NextOccurrence {
  private from = 0;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly character: string,
  ) {}

  after(position: number): number {
    if (position < this.from || position > this.found) {
      const found = this.text.indexOf(this.character, position);
      this.from = position;
      this.found = found < 0 ? NOT_FOUND : found;
    }
    return this.found;
  }
}

function isSpace(code: number): boolean {
  return code === SPACE || code === NEWLINE || code === CARRIAGE_RETURN || code === TAB || code === 12 || code === 0xa0 || code === 0xfeff;
}

/** Characters that end an entry type, a field name or a bare (macro or number) value. */
function isDelimiter(code: number): boolean {
  return (
    isSpace(code) || code === OPEN_BRACE || code === CLOSE_BRACE || code === OPEN_PAREN || code === CLOSE_PAREN ||
    code === QUOTE || code === COMMA || code === EQUALS || code === HASH || code === PERCENT || code === AT
  );
}

/**
 * Reading a value gives the value's end, or one of these (negative) stops: the text ended, a closing delimiter that does
 * not belong to the value came first, or a new entry started; the scanner's `stoppedAt` then says where. Numbers rather
 * than result objects, because a large file has hundreds of thousands of values.
 */
const END_OF_TEXT = -1;
const STRAY_CLOSE = -2;
const NEXT_ENTRY = -3;

/** What reading the body of an entry or @string found, and where the body ended. */
export interface Body {
  /** The body's fields are those of the table from this index to its end. */
  firstField: number;
  /** After the closing delimiter, or where the body was given up. */
  end: number;
  closed: boolean;
}

/**
 * The reading shared by the scanner and its entries. Its problems go to the list given to the reading that finds them
 * (an entry's own when its fields are read), or else to the file's.
 */
export class BibtexReader {
  readonly table: FieldTable;
  protected readonly fileProblems: Problem[] = [];
  private sink = this.fileProblems;
  /** Where reading a value stopped, when it gave a stop rather than an end. */
  private stoppedAt = 0;
  /** Set by `readField` when the entry's body ended inside the field (at the end of the text or a new entry). */
  private bodyEnded = false;

  /** Where the next of each character is that reading values or walking an entry's braces stops at. */
  private readonly nextOpenBrace: NextOccurrence;
  private readonly nextCloseBrace: NextOccurrence;
  private readonly nextAt: NextOccurrence;
  /** The part of the text the scan went over: its items start in it and end in it. */
  protected scanned = { from: 0, to: 0 };
  /** Made when first asked for: where "crossref" or "xdata" is written in what was scanned, in any case. */
  private parentFieldMentions: number[] | undefined;
  /** The "@"s that start a line and an entry, in text order: all of them from `entryLinesFrom` to `entryLinesSearchedTo`. */
  private readonly entryLines: number[] = [];
  private entryLinesFrom = NOT_FOUND;
  private entryLinesSearchedTo = NOT_FOUND;
  /** Where in `entryLines` the last ask ended. */
  private entryLinesCursor = 0;

  constructor(protected readonly text: string) {
    this.table = new FieldTable(text);
    this.nextOpenBrace = new NextOccurrence(text, '{');
    this.nextCloseBrace = new NextOccurrence(text, '}');
    this.nextAt = new NextOccurrence(text, '@');
  }

  /** Whether "crossref" or "xdata" is written anywhere in [start, end), in any case, within what was scanned. */
  mentionsParentField(start: number, end: number): boolean {
    const mentions = (this.parentFieldMentions ??= this.findParentFieldMentions());
    const first = firstAtOrAfter(mentions, start);
    return first < mentions.length && mentions[first] < end;
  }

  private findParentFieldMentions(): number[] {
    const { from, to } = this.scanned;
    const mentions: number[] = [];
    for (const match of this.text.slice(from, to).matchAll(/crossref|xdata/giu)) mentions.push(from + match.index);
    return mentions;
  }

  /** Reads a body as `readBody` does, with the problems it finds going to `problems`. */
  readBodyInto(from: number, close: number, problems: Problem[]): Body {
    const previous = this.sink;
    this.sink = problems;
    const body = this.readBody(from, close);
    this.sink = previous;
    return body;
  }

  /** Where a citation key that starts at `from` ends; parentheses may appear inside keys of brace-delimited entries. */
  protected keyEnd(from: number, close: number): number {
    const text = this.text;
    let end = from;
    for (; end < text.length; end++) {
      const code = text.charCodeAt(end);
      if (isSpace(code) || code === COMMA || code === EQUALS || code === OPEN_BRACE || code === CLOSE_BRACE || code === QUOTE || code === HASH || code === close) break;
    }
    return end;
  }

  /**
   * Where a brace-delimited entry whose body starts at `from` ends (after its closing brace), found from its braces
   * alone; -1 when reading its fields could end it elsewhere or when it is not closed. Among the fields, outside every
   * value, a '"' starts a quoted value, a "%" a comment and an "@" perhaps a new entry, and any of them could make
   * reading the fields end the entry at another brace; inside a braced value, only a line that starts an entry does.
   * Without those, `readBody` from `from` ends at the same brace (the scan tests compare the two on random text), so
   * the fields can be read when first asked for. The text among the fields is short and is looked at character by
   * character (looking ahead for those three characters instead would search the rest of the file once for every
   * slice of a file read in slices); values are passed over from brace to brace.
   */
  balancedEnd(from: number): number {
    let depth = 1;
    let i = from;
    for (;;) {
      const brace = this.nextBrace(i);
      if (brace === NOT_FOUND) return -1;
      if (depth === 1 ? this.mayEndFieldsElsewhere(i, brace) : this.entryLineBefore(i, brace) !== NOT_FOUND) return -1;
      depth += this.text.charCodeAt(brace) === OPEN_BRACE ? 1 : -1;
      if (depth === 0) return brace + 1;
      i = brace + 1;
    }
  }

  /** Whether a '"', "%" or "@" comes in [from, to), among an entry's fields (see `balancedEnd`). */
  private mayEndFieldsElsewhere(from: number, to: number): boolean {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE || code === PERCENT || code === AT) return true;
    }
    return false;
  }

  /** The next "{" or "}" at or after `from`, or NOT_FOUND. */
  private nextBrace(from: number): number {
    const openBrace = this.nextOpenBrace.after(from);
    const closeBrace = this.nextCloseBrace.after(from);
    return openBrace < closeBrace ? openBrace : closeBrace;
  }

  /** Reads "name = value" pairs separated by commas up to the closing delimiter, adding them to the table. */
  protected readBody(from: number, close: number): Body {
    const text = this.text;
    const firstField = this.table.count;
    let position = from;
    for (;;) {
      position = this.skipSpacesAndComments(position);
      if (position >= text.length) return { firstField, end: text.length, closed: false };
      const code = text.charCodeAt(position);
      if (code === close) return { firstField, end: position + 1, closed: true };
      if (code === COMMA) {
        position++;
        continue;
      }
      if (code === AT && this.entryStartsAt(position)) return { firstField, end: this.endOfContentBefore(position), closed: false };
      const afterValue = this.readField(position, close);
      if (this.bodyEnded) return { firstField, end: afterValue, closed: false };
      position = this.afterField(afterValue, close);
    }
  }

  /** Reads "name = value"; returns where the field ends, and sets `bodyEnded` when the entry ended inside it. */
  private readField(nameStart: number, close: number): number {
    const text = this.text;
    this.bodyEnded = false;
    const nameEnd = this.skipWord(nameStart);
    if (nameEnd === nameStart) {
      this.problem({ start: nameStart, end: nameStart + 1 }, 'bib-syntax', `Unexpected "${text[nameStart]}" where a field name was expected.`);
      // A "{" is skipped with what it opens, so that the entry ends where its braces say (see `balancedEnd`).
      return this.skipToFieldBoundary(text.charCodeAt(nameStart) === OPEN_BRACE ? nameStart : nameStart + 1, close);
    }
    const equals = this.skipSpaces(nameEnd, true);
    if (text.charCodeAt(equals) !== EQUALS) {
      this.problem({ start: nameStart, end: nameEnd }, 'bib-syntax', `Expected "=" after the field name "${text.slice(nameStart, nameEnd)}".`);
      return this.skipToFieldBoundary(nameEnd, close);
    }
    const valueStart = this.skipSpaces(equals + 1, true);
    const valueEnd = this.readValue(valueStart);
    if (valueEnd === END_OF_TEXT || valueEnd === NEXT_ENTRY) {
      this.bodyEnded = true;
      return valueEnd === END_OF_TEXT ? text.length : this.endOfContentBefore(this.stoppedAt);
    }
    if (valueEnd === STRAY_CLOSE) {
      this.problem({ start: valueStart, end: valueStart + 1 }, 'bib-syntax', 'This quoted value is not closed.');
      return this.stoppedAt;
    }
    if (valueEnd === valueStart) {
      this.problem({ start: nameStart, end: nameEnd }, 'bib-syntax', `The field "${text.slice(nameStart, nameEnd)}" has no value.`);
      return this.skipToFieldBoundary(valueStart, close);
    }
    this.table.add(nameStart, nameEnd, valueStart, valueEnd);
    return valueEnd;
  }

  /** After a value comes a comma or the closing delimiter; a missing comma before the next "name =" is forgiven. */
  private afterField(from: number, close: number): number {
    const position = this.skipSpacesAndComments(from);
    const code = this.text.charCodeAt(position);
    if (code === COMMA || code === close || position >= this.text.length) return position;
    if (code === AT && this.entryStartsAt(position)) return position;
    const nameEnd = this.skipWord(position);
    if (nameEnd > position && this.text.charCodeAt(this.skipSpaces(nameEnd, true)) === EQUALS) {
      this.problem({ start: from, end: from }, 'bib-syntax', 'A comma is missing between two fields.');
      return position;
    }
    this.problem({ start: position, end: position + 1 }, 'bib-syntax', `Unexpected "${this.text[position]}" after a field value.`);
    return this.skipToFieldBoundary(position, close);
  }

  /** Reads a value made of braced, quoted and bare parts joined by "#"; gives its end or a stop. */
  private readValue(from: number): number {
    const text = this.text;
    let position = from;
    let end = from;
    for (;;) {
      const code = text.charCodeAt(position);
      let partEnd: number;
      if (code === OPEN_BRACE) partEnd = this.readBraced(position);
      else if (code === QUOTE) partEnd = this.readQuoted(position);
      else if (position < text.length && !isDelimiter(code)) partEnd = this.skipWord(position);
      else return end;
      if (partEnd < 0) return partEnd;
      end = partEnd;
      const afterPart = this.skipSpaces(end, true);
      if (text.charCodeAt(afterPart) !== HASH) return end;
      position = this.skipSpaces(afterPart + 1, true);
    }
  }

  /**
   * Reads a braced value by jumping from one brace to the next with indexOf, which passes over the text between them
   * (most of an abstract) several times faster than looking at each character. Where the next of each is, is kept
   * between values, so that each is looked for once in the whole text. A value whose braces never close gives way to
   * the next line that starts an entry, found from the "@"s, which are far fewer than line breaks.
   */
  private readBraced(open: number): number {
    let depth = 0;
    let i = open;
    for (;;) {
      const brace = this.nextBrace(i);
      const nextEntry = this.entryLineBefore(i, brace);
      if (nextEntry !== NOT_FOUND) return this.stop(NEXT_ENTRY, lineAt(this.text, nextEntry).start);
      if (brace === NOT_FOUND) return END_OF_TEXT;
      depth += this.text.charCodeAt(brace) === OPEN_BRACE ? 1 : -1;
      if (depth === 0) return brace + 1;
      i = brace + 1;
    }
  }


  /**
   * The first "@" in [from, before) that starts a line and an entry (see `entryStartsAfterNewline`), or NOT_FOUND. Each
   * such "@" is kept once found and the "@"s are looked at only as far as asked, so that each "@" of the text is looked
   * at once however the entries' fields are read (linking reads a child and then its parent far away) and however the
   * text is cut into slices, each with a reader of its own.
   */
  private entryLineBefore(from: number, before: number): number {
    const lines = this.entryLines;
    if (from < this.entryLinesFrom) {
      // Never asked so far back: what was found holds only from where the first ask was.
      lines.length = 0;
      this.entryLinesFrom = from;
      this.entryLinesSearchedTo = from;
      this.entryLinesCursor = 0;
    }
    const next = this.firstEntryLineFrom(from);
    if (next < lines.length) return lines[next] < before ? lines[next] : NOT_FOUND;
    let at = this.nextAt.after(this.entryLinesSearchedTo);
    for (; at < before; at = this.nextAt.after(at + 1)) {
      this.entryLinesSearchedTo = at + 1;
      if (!this.startsLineAfterBlanks(at) || !this.entryStartsAt(at)) continue;
      lines.push(at);
      if (at >= from) return at;
    }
    this.entryLinesSearchedTo = Math.max(this.entryLinesSearchedTo, Math.min(at, before));
    return NOT_FOUND;
  }

  /** The index of the first kept entry line at or after `from`; moving on from the last ask, as asks mostly go forward. */
  private firstEntryLineFrom(from: number): number {
    const lines = this.entryLines;
    let index = this.entryLinesCursor;
    if (index > 0 && lines[index - 1] >= from) index = firstAtOrAfter(lines, from, 0, index);
    else while (index < lines.length && lines[index] < from) index++;
    this.entryLinesCursor = index;
    return index;
  }

  /** Whether only blanks other than line breaks come between the line break before `at` and `at`. */
  private startsLineAfterBlanks(at: number): boolean {
    for (let i = at - 1; i >= 0; i--) {
      const code = this.text.charCodeAt(i);
      if (code === NEWLINE) return true;
      if (code === CARRIAGE_RETURN || !isSpace(code)) return false;
    }
    return false;
  }


  /** A quoted value ends at a '"' outside braces; a "}" that closes more than it opened ends the entry instead. */
  private readQuoted(open: number): number {
    const text = this.text;
    let depth = 0;
    for (let i = open + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE && depth === 0) return i + 1;
      if (code === OPEN_BRACE) depth++;
      else if (code === CLOSE_BRACE && --depth < 0) return this.stop(STRAY_CLOSE, i);
      else if (code === NEWLINE && this.entryStartsAfterNewline(i + 1)) return this.stop(NEXT_ENTRY, i + 1);
    }
    return END_OF_TEXT;
  }

  private stop(kind: number, at: number): number {
    this.stoppedAt = at;
    return kind;
  }

  /** Skips to the next comma or closing delimiter outside braces (after a syntax error inside an entry). */
  private skipToFieldBoundary(from: number, close: number): number {
    const text = this.text;
    let depth = 0;
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === OPEN_BRACE) depth++;
      else if (depth > 0 && code === CLOSE_BRACE) depth--;
      else if (depth === 0 && (code === COMMA || code === close)) return i;
      else if (code === NEWLINE && this.entryStartsAfterNewline(i + 1)) return i + 1;
    }
    return text.length;
  }

  /**
   * A line that starts with "@word{" or "@word(" starts a new entry. Inside an entry whose braces never close this is
   * the signal to give the entry up: a value almost never has such a line.
   */
  protected entryStartsAfterNewline(lineStart: number): boolean {
    const at = this.skipSpaces(lineStart, false);
    return this.text.charCodeAt(at) === AT && this.entryStartsAt(at);
  }

  private entryStartsAt(at: number): boolean {
    const typeEnd = this.skipWord(at + 1);
    if (typeEnd === at + 1) return false;
    const open = this.text.charCodeAt(this.skipSpaces(typeEnd, false));
    return open === OPEN_BRACE || open === OPEN_PAREN;
  }

  protected startsLine(at: number): boolean {
    for (let i = at - 1; i >= 0; i--) {
      const code = this.text.charCodeAt(i);
      if (code === NEWLINE) return true;
      if (code !== SPACE && code !== TAB) return false;
    }
    return true;
  }

  /** An unclosed entry ends with its last non-blank character before the next entry. */
  private endOfContentBefore(position: number): number {
    let end = position;
    while (end > 0 && isSpace(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  protected lineEnd(from: number): number {
    const newline = this.text.indexOf('\n', from);
    return newline < 0 ? this.text.length : newline;
  }

  protected skipWord(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length && !isDelimiter(text.charCodeAt(i))) i++;
    return i;
  }

  protected skipSpaces(from: number, acrossLines: boolean): number {
    let i = from;
    for (; i < this.text.length; i++) {
      const code = this.text.charCodeAt(i);
      if (!isSpace(code) || (!acrossLines && (code === NEWLINE || code === CARRIAGE_RETURN))) break;
    }
    return i;
  }

  /** Skips blanks and "%" comment lines where a field name is expected (BibLaTeX files often comment fields out). */
  private skipSpacesAndComments(from: number): number {
    let i = this.skipSpaces(from, true);
    while (this.text.charCodeAt(i) === PERCENT) i = this.skipSpaces(this.lineEnd(i), true);
    return i;
  }

  protected problem(span: Span, code: string, message: string): void {
    this.sink.push({ span, code, message });
  }
}
