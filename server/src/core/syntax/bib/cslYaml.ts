// Reads a CSL-YAML bibliography as pandoc writes it: a `references:` list of items, or a bare list of items, with the
// position of every item and of its `id`. The yaml package keeps ranges on its nodes, counted in JavaScript string
// indices like every span of the core. A list written the usual way, one "- " line per item, is handed to the package
// one item at a time, so that a broken or pathological item costs only itself; anything else is read as a whole.
// Text that would make the package slow (deep nesting, very long flow collections) is refused first. Never throws.

import { isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { Problem, Span } from '../../types';
import { splitLines, type Line } from '../../text/lines';
import { refusedYaml } from '../yamlGuard';
import { entriesFromItems, firstLineSpan, isRecord, type BibliographyParse, type ReadItem } from './fromCsl';

/** Bounds the expansion of aliases, so that a few lines of anchors cannot expand into gigabytes. */
const MAX_ALIAS_COUNT = 100;
/** One item longer than this is not a bibliography item; a long abstract takes a few kilobytes. */
const MAX_ITEM_CHARS = 64 * 1024;

const ITEM_START = /^( *)-(?:[ \t]|$)/u;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/u;
const REFERENCES_KEY = /^references[ \t]*:[ \t]*(?:#.*)?$/u;
/** An anchor ("&name"): items that share anchors and aliases can only be read together. */
const ANCHOR = /(?:^|[\s,[{])&[^\s,[\]{}]/mu;

export function parseCslYaml(text: string, source: string): BibliographyParse {
  const problems: Problem[] = [];
  const readItems: ReadItem[] = [];
  const items = ANCHOR.test(text) ? undefined : listItems(text);
  if (items) {
    for (const item of items) readListItem(text, item, readItems, problems);
  } else {
    const refused = refusedYaml(text);
    if (refused) return { entries: [], problems: [refused] };
    readYaml(text, 0, text.length, readItems, problems);
  }
  return { entries: entriesFromItems(readItems, source, { missingKeyIsProblem: true }), problems };
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
  const first = index < lines.length ? ITEM_START.exec(lines[index].text) : null;
  if (!first) return undefined;
  const indent = first[1].length;
  const items: Span[] = [];
  let start = lines[index].start;
  for (index++; index < lines.length; index++) {
    const line = lines[index];
    const item = ITEM_START.exec(line.text);
    if (item && item[1].length === indent) {
      items.push({ start, end: line.start });
      start = line.start;
    } else if (!isQuiet(line, index) && indentation(line.text) <= indent) {
      break;
    }
  }
  items.push({ start, end: index < lines.length ? lines[index].start : text.length });
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

/** Reads the YAML between `start` and `end` of the text; every position found is one in the whole text. */
function readYaml(text: string, start: number, end: number, readItems: ReadItem[], problems: Problem[]): void {
  try {
    const documents = parseAllDocuments(text.slice(start, end), { prettyErrors: false, logLevel: 'error' });
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
