// Finds the bibliography files a document names: `bibliography:` in pandoc/Quarto YAML front matter, LaTeX
// `\bibliography{a,b}` and biblatex `\addbibresource{x.bib}`, Typst `#bibliography("refs.bib")`. Each path comes with
// the span of its text as written. Commented-out lines are skipped.

import type { BibliographyReference, Span } from '../types';
import type { Line } from '../text/lines';
import { maskNonProse } from './mask';
import { findFrontMatter } from './frontMatter';
import { maskTypstNonProse, type KeyedLanguage } from './keyedCitations';

export function findBibliographyReferences(text: string, language: KeyedLanguage): BibliographyReference[] {
  switch (language) {
    case 'markdown':
      return frontMatterBibliographies(text);
    case 'latex':
      return latexBibliographies(text);
    case 'typst':
      return typstBibliographies(text);
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// YAML front matter, read line by line: a scalar ("refs.bib", quoted or not), a flow list ("[a.bib, 'b.bib']", which
// may wrap) or a block list ("- a.bib" lines below the key). Anchors, tags, block scalars ("|") and `bibliography:`
// in metadata blocks further down the document are not read.

const BIBLIOGRAPHY_KEY = /^(\s*)bibliography\s*:/;

function frontMatterBibliographies(text: string): BibliographyReference[] {
  const frontMatter = findFrontMatter(text);
  const lines = frontMatter?.format === 'yaml' ? frontMatter.lines : [];
  const references: BibliographyReference[] = [];
  const frontMatterEnd = lines.length > 0 ? lines[lines.length - 1].end : 0;
  for (let i = 0; i < lines.length; i++) {
    const key = BIBLIOGRAPHY_KEY.exec(lines[i].text);
    if (!key) continue;
    const valueStart = skipInlineSpace(text, lines[i].start + key[0].length);
    const value = text[valueStart];
    if (value === '[') references.push(...flowList(text, valueStart, frontMatterEnd));
    else if (valueStart >= lines[i].end || value === '#') references.push(...blockList(text, lines, i, key[1].length));
    else references.push(...scalarReference(text, valueStart, lines[i].end));
  }
  return references;
}

function skipInlineSpace(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** The path of a scalar value that ends the line, as a list of none or one. */
function scalarReference(text: string, start: number, end: number): BibliographyReference[] {
  const scalar = yamlScalar(text, start, end, false);
  return scalar ? [scalar.reference] : [];
}

/** A quoted or plain YAML scalar starting at `start`, and where reading goes on after it. A plain scalar ends at " #"
 * (a comment), and inside a flow list also at "," or "]". */
function yamlScalar(text: string, start: number, end: number, inFlow: boolean): { reference: BibliographyReference; next: number } | undefined {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const close = boundedIndexOf(text, quote, start + 1, end - start - 1);
    if (close <= start + 1) return undefined;
    return { reference: { path: text.slice(start + 1, close), span: { start: start + 1, end: close } }, next: close + 1 };
  }
  let stop = start;
  while (stop < end && text[stop] !== '\n' && !(inFlow && (text[stop] === ',' || text[stop] === ']'))) {
    if (text[stop] === '#' && /\s/.test(text[stop - 1])) break;
    stop++;
  }
  const span = trimmed(text, start, stop);
  if (span.start === span.end) return undefined;
  return { reference: { path: text.slice(span.start, span.end), span }, next: stop };
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** "[a.bib, "b.bib"]", possibly over several lines, up to the end of the front matter. */
function flowList(text: string, open: number, end: number): BibliographyReference[] {
  const references: BibliographyReference[] = [];
  let i = open + 1;
  while (i < end) {
    while (i < end && /\s/.test(text[i])) i++;
    if (text[i] === ']') break;
    const item = yamlScalar(text, i, end, true);
    if (item) references.push(item.reference);
    i = item ? item.next : i;
    while (i < end && /\s/.test(text[i])) i++;
    if (text[i] !== ',') break;
    i++;
  }
  return references;
}

/** "- a.bib" lines after the key (at its indentation or deeper), skipping blank and comment lines. */
function blockList(text: string, lines: Line[], keyLine: number, keyIndent: number): BibliographyReference[] {
  const references: BibliographyReference[] = [];
  for (let i = keyLine + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#|$)/.test(line.text)) continue;
    const item = /^(\s*)-\s+/.exec(line.text);
    if (!item || item[1].length < keyIndent) break;
    references.push(...scalarReference(text, line.start + item[0].length, line.end));
  }
  return references;
}

// ---------------------------------------------------------------------------------------------------------------
// LaTeX

const LATEX_RESOURCE_COMMAND = /\\(bibliography|addbibresource|addglobalbib|addsectionbib)(?![A-Za-z])/g;
const LATEX_ARGUMENT_LIMIT = 4000;

/**
 * `\bibliography{a,b}` names BibTeX databases, and BibTeX appends ".bib": a name without an extension is returned with
 * ".bib" appended (the span still covers the name as written). `\addbibresource[options]{x.bib}` and its siblings name
 * one resource each, given with its extension. The masked text tells which commands are commented out; the arguments
 * are read from the text itself, since masking also blanks URLs (a remote resource is a URL).
 */
function latexBibliographies(text: string): BibliographyReference[] {
  const masked = maskNonProse(text, 'latex');
  const references: BibliographyReference[] = [];
  LATEX_RESOURCE_COMMAND.lastIndex = 0;
  for (let m = LATEX_RESOURCE_COMMAND.exec(masked); m; m = LATEX_RESOURCE_COMMAND.exec(masked)) {
    const argument = latexArgument(text, LATEX_RESOURCE_COMMAND.lastIndex);
    if (!argument) continue;
    const isBibtex = m[1] === 'bibliography';
    for (const span of commaSeparated(text, argument, isBibtex)) {
      const written = text.slice(span.start, span.end);
      references.push({ path: isBibtex && !hasExtension(written) ? `${written}.bib` : written, span });
    }
    LATEX_RESOURCE_COMMAND.lastIndex = argument.end;
  }
  return references;
}

function hasExtension(path: string): boolean {
  return /\.[^./\\]+$/.test(path);
}

/** The span inside the braces of the mandatory argument, after an optional "[...]"; comments may sit inside. */
function latexArgument(text: string, from: number): Span | undefined {
  let i = skipSpace(text, from);
  if (text[i] === '[') {
    const close = boundedIndexOf(text, ']', i, LATEX_ARGUMENT_LIMIT);
    if (close < 0) return undefined;
    i = skipSpace(text, close + 1);
  }
  if (text[i] !== '{') return undefined;
  let depth = 0;
  for (let j = i + 1; j < text.length && j - i < LATEX_ARGUMENT_LIMIT; j++) {
    const c = text[j];
    if (c === '%' && text[j - 1] !== '\\') j = lineEnd(text, j);
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return { start: i + 1, end: j };
      depth--;
    }
  }
  return undefined;
}

/** Where `wanted` next occurs within `limit` characters of `from`, or -1; bounded so that many unclosed brackets do not
 * each search to the end of the text. */
function boundedIndexOf(text: string, wanted: string, from: number, limit: number): number {
  const stop = Math.min(text.length, from + limit);
  for (let i = from; i < stop; i++) if (text[i] === wanted) return i;
  return -1;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** The pieces of the argument without surrounding white space, split at commas when `split` is set; "%" comments
 * are left out. */
function commaSeparated(text: string, argument: Span, split: boolean): Span[] {
  const pieces: Span[] = [];
  let piece: Span | undefined;
  for (let i = argument.start; i < argument.end; i++) {
    const c = text[i];
    if (c === '%' && text[i - 1] !== '\\') {
      i = lineEnd(text, i);
    } else if (split && c === ',') {
      if (piece) pieces.push(piece);
      piece = undefined;
    } else if (!/\s/.test(c)) {
      if (piece) piece.end = i + 1;
      else piece = { start: i, end: i + 1 };
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

// ---------------------------------------------------------------------------------------------------------------
// Typst

const TYPST_STRING = /^\s*"((?:[^"\\\n]|\\.)*)"/;

/** `#bibliography("refs.bib")` and `#bibliography(("a.bib", "b.yml"))`: the paths of the first argument only, as the
 * named arguments ("style: "apa"") hold strings that are not paths. */
function typstBibliographies(text: string): BibliographyReference[] {
  const masked = maskTypstNonProse(text);
  const references: BibliographyReference[] = [];
  const call = '#bibliography(';
  for (let at = masked.indexOf(call); at >= 0; at = masked.indexOf(call, at + 1)) {
    const argument = at + call.length;
    const array = /^\s*\(/.exec(text.slice(argument, argument + 64));
    references.push(...(array ? typstStrings(text, argument + array[0].length, true) : typstStrings(text, argument, false)));
  }
  return references;
}

/** One string literal at `from`, or (in an array) every string literal up to the closing parenthesis. */
function typstStrings(text: string, from: number, many: boolean): BibliographyReference[] {
  const references: BibliographyReference[] = [];
  let i = from;
  for (;;) {
    const literal = TYPST_STRING.exec(text.slice(i, i + 1024));
    if (!literal) break;
    const start = i + literal[0].length - literal[1].length - 1;
    if (literal[1] !== '') references.push({ path: literal[1], span: { start, end: start + literal[1].length } });
    i += literal[0].length;
    const comma = /^\s*,/.exec(text.slice(i, i + 64));
    if (!many || !comma) break;
    i += comma[0].length;
  }
  return references;
}
