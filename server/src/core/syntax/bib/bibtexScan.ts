// Finds the entries, @string definitions and syntax errors of a BibTeX or BibLaTeX file in one pass over its
// characters, keeping every value as written. Nothing is interpreted here (no macros, no LaTeX), so that a changed
// file can be rescanned alone. The scanner never throws, never backtracks, and recovers from an entry whose braces
// never close at the next line that starts a new entry.

import type { Problem, Span } from '../../types';
import { lowerCase } from '../../text/characters';

/** One "name = value" of an entry, made from the scan's offsets whenever the entry's fields are asked for. */
export class BibtexField {
  constructor(
    /** The field name in lower case. */
    readonly name: string,
    /** The value as written, braces, quotes and `#` concatenations included. */
    readonly raw: string,
    private readonly nameStart: number,
    private readonly valueStart: number,
    private readonly end: number,
  ) {}

  /** From the field name to the end of its value. */
  get span(): Span {
    return { start: this.nameStart, end: this.end };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.end };
  }
}

export interface BibtexEntry {
  /** The entry type in lower case: "article", "inproceedings", "livelink". */
  readonly type: string;
  readonly key: string;
  readonly keySpan: Span;
  /** From the "@" to the closing brace or parenthesis (or to where an unclosed entry was given up). */
  readonly span: Span;
  /** The entry's fields in the order written; made anew on every read, so keep the list while using it. */
  readonly fields: readonly BibtexField[];
  /** The value as written of the first field with this lower-case name, found without making the fields. */
  raw(name: string): string | undefined;
}

/**
 * Where the fields of every entry of one scan are, four offsets into the text a field (name start and end, value
 * start and end). A large file has hundreds of thousands of fields, few of which are ever read: an object and a
 * substring for each cost most of the scan's time and a third of the memory a loaded file kept.
 */
class FieldTable {
  private offsets = new Int32Array(4096);
  private length = 0;
  /** Equal field names are given as one string, so that comparing them is quick and a large file keeps one copy. */
  private readonly names = new Map<string, string>();

  constructor(private readonly text: string) {}

  /** How many fields have been added; the index the next one gets. */
  get count(): number {
    return this.length >> 2;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    if (this.length + 4 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const offsets = this.offsets;
    offsets[this.length++] = nameStart;
    offsets[this.length++] = nameEnd;
    offsets[this.length++] = valueStart;
    offsets[this.length++] = valueEnd;
  }

  /** Forgets the fields from `index` on (those of an @string, which are kept as definitions instead). */
  truncate(index: number): void {
    this.length = index * 4;
  }

  /** Gives back the room the table grew into but did not use, once the scan is done. */
  trim(): void {
    if (this.offsets.length - this.length > this.offsets.length / 4) this.offsets = this.offsets.slice(0, this.length);
  }

  /** The value as written of the first of the fields [first, first + count) with this lower-case name. */
  raw(first: number, count: number, name: string): string | undefined {
    for (let i = first; i < first + count; i++) {
      if (this.nameIs(i, name)) return this.text.slice(this.offsets[i * 4 + 2], this.offsets[i * 4 + 3]);
    }
    return undefined;
  }

  /** Compares a field's name with a lower-case name without taking it out of the text. */
  private nameIs(index: number, name: string): boolean {
    const text = this.text;
    const start = this.offsets[index * 4];
    const end = this.offsets[index * 4 + 1];
    // Most names differ from the one asked for in their first letter, which lower-cases alone when it is ASCII.
    const first = text.charCodeAt(start);
    if (first <= 127 && (first >= 65 && first <= 90 ? first + 32 : first) !== name.charCodeAt(0)) return false;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) > 127) return this.name(start, end) === name;
    if (end - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) {
      const code = text.charCodeAt(start + i);
      if ((code >= 65 && code <= 90 ? code + 32 : code) !== name.charCodeAt(i)) return false;
    }
    return true;
  }

  fields(first: number, count: number): BibtexField[] {
    const fields: BibtexField[] = [];
    for (let i = first; i < first + count; i++) fields.push(this.field(i));
    return fields;
  }

  field(index: number): BibtexField {
    const at = index * 4;
    const offsets = this.offsets;
    const text = this.text;
    return new BibtexField(this.name(offsets[at], offsets[at + 1]), text.slice(offsets[at + 2], offsets[at + 3]), offsets[at], offsets[at + 2], offsets[at + 3]);
  }

  private name(start: number, end: number): string {
    const name = this.text.slice(start, end).toLowerCase();
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }
}

