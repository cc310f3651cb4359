// Reads a CSL-JSON bibliography (the list of items Zotero, Better BibTeX and pandoc write) with the position of every
// item and of its "id". JSON.parse keeps no positions, so a small scanner first finds where each item of the list
// begins and ends (strings and brackets only); JSON.parse then reads the values. A broken item costs only itself:
// the scan resumes at the next item. A large file can be read a slice of its items at a time (CslJsonReading). Linear in
// the text and never throws.

import type { Problem, Span } from '../../types';
import { firstLineSpan, isRecord, type BibliographyParse, type KeyPolicy, type ReadItem } from './fromCsl';
import { ItemsReadInSlices } from './slicedItems';

/** Where a scan of one value stopped: its end and how deeply it nests, or what was wrong and where. */
type Scan = { end: number; depth: number } | { error: ScanError };

interface ScanError {
  at: number;
  message: string;
  /** Where the next item starts, when the scan stopped because a new item began inside an unclosed one. */
  resumeAt?: number;
}

interface Member {
  key: string;
  valueStart: number;
  valueEnd: number;
}

/** One element of the list: where it is, where its "id" is written when it is an object with one, and its depth. */
interface Element {
  span: Span;
  idSpan?: Span;
  depth: number;
}

/**
 * After a broken item, items that start a line at or left of this column start a new item even inside an unclosed
 * one. Only used once the file is known to be broken: valid JSON may indent nested objects any way it likes.
 */
interface ItemGuard {
  column: number;
}

const WRAPPER_KEYS = new Set(['items', 'references']);

/** CSL requires an "id", so an item without one is a problem. */
const KEY_POLICY: KeyPolicy = { missingKeyIsProblem: true };

const UNCLOSED_ITEM = 'This item is not closed: the next item begins before its closing "}".';

/**
 * A CSL item nests four levels deep (item, "issued", "date-parts", parts). Much deeper items are skipped, so that no
 * later recursive walk over an entry's CSL (JSON.stringify, a citation processor) can overflow the stack.
 */
const MAX_ITEM_DEPTH = 32;

