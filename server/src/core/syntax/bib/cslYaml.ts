// Reads a CSL-YAML bibliography as pandoc writes it: a `references:` list of items, or a bare list of items, with the
// position of every item and of its `id`. The yaml package keeps ranges on its nodes, counted in JavaScript string
// indices like every span of the core. Never throws.

import { isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { Problem, Span } from '../../types';
import { splitLines } from '../../text/lines';
import { entriesFromItems, firstLineSpan, isRecord, type BibliographyParse, type ReadItem } from './fromCsl';

/**
 * A bibliography never nests deeper than a few levels. The yaml package slows down sharply with the depth of block
 * nesting (and can run out of memory beyond a few thousand levels), so deeper text is refused before it is parsed.
 */
const MAX_LEADING_STRUCTURE = 200;
const MAX_FLOW_DEPTH = 64;
/** Bounds the expansion of aliases, so that a few lines of anchors cannot expand into gigabytes. */
const MAX_ALIAS_COUNT = 100;

export function parseCslYaml(text: string, source: string): BibliographyParse {
  const problems: Problem[] = [];
  const tooDeep = tooDeepLine(text);
  if (tooDeep) {
    problems.push({ span: tooDeep, code: 'yaml-too-deep', message: 'This file nests far deeper than a bibliography does, so it is not read.' });
    return { entries: [], problems };
  }
  const readItems: ReadItem[] = [];
  try {
    for (const document of parseAllDocuments(text, { prettyErrors: false, logLevel: 'error' })) readDocument(text, document, readItems, problems);
  } catch (error) {
    problems.push({ span: { start: 0, end: Math.min(1, text.length) }, code: 'yaml-syntax', message: `This file cannot be read as YAML (${String(error)}).` });
  }
  return { entries: entriesFromItems(readItems, source, { missingKeyIsProblem: true }), problems };
}

function readDocument(text: string, document: Document.Parsed, readItems: ReadItem[], problems: Problem[]): void {
  for (const error of document.errors) {
    // The yaml package places an error at the end of the text one character past it.
    const start = Math.min(error.pos[0], text.length);
    const end = Math.min(Math.max(error.pos[1], start), text.length);
    problems.push({ span: { start, end }, code: 'yaml-syntax', message: error.message });
  }
  const list = itemList(document.contents);
  if (list === undefined) {
    problems.push({
      span: rangeSpan(text, document.contents),
      code: 'yaml-not-a-list',
      message: 'A CSL-YAML bibliography is a `references:` list of items, or a list of items.',
    });
    return;
  }
  if (list === null) return;
  const values = plainValues(text, document, problems);
  if (values === undefined) return;
  const jsList = isRecord(values) ? values.references : values;
  list.items.forEach((node, index) => {
    const value = Array.isArray(jsList) ? jsList[index] : undefined;
    const span = rangeSpan(text, node as Node);
    if (!isMap(node) || !isRecord(value)) {
      problems.push({ span, code: 'yaml-not-an-item', message: 'Only mappings (key: value) can be items of a CSL-YAML list; this one is skipped.' });
      return;
    }
    readItems.push(readItem(text, node, value, span));
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

function plainValues(text: string, document: Document.Parsed, problems: Problem[]): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const span = { start: Math.min(document.range[0], text.length), end: Math.min(document.range[1], text.length) };
    problems.push({ span, code: 'yaml-syntax', message: `The values of this document cannot be read (${String(error)}).` });
    return undefined;
  }
}

function readItem(text: string, node: YAMLMap, value: Record<string, unknown>, span: Span): ReadItem {
  const item = { ...value };
  const idNode = node.get('id', true);
  const keySpan = isScalar(idNode) && idNode.range ? scalarSpan(idNode) : undefined;
  // A plain `id: 0123` or `id: 1e3` is a number to YAML, but the key is what is written.
  if (keySpan && typeof item.id !== 'string' && idNode?.type === Scalar.PLAIN) item.id = text.slice(keySpan.start, keySpan.end);
  return { item, span, keySpan, firstLine: firstLineSpan(text, span), problems: [] };
}

/** The scalar's text without its quotes. */
function scalarSpan(scalar: Scalar): Span {
  const [start, end] = scalar.range!;
  const quoted = scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE;
  return quoted && end - start >= 2 ? { start: start + 1, end: end - 1 } : { start, end };
}

/** A node's range without the line breaks and spaces that end it. */
function rangeSpan(text: string, node: Node | null): Span {
  const range = node?.range;
  if (!range) return { start: 0, end: 0 };
  let end = range[1];
  while (end > range[0] && /\s/u.test(text[end - 1])) end--;
  return { start: range[0], end };
}

/** The first line that nests too deeply for a bibliography, by leading "- " markers and indentation or by open brackets. */
function tooDeepLine(text: string): Span | undefined {
  let flowDepth = 0;
  for (const line of splitLines(text)) {
    let leading = 0;
    while (leading < line.text.length && ' \t-?:'.includes(line.text[leading])) leading++;
    for (let i = leading; i < line.text.length; i++) {
      const char = line.text[i];
      if (char === '[' || char === '{') flowDepth++;
      else if ((char === ']' || char === '}') && flowDepth > 0) flowDepth--;
    }
    if (leading > MAX_LEADING_STRUCTURE || flowDepth > MAX_FLOW_DEPTH) return { start: line.start, end: line.end };
  }
  return undefined;
}