/**
 * An entry as the scan found it, its fields left in the table. Fields are made when asked for and not kept: a linked
 * entry reads the few values it needs with `raw`, and a large file whose every entry was read would otherwise hold an
 * object and a substring for each of its fields.
 */
class ScannedEntry implements BibtexEntry {
  readonly #table: FieldTable;
  readonly #firstField: number;
  readonly #fieldCount: number;

  constructor(
    readonly type: string,
    readonly key: string,
    readonly keySpan: Span,
    readonly span: Span,
    table: FieldTable,
    firstField: number,
    fieldCount: number,
  ) {
    this.#table = table;
    this.#firstField = firstField;
    this.#fieldCount = fieldCount;
  }

  get fields(): readonly BibtexField[] {
    return this.#table.fields(this.#firstField, this.#fieldCount);
  }

  raw(name: string): string | undefined {
    return this.#table.raw(this.#firstField, this.#fieldCount, name);
  }
}

export interface BibtexStringDefinition {
  /** The macro name in lower case (BibTeX macro names ignore case). */
  name: string;
  raw: string;
  span: Span;
}

export interface BibtexScan {
  entries: BibtexEntry[];
  strings: BibtexStringDefinition[];
  problems: Problem[];
}

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

/** What `NextOccurrence.after` gives when the character does not occur again: past every position. */
const NOT_FOUND = Number.MAX_SAFE_INTEGER;

/** The next position of one character at or after a position, kept for later asks at or before it. */
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