/** Runs of characters the bracket scanner can skip: not a quote, bracket, brace or line break. */
const PLAIN_RUN = /[^"{}[\]\n]+/y;
/** Runs of characters inside a string that need no attention. */
const STRING_RUN = /[^"\\\u0000-\u001f]+/y;
/** A scalar (number, true, false, null, or a bare word that JSON.parse will reject). */
const SCALAR_RUN = /[^\s,:[\]{}"]+/y;

export function parseCslJson(text: string, source: string): BibliographyParse {
  const reading = new CslJsonReading(text, source);
  while (!reading.readSlice(Infinity));
  return reading.result();
}

/** Where the reading of a list of items stands. */
interface ListReading {
  /** Where the next item (or the closing "]") is looked for. */
  pos: number;
  /** An item was broken: items that start a line are now taken as new items even inside an unclosed one. */
  broken: boolean;
  /** The list is the value of an "items" or "references" member, so text after it is not reported. */
  wrapped: boolean;
}

/**
 * Reads a CSL-JSON file a slice at a time, so that a very large file can be read between other work: each slice
 * reads the items of the list that start within it. Reading in one slice or in many gives the same entries and
 * problems.
 */
export class CslJsonReading {
  private readonly problems: Problem[] = [];
  private readonly items: ItemsReadInSlices;
  private list: ListReading | undefined;
  private finished = false;

  constructor(
    private readonly text: string,
    source: string,
  ) {
    this.items = new ItemsReadInSlices(source, KEY_POLICY);
    const start = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    if (start < text.length) this.readTopLevel(start);
    this.finished = this.list === undefined;
  }

  get done(): boolean {
    return this.finished;
  }

  /** How much of the text is read, from 0 to 1. */
  get fraction(): number {
    if (this.finished || this.text.length === 0) return 1;
    return (this.list?.pos ?? 0) / this.text.length;
  }

  /** Reads the items that start within the next `length` characters; true once the whole file is read. */
  readSlice(length: number): boolean {
    const list = this.list;
    if (this.finished || !list) return true;
    const elements: Element[] = [];
    const problemsBefore = this.problems.length;
    const closed = this.scanList(list, list.pos + length, elements);
    this.readElements(elements, this.problems.length === problemsBefore);
    if (closed !== undefined) {
      if (!list.wrapped) reportTrailingText(this.text, closed, this.problems);
      this.finished = true;
      this.list = undefined;
    }
    return this.finished;
  }

  /** The entries read so far, and the problems found so far; once the whole file is read, its entries and problems. */
  result(): BibliographyParse {
    const problems = [...this.problems].sort((a, b) => a.span.start - b.span.start);
    return { entries: this.finished ? this.items.all() : this.items.soFar(), problems };
  }

  /** A list of items, an object wrapping one under "items" or "references", or a single item on its own. */
  private readTopLevel(start: number): void {
    const text = this.text;
    const first = text[start];
    if (first !== '[' && first !== '{') {
      this.problems.push(syntaxProblem(text, start, 'A CSL-JSON file holds a list of items written between "[" and "]".'));
      return;
    }
    const wrapped = first === '{' ? objectMembers(text, start, undefined).members.find((m) => WRAPPER_KEYS.has(m.key) && text[m.valueStart] === '[') : undefined;
    const listStart = first === '[' ? start : wrapped?.valueStart;
    if (listStart !== undefined) {
      this.list = { pos: listStart + 1, broken: false, wrapped: !!wrapped };
      return;
    }
    const scan = scanElement(text, start, undefined);
    if ('error' in scan) {
      this.problems.push(syntaxProblem(text, scan.error.at, scan.error.message));
      return;
    }
    this.readElements([scan], false);
    reportTrailingText(text, scan.end, this.problems);
  }

  /**
   * Finds the elements of the list that start before `until`, recovering after broken ones; gives the position just
   * after the list when it ended (with its "]" or with the text).
   */
  private scanList(list: ListReading, until: number, elements: Element[]): number | undefined {
    const { text, problems } = this;
    for (;;) {
      const pos = skipSpace(text, list.pos);
      list.pos = pos;
      if (pos >= text.length) {
        problems.push(syntaxProblem(text, text.length, 'The list of items is not closed with "]".'));
        return pos;
      }
      const char = text[pos];
      if (char === ']') return pos + 1;
      if (pos >= until) return undefined;
      if (char === ',') {
        problems.push(syntaxProblem(text, pos, 'A comma without an item before it.'));
        list.pos = pos + 1;
        continue;
      }
      const scan = scanElement(text, pos, list.broken ? guardFor(text, pos) : undefined);
      if ('error' in scan) {
        list.broken = true;
        const resume = scan.error.resumeAt ?? nextItemStart(text, pos, scan.error.at);
        // An item that swallowed the ones after it broke far from where its brace is missing: point at the item instead.
        const swallowed = resume >= 0 && (scan.error.resumeAt !== undefined || resume < scan.error.at);
        problems.push(swallowed ? syntaxProblem(text, pos, UNCLOSED_ITEM) : syntaxProblem(text, scan.error.at, scan.error.message));
        if (resume < 0) return text.length;
        list.pos = resume;
        continue;
      }
      elements.push(scan);
      list.pos = skipSpace(text, scan.span.end);
      if (text[list.pos] === ',') list.pos++;
      else if (list.pos < text.length && text[list.pos] !== ']') problems.push(syntaxProblem(text, list.pos, 'A comma is missing between two items.'));
    }
  }

  /**
   * Turns elements into items. The elements of a clean slice are parsed in one call, which is much faster than one call
   * per item; otherwise (or when that call fails after all) each element is parsed alone so that one bad item costs only
   * itself.
   */
  private readElements(elements: Element[], clean: boolean): void {
    const { text, problems } = this;
    if (elements.length === 0) return;
    const whole = clean ? parseOrUndefined(`[${text.slice(elements[0].span.start, elements[elements.length - 1].span.end)}]`) : undefined;
    const values = Array.isArray(whole) && whole.length === elements.length ? whole : undefined;
    const read: ReadItem[] = [];
    elements.forEach((element, index) => {
      if (element.depth > MAX_ITEM_DEPTH) {
        problems.push({ span: element.span, code: 'json-too-deep', message: `This value nests more than ${MAX_ITEM_DEPTH} levels deep, which no CSL item does; it is skipped.` });
        return;
      }
      const value = values ? values[index] : parseElement(text, element.span, problems);
      if (value === undefined) return;
      if (!isRecord(value)) {
        problems.push({ span: element.span, code: 'json-not-an-item', message: 'Only objects can be items of a CSL-JSON list; this one is skipped.' });
        return;
      }
      read.push({ item: value, span: element.span, keySpan: element.idSpan, firstLine: firstLineSpan(text, element.span), problems: [] });
    });
    this.items.add(read);
  }
}

/** Finds where one element ends; for an object, also where its "id" is written. */
function scanElement(text: string, pos: number, guard: ItemGuard | undefined): (Element & { end: number }) | { error: ScanError } {
  if (text[pos] === '{') {
    const object = objectMembers(text, pos, guard);
    if (object.error) return { error: object.error };
    if (object.end !== undefined) {
      return { span: { start: pos, end: object.end }, end: object.end, depth: object.depth, idSpan: idSpan(text, object.members) };
    }
    // The members do not read as JSON; the brackets still tell where the item ends, and JSON.parse will say what is wrong.
  }
  const scan = skipValue(text, pos, guard);
  return 'error' in scan ? scan : { span: { start: pos, end: scan.end }, end: scan.end, depth: scan.depth };
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** The element's value, or undefined with a problem where JSON.parse stopped. */
function parseElement(text: string, span: Span, problems: Problem[]): unknown {
  try {
    return JSON.parse(text.slice(span.start, span.end));
  } catch (error) {
    problems.push(parseErrorProblem(text, span, error));
    return undefined;
  }
}

/** Where the value of the item's "id" is written, without its quotes; the last "id" wins, as in JSON.parse. */
function idSpan(text: string, members: Member[]): Span | undefined {
  let id: Member | undefined;
  for (const member of members) if (member.key === 'id') id = member;
  if (!id) return undefined;
  const quoted = text[id.valueStart] === '"';
  return quoted ? { start: id.valueStart + 1, end: id.valueEnd - 1 } : { start: id.valueStart, end: id.valueEnd };
}

/**
 * The members of the object opening at `open`, and just after its closing "}" when every member read as JSON.
 * A scan error means the brackets or strings themselves are broken.
 */
function objectMembers(text: string, open: number, guard: ItemGuard | undefined): { members: Member[]; end?: number; depth: number; error?: ScanError } {
  const members: Member[] = [];
  let depth = 1;
  let pos = skipSpace(text, open + 1);
  if (text[pos] === '}') return { members, end: pos + 1, depth };
  while (text[pos] === '"') {
    const keyScan = skipString(text, pos);
    if ('error' in keyScan) return { members, depth, error: keyScan.error };
    const colon = skipSpace(text, keyScan.end);
    if (text[colon] !== ':') break;
    const valueStart = skipSpace(text, colon + 1);
    const valueScan = skipValue(text, valueStart, guard);
    if ('error' in valueScan) return { members, depth, error: valueScan.error };
    depth = Math.max(depth, valueScan.depth + 1);
    members.push({ key: keyText(text, pos, keyScan.end), valueStart, valueEnd: valueScan.end });
    pos = skipSpace(text, valueScan.end);
    if (text[pos] === '}') return { members, end: pos + 1, depth };
    if (text[pos] !== ',') break;
    pos = skipSpace(text, pos + 1);
  }
  return { members, depth };
}

/** The text of a quoted key; only keys with escapes need JSON.parse. */
function keyText(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  if (!inner.includes('\\')) return inner;
  const decoded = parseOrUndefined(text.slice(start, end));
  return typeof decoded === 'string' ? decoded : inner;
}

// ---- The scanner: strings and brackets, nothing else ----

function skipValue(text: string, pos: number, guard: ItemGuard | undefined): Scan {
  const char = text[pos];
  if (char === '"') return skipString(text, pos);
  if (char === '{' || char === '[') return skipNested(text, pos, guard);
  SCALAR_RUN.lastIndex = pos;
  if (SCALAR_RUN.test(text)) return { end: SCALAR_RUN.lastIndex, depth: 0 };
  const message = pos >= text.length ? 'The text ends where a value was expected.' : `Unexpected "${char}" where a value was expected.`;
  return { error: { at: pos, message } };
}

function skipString(text: string, open: number): Scan {
  let pos = open + 1;
  for (;;) {
    STRING_RUN.lastIndex = pos;
    if (STRING_RUN.test(text)) pos = STRING_RUN.lastIndex;
    if (pos >= text.length) return { error: { at: open, message: 'This string is not closed with a quote.' } };
    const code = text.charCodeAt(pos);
    if (code === 0x22) return { end: pos + 1, depth: 0 };
    if (code === 0x5c) {
      pos += 2;
      continue;
    }
    return { error: { at: pos, message: 'A line break or control character inside a string: is a closing quote missing?' } };
  }
}

/** Skips an object or array by matching its brackets; the guard cuts it short where a new item starts a line. */
function skipNested(text: string, open: number, guard: ItemGuard | undefined): Scan {
  const closers: string[] = [text[open] === '{' ? '}' : ']'];
  let depth = 1;
  let pos = open + 1;
  while (closers.length > 0) {
    PLAIN_RUN.lastIndex = pos;
    if (PLAIN_RUN.test(text)) pos = PLAIN_RUN.lastIndex;
    if (pos >= text.length) return { error: { at: text.length, message: `The text ends before this item is closed with "${closers[0]}".` } };
    const char = text[pos];
    if (char === '"') {
      const scan = skipString(text, pos);
      if ('error' in scan) return scan;
      pos = scan.end;
    } else if (char === '{' || char === '[') {
      closers.push(char === '{' ? '}' : ']');
      depth = Math.max(depth, closers.length);
      pos++;
    } else if (char === '}' || char === ']') {
      const expected = closers.pop();
      if (char !== expected) return { error: { at: pos, message: `Expected "${expected}" here, found "${char}".` } };
      pos++;
    } else {
      pos++;
      const nextItem = guard ? lineStartBrace(text, pos, guard.column) : -1;
      if (nextItem >= 0) return { error: { at: nextItem, message: UNCLOSED_ITEM, resumeAt: nextItem } };
    }
  }
  return { end: pos, depth };
}

// ---- Recovering after a broken item ----

/** Items that begin their own line can be found again after a break; items sharing a line with others cannot. */
function guardFor(text: string, itemStart: number): ItemGuard | undefined {
  const column = columnIfFirstOnLine(text, itemStart);
  return column === undefined ? undefined : { column };
}

/**
 * Where to resume after the item starting at `itemStart` broke at `errorAt`: the next "{" that starts a line at the
 * item's indentation (it may come before `errorAt` when a missing brace made the item swallow the ones after it),
 * else the next "{" after "}," past the error.
 */
function nextItemStart(text: string, itemStart: number, errorAt: number): number {
  const column = columnIfFirstOnLine(text, itemStart);
  if (column !== undefined) {
    for (let newline = text.indexOf('\n', itemStart); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
      const start = lineStartBrace(text, newline + 1, column);
      if (start >= 0) return start;
    }
    return -1;
  }
  const after = /\}\s*,\s*\{/gu;
  after.lastIndex = Math.max(errorAt, itemStart + 1);
  const match = after.exec(text);
  return match ? match.index + match[0].length - 1 : -1;
}

/** The position of a "{" that starts the line beginning at `lineStart` within `column` columns, else -1. */
function lineStartBrace(text: string, lineStart: number, column: number): number {
  let pos = lineStart;
  while (pos < text.length && pos - lineStart <= column && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return text[pos] === '{' && pos - lineStart <= column ? pos : -1;
}

function columnIfFirstOnLine(text: string, pos: number): number | undefined {
  let lineStart = pos;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  const atLineStart = lineStart === 0 || text[lineStart - 1] === '\n' || (lineStart === 1 && text.charCodeAt(0) === 0xfeff);
  return atLineStart ? pos - lineStart : undefined;
}

// ---- Problems ----

function reportTrailingText(text: string, end: number, problems: Problem[]): void {
  const rest = skipSpace(text, end);
  if (rest < text.length) problems.push(syntaxProblem(text, rest, 'Text after the end of the list is ignored.'));
}

/** JSON.parse says where it stopped as "at position N" within the item; the problem points there in the file. */
function parseErrorProblem(text: string, span: Span, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/u.exec(message);
  const at = position ? span.start + Number(position[1]) : span.end;
  const reason = message.replace(/\s*in JSON at position.*$/su, '').replace(/[.\s]*$/u, '');
  return syntaxProblem(text, Math.min(at, span.end), `This item is not valid JSON (${reason}); it is skipped.`);
}

function syntaxProblem(text: string, at: number, message: string): Problem {
  return { span: { start: at, end: Math.min(at + 1, text.length) }, code: 'json-syntax', message };
}

function skipSpace(text: string, pos: number): number {
  let next = pos;
  while (next < text.length) {
    const code = text.charCodeAt(next);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
    next++;
  }
  return next;
}
