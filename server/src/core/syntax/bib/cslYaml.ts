// Reads a CSL-YAML bibliography as pandoc writes it: a `references:` list of items, or a bare list of items, with the
// position of every item and of its `id`. The yaml package keeps ranges on its nodes, counted in JavaScript string
// indices like every span of the core. A list written the usual way, one "- " line per item, is handed to the package
// one item at a time, so that a broken or pathological item costs only itself and a large file can be read in slices;
// anything else is read as a whole.
// Text that would make the package slow (deep nesting, very long flow collections) is refused first. Never throws.

import { Composer, isMap, isScalar, isSeq, Parser, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { Problem, Span } from '../../types';
import { splitLines, type Line } from '../../text/lines';
import { refusedYaml } from '../yamlGuard';
import { firstLineSpan, isRecord, type BibliographyParse, type KeyPolicy, type ReadItem } from './fromCsl';
import { ItemsReadInSlices } from './slicedItems';

/** Bounds the expansion of aliases, so that a few lines of anchors cannot expand into gigabytes. */
const MAX_ALIAS_COUNT = 100;
/** Unreadable parts tolerated in one text before the rest of it is not read either. */
const MAX_TOKEN_ERRORS = 16;
/** One item longer than this is not a bibliography item; a long abstract takes a few kilobytes. */
const MAX_ITEM_CHARS = 64 * 1024;

const ITEM_START = /^( *)-(?:[ \t]|$)/u;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/u;
const REFERENCES_KEY = /^references[ \t]*:[ \t]*(?:#.*)?$/u;
/** CSL requires an "id", so an item without one is a problem. */
const KEY_POLICY: KeyPolicy = { missingKeyIsProblem: true };
/** An anchor ("&name"): items that share anchors and aliases can only be read together. */
const ANCHOR = /(?:^|[\s,[{])&[^\s,[\]{}]/mu;

export function parseCslYaml(text: string, source: string): BibliographyParse {
  const reading = new CslYamlReading(text, source);
  while (!reading.readSlice(Infinity));
  return reading.result();
}

/**
 * Reads a CSL-YAML file a slice at a time when it is a list written one "- " line per item: each slice reads the items
 * that start within it. Any other file is read in one slice. Reading in one slice or in many gives the same result.
 */
export class CslYamlReading {
  private readonly problems: Problem[] = [];
  private readonly items: ItemsReadInSlices;
  /** Where each item of the list is, when they can be read one at a time. */
  private readonly listed: Span[] | undefined;
  private next = 0;
  private finished = false;

  constructor(
    private readonly text: string,
    source: string,
  ) {
    this.items = new ItemsReadInSlices(source, KEY_POLICY);
    this.listed = ANCHOR.test(text) ? undefined : listItems(text);
  }

  get done(): boolean {
    return this.finished;
  }

  /** How much of the text is read, from 0 to 1. */
  get fraction(): number {
    if (this.finished || this.text.length === 0) return 1;
    const next = this.listed?.[this.next];
    return next ? next.start / this.text.length : 0;
  }

  /** Reads the items that start within the next `length` characters; true once the whole file is read. */
  readSlice(length: number): boolean {
    if (this.finished) return true;
    const read: ReadItem[] = [];
    const listed = this.listed;
    if (listed) {
      const until = (listed[this.next]?.start ?? 0) + length;
      while (this.next < listed.length && listed[this.next].start < until) readListItem(this.text, listed[this.next++], read, this.problems);
      this.finished = this.next >= listed.length;
    } else {
      const refused = refusedYaml(this.text);
      if (refused) this.problems.push(refused);
      else readYaml(this.text, 0, this.text.length, read, this.problems);
      this.finished = true;
    }
    this.items.add(read);
    return this.finished;
  }

  /** The entries and problems read so far; once the whole file is read, its entries and problems. */
  result(): BibliographyParse {
    return { entries: this.finished ? this.items.all() : this.items.soFar(), problems: [...this.problems] };
  }
}

/**
 * Where the items of the list start and end, each from the start of its "- " line, when the file is one list written
 * one "- " line per item: bare, or under a `references:` key, in one document. Undefined for anything else.
 */
function listItems(text: string): Span[] | undefined {
  const lines = splitLines(text);
  let index = 0;
  const skipQuiet = () => {
    while (index < lines.length && isQuiet(lines[index], index)) index++;
  };
  skipQuiet();
  if (index < lines.length && REFERENCES_KEY.test(lines[index].text)) {
    index++;
    skipQuiet();
  }
  // Only blank lines, comments and markers: no items, as the yaml package would find.
  if (index >= lines.length) return [];
  const first = ITEM_START.exec(lines[index].text);
  if (!first) return undefined;
  const indent = first[1].length;
  const items: Span[] = [];
  // Each item runs from its "- " line to the end of its last line that is not blank or a comment.
  let start = lines[index].start;
  let end = lines[index].end;
  for (index++; index < lines.length; index++) {
    const line = lines[index];
    const item = ITEM_START.exec(line.text);
    if (item && item[1].length === indent) {
      items.push({ start, end });
      start = line.start;
      end = line.end;
    } else if (!isQuiet(line, index)) {
      if (indentation(line.text) <= indent) break;
      end = line.end;
    }
  }
  items.push({ start, end });
  // The list must end the document: what follows it (other keys, another document) is read as a whole.
  for (; index < lines.length; index++) if (!isQuiet(lines[index], index)) return undefined;
  return items;
}

/** Blank lines, comments and document markers, which belong to no item. */
function isQuiet(line: Line, index: number): boolean {
  const trimmed = (index === 0 ? line.text.replace(/^\ufeff/u, '') : line.text).trim();
  return trimmed === '' || trimmed.startsWith('#') || DOCUMENT_MARKER.test(line.text);
}

function indentation(line: string): number {
  let count = 0;
  while (line[count] === ' ') count++;
  return count;
}

/** Reads one item of the list on its own, unless it is too long or would make the yaml package slow. */
function readListItem(text: string, item: Span, readItems: ReadItem[], problems: Problem[]): void {
  const itemText = text.slice(item.start, item.end);
  const refused = refusedYaml(itemText, item.start);
  if (refused) {
    problems.push(refused);
    return;
  }
  if (itemText.length > MAX_ITEM_CHARS) {
    const firstLine = firstLineSpan(text, item);
    problems.push({
      span: firstLine,
      code: 'yaml-too-large',
      message: `This item is ${Math.round(itemText.length / 1024)} KB long, longer than any bibliography item, so it is not read.`,
    });
    return;
  }
  readYaml(text, item.start, item.end, readItems, problems);
}

/**
 * Reads the YAML between `start` and `end` of the text; every position found is one in the whole text. The package
 * parses in two stages: tokens, then documents. Building documents costs much more per error than per value, so text
 * whose tokens are mostly errors (a run of closing brackets) goes no further than the tokens.
 */
function readYaml(text: string, start: number, end: number, readItems: ReadItem[], problems: Problem[]): void {
  try {
    const tokens = Array.from(new Parser().parse(text.slice(start, end)));
    const errors = tokens.filter((token) => token.type === 'error');
    if (errors.length > MAX_TOKEN_ERRORS) {
      const at = start + (errors[0] as { offset: number }).offset;
      problems.push({ span: { start: at, end: Math.min(at + 1, text.length) }, code: 'yaml-syntax', message: `This is not YAML: ${errors.length} of its parts cannot be read, so none of it is.` });
      return;
    }
    const documents = new Composer({ prettyErrors: false, logLevel: 'error' }).compose(tokens) as Iterable<Document.Parsed>;
    for (const document of documents) readDocument(text, start, document, readItems, problems);
  } catch (error) {
    problems.push({ span: { start, end: Math.min(start + 1, text.length) }, code: 'yaml-syntax', message: `This cannot be read as YAML (${String(error)}).` });
  }
}

/** Reads a document parsed from the text starting at `base`. */
function readDocument(text: string, base: number, document: Document.Parsed, readItems: ReadItem[], problems: Problem[]): void {
  for (const error of document.errors) {
    // The yaml package places an error at the end of the text one character past it.
    const start = Math.min(base + error.pos[0], text.length);
    const end = Math.min(Math.max(base + error.pos[1], start), text.length);
    problems.push({ span: { start, end }, code: 'yaml-syntax', message: error.message });
  }
  const list = itemList(document.contents);
  if (list === undefined) {
    problems.push({
      span: rangeSpan(text, base, document.contents),
      code: 'yaml-not-a-list',
      message: 'A CSL-YAML bibliography is a `references:` list of items, or a list of items.',
    });
    return;
  }
  if (list === null) return;
  const values = plainValues(text, base, document, problems);
  if (values === undefined) return;
  const jsList = isRecord(values) ? values.references : values;
  list.items.forEach((node, index) => {
    const value = Array.isArray(jsList) ? jsList[index] : undefined;
    const span = rangeSpan(text, base, node as Node);
    if (!isMap(node) || !isRecord(value)) {
      problems.push({ span, code: 'yaml-not-an-item', message: 'Only mappings (key: value) can be items of a CSL-YAML list; this one is skipped.' });
      return;
    }
    readItems.push(readItem(text, base, node, value, span));
  });
}

/** The list of items; null for an empty document; undefined when the document is something else. */
function itemList(contents: Node | null): { items: unknown[] } | null | undefined {
  if (contents === null || (isScalar(contents) && contents.value === null)) return null;
  if (isSeq(contents)) return contents;
  if (!isMap(contents)) return undefined;
  const references = contents.get('references', true);
  if (references === undefined || references === null || (isScalar(references) && references.value === null)) {
    return contents.has('references') ? null : undefined;
  }
  return isSeq(references) ? references : undefined;
}

function plainValues(text: string, base: number, document: Document.Parsed, problems: Problem[]): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const span = { start: Math.min(base + document.range[0], text.length), end: Math.min(base + document.range[1], text.length) };
    problems.push({ span, code: 'yaml-syntax', message: `The values of this document cannot be read (${String(error)}).` });
    return undefined;
  }
}

function readItem(text: string, base: number, node: YAMLMap, value: Record<string, unknown>, span: Span): ReadItem {
  const item = { ...value };
  const idNode = node.get('id', true);
  const keySpan = isScalar(idNode) && idNode.range ? scalarSpan(base, idNode) : undefined;
  // A plain `id: 0123` or `id: 1e3` is a number to YAML, but the key is what is written.
  if (keySpan && typeof item.id !== 'string' && idNode?.type === Scalar.PLAIN) item.id = text.slice(keySpan.start, keySpan.end);
  return { item, span, keySpan, firstLine: firstLineSpan(text, span), problems: [] };
}

/** The scalar's text without its quotes. */
function scalarSpan(base: number, scalar: Scalar): Span {
  const [start, end] = scalar.range!;
  const quoted = scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE;
  return quoted && end - start >= 2 ? { start: base + start + 1, end: base + end - 1 } : { start: base + start, end: base + end };
}

/** A node's range without the line breaks and spaces that end it. */
function rangeSpan(text: string, base: number, node: Node | null): Span {
  const range = node?.range;
  if (!range) return { start: base, end: base };
  const start = Math.min(base + range[0], text.length);
  let end = Math.min(base + range[1], text.length);
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}