/** Characters that end a citation key; parentheses may appear inside keys of brace-delimited entries. */
function endsKey(code: number, close: number): boolean {
  return isSpace(code) || code === COMMA || code === EQUALS || code === OPEN_BRACE || code === CLOSE_BRACE ||
    code === QUOTE || code === HASH || code === close;
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
interface Body {
  /** The body's fields are those of the table from this index to its end. */
  firstField: number;
  /** After the closing delimiter, or where the body was given up. */
  end: number;
  closed: boolean;
}

/**
 * Scans the items (entries, @string, @comment, @preamble) that start in [from, to); the last may run past `to` to its
 * end. Every position is an offset into the whole `text`, so a large file can be scanned in slices cut at the starts of
 * its entries, with the event loop free between them, and the slices' results joined in order equal one scan of the
 * whole text. Repeated keys are found by `linkBibtex`, which sees the whole file.
 */
export function scanBibtex(text: string, from = 0, to = text.length): BibtexScan {
  return new BibtexScanner(text).scan(Math.max(0, from), Math.min(to, text.length));
}

/** Where an item's type and opening delimiter are, for an "@" that starts one. */
interface ItemOpening {
  typeStart: number;
  typeEnd: number;
  open: number;
}

class BibtexScanner {
  private readonly entries: BibtexEntry[] = [];
  private readonly strings: BibtexStringDefinition[] = [];
  private readonly problems: Problem[] = [];
  private readonly table: FieldTable;
  private itemCount = 0;
  /** Where reading a value stopped, when it gave a stop rather than an end. */
  private stoppedAt = 0;
  /** Set by `readField` when the entry's body ended inside the field (at the end of the text or a new entry). */
  private bodyEnded = false;

  /** What reading a braced value stops at: braces, and an "@" that starts a line (where an unclosed value gives way to a new entry). */
  private readonly nextOpenBrace: NextOccurrence;
  private readonly nextCloseBrace: NextOccurrence;
  private readonly nextAt: NextOccurrence;
  /** What `nextEntryLine` last found, and from where. */
  private entryLineFrom = 0;
  private entryLineAt = -1;

  constructor(private readonly text: string) {
    this.table = new FieldTable(text);
    this.nextOpenBrace = new NextOccurrence(text, '{');
    this.nextCloseBrace = new NextOccurrence(text, '}');
    this.nextAt = new NextOccurrence(text, '@');
  }

  scan(from: number, to: number): BibtexScan {
    const text = this.text;
    let position = from;
    while (position < to) {
      const at = text.indexOf('@', position);
      if (at < 0 || at >= to) break;
      position = this.isCommentedOut(at, position) ? this.lineEnd(at) : this.readItem(at);
    }
    // The slice that starts the file speaks for the whole file, so it looks past its own end before saying so.
    if (from === 0 && this.itemCount === 0 && /\S/u.test(text.slice(0, 4096)) && !this.hasItemFrom(position)) {
      this.problem({ start: 0, end: this.lineEnd(0) }, 'bib-no-entries', 'No BibTeX entries were found in this file.');
    }
    this.table.trim();
    return { entries: this.entries, strings: this.strings, problems: this.problems };
  }

  /** Whether an item starts at or after `from`, found the way `scan` finds them. */
  private hasItemFrom(from: number): boolean {
    let position = from;
    for (;;) {
      const at = this.text.indexOf('@', position);
      if (at < 0) return false;
      if (!this.isCommentedOut(at, position) && this.itemOpening(at)) return true;
      position = at + 1;
    }
  }

  /** The type and opening delimiter after an "@", when they are there: "@article{", "@string (". */
  private itemOpening(at: number): ItemOpening | undefined {
    const typeStart = this.skipSpaces(at + 1, false);
    const typeEnd = this.skipWord(typeStart);
    if (typeEnd === typeStart) return undefined;
    const open = this.skipSpaces(typeEnd, true);
    const openCode = this.text.charCodeAt(open);
    return openCode === OPEN_BRACE || openCode === OPEN_PAREN ? { typeStart, typeEnd, open } : undefined;
  }

  /** A "%" earlier on the line (but after the previous item) comments the "@" out: "%@ARTICLE{...". */
  private isCommentedOut(at: number, notBefore: number): boolean {
    for (let i = at - 1; i >= notBefore; i--) {
      const code = this.text.charCodeAt(i);
      if (code === NEWLINE) return false;
      if (code === PERCENT) return true;
    }
    return false;
  }

  private lineEnd(from: number): number {
    const newline = this.text.indexOf('\n', from);
    return newline < 0 ? this.text.length : newline;
  }

  /** Reads "@type{...}" starting at the "@"; returns where scanning continues. */
  private readItem(at: number): number {
    const opening = this.itemOpening(at);
    if (!opening) return this.skipNonItem(at);
    const { typeStart, typeEnd, open } = opening;
    const type = lowerCase(this.text.slice(typeStart, typeEnd));
    this.itemCount++;
    const close = this.text.charCodeAt(open) === OPEN_BRACE ? CLOSE_BRACE : CLOSE_PAREN;
    if (type === 'comment' || type === 'preamble') return this.skipBalancedItem(at, open, close);
    if (type === 'string') return this.readStringDefinition(at, open, close);
    return this.readEntry(at, type, open, close);
  }

  /** An "@" with no "{" or "(" after its word: an e-mail address in a comment, "@comment" as a line comment, or a typo
   * worth reporting when the "@" starts a line. */
  private skipNonItem(at: number): number {
    const typeStart = this.skipSpaces(at + 1, false);
    const typeEnd = this.skipWord(typeStart);
    if (typeEnd === typeStart) return at + 1;
    const word = this.text.slice(typeStart, typeEnd);
    if (word.toLowerCase() === 'comment') return this.lineEnd(typeEnd);
    if (this.startsLine(at)) this.problem({ start: at, end: typeEnd }, 'bib-syntax', `"@${word}" is not followed by "{" or "(".`);
    return typeEnd;
  }

  /** Skips "@comment{...}" and "@preamble{...}", which hold no references. */
  private skipBalancedItem(at: number, open: number, close: number): number {
    const openCode = this.text.charCodeAt(open);
    let depth = 0;
    for (let i = open; i < this.text.length; i++) {
      const code = this.text.charCodeAt(i);
      if (code === openCode) depth++;
      else if (code === close && --depth === 0) return i + 1;
      else if (code === NEWLINE && this.entryStartsAfterNewline(i + 1)) return this.unclosed({ start: at, end: open + 1 }, i + 1);
    }
    return this.unclosed({ start: at, end: open + 1 }, this.text.length);
  }

  private readStringDefinition(at: number, open: number, close: number): number {
    const body = this.readBody(open + 1, close);
    for (const field of this.table.fields(body.firstField, this.table.count - body.firstField)) {
      this.strings.push({ name: field.name, raw: field.raw, span: field.span });
    }
    this.table.truncate(body.firstField);
    if (!body.closed) this.unclosed({ start: at, end: open + 1 }, body.end);
    return body.end;
  }

  private readEntry(at: number, type: string, open: number, close: number): number {
    const keyStart = this.skipSpaces(open + 1, true);
    let keyEnd = keyStart;
    while (keyEnd < this.text.length && !endsKey(this.text.charCodeAt(keyEnd), close)) keyEnd++;
    const afterKey = this.skipSpaces(keyEnd, true);
    const next = this.text.charCodeAt(afterKey);
    let bodyStart = afterKey;
    let key = this.text.slice(keyStart, keyEnd);
    if (next === EQUALS || keyEnd === keyStart) {
      // "@article{, title = ..." or "@article{title = ...": the entry has no key, and what follows is its first field.
      key = '';
      bodyStart = next === EQUALS ? keyStart : afterKey;
    } else if (next !== COMMA && next !== close) {
      this.problem({ start: keyEnd, end: keyEnd }, 'bib-syntax', `Expected a comma after the key "${key}".`);
    }
    const header = { start: at, end: Math.max(keyEnd, open + 1) };
    const body = this.readBody(bodyStart, close);
    if (!body.closed) this.unclosed(header, body.end);
    if (key === '') {
      this.table.truncate(body.firstField);
      this.problem(header, 'bib-missing-key', 'This entry has no key, so it cannot be cited; it is skipped.');
      return body.end;
    }
    const fieldCount = this.table.count - body.firstField;
    this.entries.push(new ScannedEntry(type, key, { start: keyStart, end: keyEnd }, { start: at, end: body.end }, this.table, body.firstField, fieldCount));
    return body.end;
  }

  /** Reads "name = value" pairs separated by commas up to the closing delimiter, adding them to the table. */
  private readBody(from: number, close: number): Body {
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
      return this.skipToFieldBoundary(nameStart + 1, close);
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
      const openBrace = this.nextOpenBrace.after(i);
      const closeBrace = this.nextCloseBrace.after(i);
      const nextEntry = this.nextEntryLine(i);
      if (openBrace < closeBrace && openBrace < nextEntry) {
        depth++;
        i = openBrace + 1;
      } else if (closeBrace < nextEntry) {
        if (--depth === 0) return closeBrace + 1;
        i = closeBrace + 1;
      } else {
        return nextEntry === NOT_FOUND ? END_OF_TEXT : this.stop(NEXT_ENTRY, this.lineStartBefore(nextEntry));
      }
    }
  }

  /** The first "@" at or after `from` that starts a line and an entry (see `entryStartsAfterNewline`), kept for later asks. */
  private nextEntryLine(from: number): number {
    if (from >= this.entryLineFrom && from <= this.entryLineAt) return this.entryLineAt;
    let at = this.nextAt.after(from);
    while (at !== NOT_FOUND && !(this.startsLineAfterBlanks(at) && this.entryStartsAt(at))) at = this.nextAt.after(at + 1);
    this.entryLineFrom = from;
    this.entryLineAt = at;
    return at;
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

  private lineStartBefore(at: number): number {
    return this.text.lastIndexOf('\n', at) + 1;
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
  private entryStartsAfterNewline(lineStart: number): boolean {
    const at = this.skipSpaces(lineStart, false);
    return this.text.charCodeAt(at) === AT && this.entryStartsAt(at);
  }

  private entryStartsAt(at: number): boolean {
    const typeEnd = this.skipWord(at + 1);
    if (typeEnd === at + 1) return false;
    const open = this.text.charCodeAt(this.skipSpaces(typeEnd, false));
    return open === OPEN_BRACE || open === OPEN_PAREN;
  }

  private startsLine(at: number): boolean {
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

  private unclosed(header: Span, end: number): number {
    this.problem(header, 'bib-unclosed-entry', 'This entry is not closed: a "}" or ")" is missing, so it ends where the next entry starts.');
    return end;
  }

  private skipWord(from: number): number {
    let i = from;
    while (i < this.text.length && !isDelimiter(this.text.charCodeAt(i))) i++;
    return i;
  }

  private skipSpaces(from: number, acrossLines: boolean): number {
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

  private problem(span: Span, code: string, message: string): void {
    this.problems.push({ span, code, message });
  }
}
