// Reads a CSL-JSON bibliography (the list of items Zotero, Better BibTeX and pandoc write) with the position of every
// item and of its "id". JSON.parse keeps no positions, so a small scanner first finds where each item of the list
// begins and ends (strings and brackets only), then JSON.parse reads each item's own text. A broken item costs
// only itself: the scan resumes at the next item. Linear in the text and never throws.

import type { Problem, Span } from '../../types';
import { entriesFromItems, firstLineSpan, isRecord, type BibliographyParse, type ReadItem } from './fromCsl';

/** Where a scan of one value stopped: its end, or what was wrong and where. */
type Scan = { end: number } | { error: ScanError };

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

/**
 * After a broken item, items that start a line at or left of this column start a new item even inside an unclosed
 * one. Only used once the file is known to be broken: valid JSON may indent nested objects any way it likes.
 */
interface ItemGuard {
  column: number;
}

const WRAPPER_KEYS = new Set(['items', 'references']);

/** Runs of characters the bracket scanner can skip: not a quote, bracket, brace or line break. */
const PLAIN_RUN = /[^"{}[\]\n]+/y;
/** Runs of characters inside a string that need no attention. */
const STRING_RUN = /[^"\\\u0000-\u001f]+/y;
/** A scalar (number, true, false, null, or a bare word that JSON.parse will reject). */
const SCALAR_RUN = /[^\s,:[\]{}"]+/y;

export function parseCslJson(text: string, source: string): BibliographyParse {
  const problems: Problem[] = [];
  const readItems: ReadItem[] = [];
  const start = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start < text.length) readTopLevel(text, start, readItems, problems);
  return { entries: entriesFromItems(readItems, source, { missingKeyIsProblem: true }), problems };
}

/** A list of items, an object wrapping one under "items" or "references", or a single item on its own. */
function readTopLevel(text: string, start: number, readItems: ReadItem[], problems: Problem[]): void {
  const first = text[start];
  if (first === '[') {
    const end = readList(text, start, readItems, problems);
    reportTrailingText(text, end, problems);
    return;
  }
  if (first !== '{') {
    problems.push(syntaxProblem(text, start, 'A CSL-JSON file holds a list of items written between "[" and "]".'));
    return;
  }
  const wrapped = objectMembers(text, start).find((m) => WRAPPER_KEYS.has(m.key) && text[m.valueStart] === '[');
  if (wrapped) {
    readList(text, wrapped.valueStart, readItems, problems);
    return;
  }
  const scan = skipValue(text, start, undefined);
  if ('error' in scan) {
    problems.push(syntaxProblem(text, scan.error.at, scan.error.message));
    return;
  }
  readElement(text, { start, end: scan.end }, readItems, problems);
  reportTrailingText(text, scan.end, problems);
}

/** Reads the elements of the list opening at `open`; returns where the list ends. */
function readList(text: string, open: number, readItems: ReadItem[], problems: Problem[]): number {
  let broken = false;
  let pos = open + 1;
  for (;;) {
    pos = skipSpace(text, pos);
    if (pos >= text.length) {
      problems.push(syntaxProblem(text, text.length, 'The list of items is not closed with "]".'));
      return pos;
    }
    const char = text[pos];
    if (char === ']') return pos + 1;
    if (char === ',') {
      problems.push(syntaxProblem(text, pos, 'A comma without an item before it.'));
      pos++;
      continue;
    }
    const guard = broken ? guardFor(text, pos) : undefined;
    const scan = skipValue(text, pos, guard);
    if ('error' in scan) {
      problems.push(syntaxProblem(text, scan.error.at, scan.error.message));
      broken = true;
      const resume = scan.error.resumeAt ?? nextItemStart(text, pos, scan.error.at);
      if (resume < 0) return text.length;
      pos = resume;
      continue;
    }
    readElement(text, { start: pos, end: scan.end }, readItems, problems);
    pos = skipSpace(text, scan.end);
    if (text[pos] === ',') pos++;
    else if (pos < text.length && text[pos] !== ']') problems.push(syntaxProblem(text, pos, 'A comma is missing between two items.'));
  }
}

/** Reads one element of the list: an item, or a problem when it is not valid JSON or not an object. */
function readElement(text: string, span: Span, readItems: ReadItem[], problems: Problem[]): void {
  let value: unknown;
  try {
    value = JSON.parse(text.slice(span.start, span.end));
  } catch (error) {
    problems.push(parseErrorProblem(text, span, error));
    return;
  }
  if (!isRecord(value)) {
    problems.push({ span, code: 'json-not-an-item', message: 'Only objects can be items of a CSL-JSON list; this one is skipped.' });
    return;
  }
  readItems.push({ item: value, span, keySpan: idSpan(text, span.start), firstLine: firstLineSpan(text, span), problems: [] });
}

/** Where the value of the item's "id" is written, without its quotes; the last "id" wins, as in JSON.parse. */
function idSpan(text: string, objectStart: number): Span | undefined {
  const ids = objectMembers(text, objectStart).filter((m) => m.key === 'id');
  const id = ids[ids.length - 1];
  if (!id) return undefined;
  const quoted = text[id.valueStart] === '"';
  return quoted ? { start: id.valueStart + 1, end: id.valueEnd - 1 } : { start: id.valueStart, end: id.valueEnd };
}

/** The members of the object opening at `open`, as far as they can be read. */
function objectMembers(text: string, open: number): Member[] {
  const members: Member[] = [];
  let pos = skipSpace(text, open + 1);
  while (text[pos] === '"') {
    const keyScan = skipString(text, pos);
    if ('error' in keyScan) break;
    const colon = skipSpace(text, keyScan.end);
    if (text[colon] !== ':') break;
    const valueStart = skipSpace(text, colon + 1);
    const valueScan = skipValue(text, valueStart, undefined);
    if ('error' in valueScan) break;
    members.push({ key: stringValue(text.slice(pos, keyScan.end)), valueStart, valueEnd: valueScan.end });
    pos = skipSpace(text, valueScan.end);
    if (text[pos] !== ',') break;
    pos = skipSpace(text, pos + 1);
  }
  return members;
}

function stringValue(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}

// ---- The scanner: strings and brackets, nothing else ----

function skipValue(text: string, pos: number, guard: ItemGuard | undefined): Scan {
  const char = text[pos];
  if (char === '"') return skipString(text, pos);
  if (char === '{' || char === '[') return skipNested(text, pos, guard);
  SCALAR_RUN.lastIndex = pos;
  if (SCALAR_RUN.test(text)) return { end: SCALAR_RUN.lastIndex };
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
    if (code === 0x22) return { end: pos + 1 };
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
      pos++;
    } else if (char === '}' || char === ']') {
      const expected = closers.pop();
      if (char !== expected) return { error: { at: pos, message: `Expected "${expected}" here, found "${char}".` } };
      pos++;
    } else {
      pos++;
      const nextItem = guard ? lineStartBrace(text, pos, guard.column) : -1;
      if (nextItem >= 0) return { error: { at: nextItem, message: 'The item before this one is not closed.', resumeAt: nextItem } };
    }
  }
  return { end: pos };
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
