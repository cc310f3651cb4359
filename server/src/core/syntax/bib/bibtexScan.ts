// Finds the entries, @string definitions and syntax errors of a BibTeX or BibLaTeX file, keeping every value as
// written. Nothing is interpreted here (no macros, no LaTeX), so that a changed file can be rescanned alone. The
// scanner never throws, never backtracks, and recovers from an entry whose braces never close at the next line that
// starts a new entry. An entry whose end its braces alone give (nearly every entry)
// has its fields read when they are first asked for: a large file has hundreds of thousands of fields, and reading
// them all took three quarters of the scan.

import type { Problem, Span } from '../../types';
import { lowerCase } from '../../text/characters';
import type { BibtexField } from './bibtexFieldTable';
import { BibtexReader, CLOSE_BRACE, CLOSE_PAREN, COMMA, EQUALS, NEWLINE, OPEN_BRACE, OPEN_PAREN, PERCENT } from './bibtexReader';

export { BibtexField } from './bibtexFieldTable';

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
  /** False when the entry surely has no crossref or xdata field (neither word is in its text), known without its fields. */
  readonly mayInherit: boolean;
  /** What is wrong in how the fields are written (a missing "=", a value never closed), found when they are first read. */
  readonly syntaxProblems: readonly Problem[];
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

/** A scan of the items that start in a range of the text. */
export interface RangeScan extends BibtexScan {
  /**
   * Where the scan stopped: after the last item that starts in the range, which may run past it, or the range's end.
   * A scan of the next slice starts here, not inside an item (a @comment, say) that this one passed over.
   */
  end: number;
}

/**
 * Scans the items (entries, @string, @comment, @preamble) that start in [from, to); the last may run past `to` to its
 * end. Every position is an offset into the whole `text`, so a large file can be scanned in slices cut at the starts of
 * its entries, with the event loop free between them, and the slices' results joined in order equal one scan of the
 * whole text. Repeated keys are found by `linkBibtex`, which sees the whole file.
 */
export function scanBibtex(text: string, from = 0, to = text.length, options: ScanOptions = {}): RangeScan {
  return new BibtexScanner(text, options).scan(Math.max(0, from), Math.min(to, text.length));
}

export interface ScanOptions {
  /** Reads every entry's fields during the scan rather than when first asked for; the scan gives the same either way. */
  readFieldsNow?: boolean;
}

/** Where an item's type and opening delimiter are, for an "@" that starts one. */
interface ItemOpening {
  typeStart: number;
  typeEnd: number;
  open: number;
}

/** Marks an entry whose fields have been read. */
const NOT_READ = -1;
const NO_PROBLEMS: readonly Problem[] = [];

/**
 * An entry as the scan found it, its fields left in the reader's table. Fields are made when asked for and not kept: a
 * linked entry reads the few values it needs with `raw`, and a large file whose every entry was read would otherwise
 * hold an object and a substring for each of its fields.
 */
class ScannedEntry implements BibtexEntry {
  readonly #reader: BibtexReader;
  /** Where the fields start while they are still to be read; NOT_READ once they are. */
  #bodyStart: number;
  #firstField = 0;
  #fieldCount = 0;
  #syntaxProblems = NO_PROBLEMS;

  constructor(
    readonly type: string,
    readonly key: string,
    readonly keySpan: Span,
    readonly span: Span,
    reader: BibtexReader,
    bodyStart: number,
  ) {
    this.#reader = reader;
    this.#bodyStart = bodyStart;
  }

  get fields(): readonly BibtexField[] {
    this.#readFields();
    return this.#reader.table.fields(this.#firstField, this.#fieldCount);
  }

  raw(name: string): string | undefined {
    this.#readFields();
    return this.#reader.table.raw(this.#firstField, this.#fieldCount, name);
  }

  get mayInherit(): boolean {
    return this.#reader.mentionsParentField(this.span.start, this.span.end);
  }

  get syntaxProblems(): readonly Problem[] {
    this.#readFields();
    return this.#syntaxProblems;
  }

  /** Keeps where the fields the scan read are, and what was wrong in them. */
  fieldsWereRead(firstField: number, fieldCount: number, problems: readonly Problem[]): void {
    this.#bodyStart = NOT_READ;
    this.#firstField = firstField;
    this.#fieldCount = fieldCount;
    if (problems.length > 0) this.#syntaxProblems = problems;
  }

  #readFields(): void {
    if (this.#bodyStart === NOT_READ) return;
    const problems: Problem[] = [];
    const table = this.#reader.table;
    const body = this.#reader.readBodyInto(this.#bodyStart, CLOSE_BRACE, problems);
    this.fieldsWereRead(body.firstField, table.count - body.firstField, problems);
  }
}

class BibtexScanner extends BibtexReader {
  private readonly entries: BibtexEntry[] = [];
  private readonly strings: BibtexStringDefinition[] = [];
  private itemCount = 0;

  constructor(
    text: string,
    private readonly options: ScanOptions,
  ) {
    super(text);
  }

  scan(from: number, to: number): RangeScan {
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
    this.scanned = { from, to: Math.max(position, to) };
    return { entries: this.entries, strings: this.strings, problems: this.fileProblems, end: this.scanned.to };
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
    const keyEnd = this.keyEnd(keyStart, close);
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
    const keySpan = { start: keyStart, end: keyEnd };
    if (key !== '' && close === CLOSE_BRACE && !this.options.readFieldsNow) {
      const end = this.balancedEnd(bodyStart);
      if (end >= 0) {
        this.entries.push(new ScannedEntry(type, key, keySpan, { start: at, end }, this, bodyStart));
        return end;
      }
    }
    // A keyless entry is skipped, so what is wrong in its fields is the file's problem.
    const problems: Problem[] = key === '' ? this.fileProblems : [];
    const body = this.readBodyInto(bodyStart, close, problems);
    if (!body.closed) this.unclosed(header, body.end);
    if (key === '') {
      this.table.truncate(body.firstField);
      this.problem(header, 'bib-missing-key', 'This entry has no key, so it cannot be cited; it is skipped.');
      return body.end;
    }
    const entry = new ScannedEntry(type, key, keySpan, { start: at, end: body.end }, this, NOT_READ);
    entry.fieldsWereRead(body.firstField, this.table.count - body.firstField, problems);
    this.entries.push(entry);
    return body.end;
  }

  private unclosed(header: Span, end: number): number {
    this.problem(header, 'bib-unclosed-entry', 'This entry is not closed: a "}" or ")" is missing, so it ends where the next entry starts.');
    return end;
  }
}
