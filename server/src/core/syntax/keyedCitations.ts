// Finds citations written by key: pandoc/Quarto "[see @a, p. 4; @b]" and "@a says", LaTeX "\citep[see][12]{a,b}" and
// biblatex multi-cites, Typst "@a" and "#cite(<a>)". The scanners read the masked text (code, comments and URLs
// blanked) to find the structure and take keys and notes at the same offsets. Every look ahead is bounded or consumes
// what it reads, so the work stays linear in the input.

import type { CitedKey, KeyedCitation, Span } from '../types';
import { documentLanguageOf, type DocumentLanguage } from './mask';
import { NextOccurrences } from '../text/nextOccurrences';
import { collapseWhitespace } from '../text/whitespace';

/** The syntax families that can cite by key; Typst is not a DocumentLanguage because its prose is read as plain text. */
export type KeyedLanguage = DocumentLanguage | 'typst';

/** Maps an editor language id to the family whose keyed citations are read. */
export function keyedLanguageOf(languageId: string): KeyedLanguage {
  return languageId === 'typst' ? 'typst' : documentLanguageOf(languageId);
}

/**
 * The keyed citations of a document, sorted by start and not overlapping. `masked` is `maskNonProse(text, language)`;
 * for Typst pass `maskNonProse(text, 'plaintext')` (or the text itself): Typst raw text and comments are blanked here.
 */
export function findKeyedCitations(text: string, masked: string, language: KeyedLanguage): KeyedCitation[] {
  const structure = masked.length === text.length ? masked : text;
  try {
    switch (language) {
      case 'markdown':
        return findPandocCitations(text, structure);
      case 'latex':
        return findLatexCitations({ text, masked: structure });
      case 'typst':
        return findTypstCitations(maskTypstNonProse(structure));
      default:
        return [];
    }
  } catch {
    // The scanners are written not to throw; this keeps a missed case from taking the whole document down with it.
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers used by every syntax

/** Text with white space runs (line breaks included) collapsed to one space; undefined when nothing is left. */
function noteText(source: string, start: number, end: number): string | undefined {
  const note = collapseWhitespace(source.slice(start, end));
  return note === '' ? undefined : note;
}

/** The span without leading and trailing white space. */
function trimSpan(source: string, start: number, end: number): Span {
  while (start < end && /\s/.test(source[start])) start++;
  while (end > start && /\s/.test(source[end - 1])) end--;
  return { start, end };
}

function isBlankLineBreak(source: string, at: number): boolean {
  if (source[at] !== '\n') return false;
  let next = at + 1;
  while (next < source.length && (source[next] === ' ' || source[next] === '\t' || source[next] === '\r')) next++;
  return next >= source.length || source[next] === '\n';
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

function isWordCharacter(c: string | undefined): boolean {
  return c !== undefined && WORD_CHARACTER.test(c);
}

/** An "@" that may start a key: not escaped and not inside a word (which would make it an e-mail address). */
function atMayStartKey(source: string, at: number): boolean {
  const before = source[at - 1];
  return before !== '\\' && !isWordCharacter(before);
}

/**
 * Where a bracketed group that opens at `open` closes, or -1. Groups of the same kind nest; braces hide the closer (as
 * in "[\textit{a]b}]"); a paragraph break (a blank line of `paragraphs`, which defaults to the source) or `limit`
 * characters end the search without a match.
 */
function closingOf(source: string, open: number, closer: string, limit: number, paragraphs = source): number {
  const opener = source[open];
  let depth = 0;
  let braces = 0;
  const stop = Math.min(source.length, open + limit);
  for (let i = open + 1; i < stop; i++) {
    const c = source[i];
    if (c === '\n' && isBlankLineBreak(paragraphs, i)) return -1;
    if (c === '{') braces++;
    else if (c === '}' && braces > 0) braces--;
    else if (braces > 0) continue;
    else if (c === opener) depth++;
    else if (c === closer) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function byStart(a: KeyedCitation, b: KeyedCitation): number {
  return a.span.start - b.span.start;
}

// ---------------------------------------------------------------------------------------------------------------
// Pandoc, Quarto and R Markdown

const PANDOC_INTERNAL_PUNCTUATION = ':.#$%&-+?<>~/';
const BRACED_KEY_LIMIT = 256;

/** Quarto ("@fig-x") and pandoc-crossref ("@fig:x", "@Fig:x") cross-references look like keys but are not citations. */
const CROSS_REFERENCE =
  /^(?:(?:fig|tbl|lst|eq|sec|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|nte|tip|wrn|imp|cau)-|(?:fig|tbl|lst|eq|sec):)/i;

interface KeyAt {
  key: string;
  span: Span;
  /** Where the key ends, after a closing brace in the "@{weird key}" form. */
  end: number;
}

/** The pandoc key after the "@" at `at`: a letter, digit or "_" first, then word characters and internal punctuation
 * (punctuation followed by a word character, so "@smith2019." ends before the full stop), or "{any key}". */
function readPandocKey(source: string, at: number): KeyAt | undefined {
  const first = at + 1;
  if (source[first] === '{') return readBracedKey(source, first);
  if (!isWordCharacter(source[first])) return undefined;
  let end = first + 1;
  while (end < source.length) {
    if (isWordCharacter(source[end])) end++;
    else if (PANDOC_INTERNAL_PUNCTUATION.includes(source[end]) && isWordCharacter(source[end + 1])) end += 2;
    else break;
  }
  return { key: source.slice(first, end), span: { start: first, end }, end };
}

function readBracedKey(source: string, open: number): KeyAt | undefined {
  const stop = Math.min(source.length, open + BRACED_KEY_LIMIT);
  for (let i = open + 1; i < stop; i++) {
    const c = source[i];
    if (c === '{' || c === '\n') return undefined;
    if (c !== '}') continue;
    const span = trimSpan(source, open + 1, i);
    if (span.start === span.end) return undefined;
    return { key: source.slice(span.start, span.end), span, end: i + 1 };
  }
  return undefined;
}

interface BracketPair {
  open: number;
  close: number;
}

/** Brackets with no other bracket inside and no paragraph break: the only ones that can hold a pandoc citation. Each
 * character belongs to at most one such pair, so reading their contents later stays linear. */
function innermostBrackets(text: string, masked: string): BracketPair[] {
  const pairs: BracketPair[] = [];
  let open = -1;
  // Only the brackets are visited: a regular expression skips the text between them in native code.
  const brackets = /[[\]]/g;
  for (let found = brackets.exec(masked); found; found = brackets.exec(masked)) {
    const i = found.index;
    const c = masked[i];
    if (c === '[') open = text[i - 1] === '\\' ? -1 : i;
    else if (c === ']' && open >= 0) {
      if (!/\n[ \t\r]*\n/.test(masked.slice(open, i))) pairs.push({ open, close: i });
      open = -1;
    }
  }
  return pairs;
}

/** "[@name](url)" is a link and "[@name]: url" a link definition; the raw text tells, as masking blanks the URL. */
function isLinkText(text: string, pair: BracketPair): boolean {
  const after = text[pair.close + 1];
  if (after === '(') return true;
  if (after !== ':') return false;
  const lineStart = text.lastIndexOf('\n', pair.open) + 1;
  return /^ {0,3}$/.test(text.slice(lineStart, pair.open));
}

interface KeyMention extends KeyAt {
  at: number;
}

/** The "@key" mentions between `start` and `end`, cross-references included (their text still ends a locator).
 * `atSigns` finds the next "@" once for all the brackets of a document: searched afresh from each bracket, a document
 * with many brackets and few "@" would be read again to its end for each. */
function keyMentions(masked: string, atSigns: NextOccurrences, start: number, end: number): KeyMention[] {
  const mentions: KeyMention[] = [];
  for (let at = atSigns.from(start); at >= 0 && at < end; at = atSigns.from(at + 1)) {
    if (!atMayStartKey(masked, at)) continue;
    const found = readPandocKey(masked, at);
    if (!found || found.end > end) continue;
    mentions.push({ ...found, at });
    at = found.end - 1;
  }
  return mentions;
}

/** The keys of one ";"-separated item: the first takes the text before it as prefix; each takes the text up to the next
 * mention as its locator (so "[@a, @b]" gives two keys without locators). */
function pandocItemKeys(text: string, masked: string, atSigns: NextOccurrences, start: number, end: number): CitedKey[] {
  const mentions = keyMentions(masked, atSigns, start, end);
  const keys: CitedKey[] = [];
  mentions.forEach((mention, index) => {
    if (CROSS_REFERENCE.test(mention.key)) return;
    const suppressAuthor = masked[mention.at - 1] === '-' && (mention.at - 1 === start || /\s/.test(masked[mention.at - 2]));
    const cited: CitedKey = { key: mention.key, span: mention.span };
    const prefix = index === 0 ? noteText(text, start, suppressAuthor ? mention.at - 1 : mention.at) : undefined;
    const nextStart = index + 1 < mentions.length ? mentions[index + 1].at : end;
    const locator = noteText(text, mention.end, nextStart)?.replace(/^,\s*/, '');
    if (prefix) cited.prefix = prefix;
    if (locator) cited.locator = locator;
    if (suppressAuthor) cited.suppressAuthor = true;
    keys.push(cited);
  });
  return keys;
}

function pandocGroupKeys(text: string, masked: string, atSigns: NextOccurrences, pair: BracketPair): CitedKey[] {
  const keys: CitedKey[] = [];
  let itemStart = pair.open + 1;
  for (let i = itemStart; i <= pair.close; i++) {
    if (i < pair.close && masked[i] !== ';') continue;
    keys.push(...pandocItemKeys(text, masked, atSigns, itemStart, i));
    itemStart = i + 1;
  }
  return keys;
}

function findPandocCitations(text: string, masked: string): KeyedCitation[] {
  const citations: KeyedCitation[] = [];
  /** Bracketed groups and link texts: narrative keys are not looked for inside them. */
  const claimed: Span[] = [];
  /** Brackets that hold no citation, by where they open: one may be the locator of a narrative citation (unless it is
   * a footnote mark "[^1]"). */
  const plainBrackets = new Map<number, number>();
  const atSigns = new NextOccurrences(masked, ['@']);
  for (const pair of innermostBrackets(text, masked)) {
    const span = { start: pair.open, end: pair.close + 1 };
    if (isLinkText(text, pair)) {
      claimed.push(span);
      continue;
    }
    const keys = pandocGroupKeys(text, masked, atSigns, pair);
    if (keys.length > 0) {
      citations.push({ span, syntax: 'pandoc', narrative: false, keys });
      claimed.push(span);
    } else {
      plainBrackets.set(pair.open, pair.close);
    }
  }
  citations.push(...narrativePandocCitations(text, masked, claimed, plainBrackets));
  return citations.sort(byStart);
}

/** "@key" outside brackets, and "@key [p. 4]" where the bracket that follows is its locator. */
function narrativePandocCitations(text: string, masked: string, claimed: Span[], plainBrackets: Map<number, number>): KeyedCitation[] {
  const citations: KeyedCitation[] = [];
  let next = 0;
  for (let at = masked.indexOf('@'); at >= 0; at = masked.indexOf('@', at + 1)) {
    while (next < claimed.length && claimed[next].end <= at) next++;
    if (next < claimed.length && claimed[next].start <= at) {
      at = claimed[next].end - 1;
      continue;
    }
    if (!atMayStartKey(masked, at)) continue;
    const found = readPandocKey(masked, at);
    if (!found || CROSS_REFERENCE.test(found.key)) continue;
    const cited: CitedKey = { key: found.key, span: found.span };
    let end = found.end;
    const bracket = skipSpacesAndTabs(masked, found.end);
    const close = plainBrackets.get(bracket);
    if (close !== undefined && masked[bracket + 1] !== '^') {
      const locator = noteText(text, bracket + 1, close);
      if (locator) cited.locator = locator;
      end = close + 1;
    }
    citations.push({ span: { start: at, end }, syntax: 'pandoc', narrative: true, keys: [cited] });
    at = end - 1;
  }
  return citations;
}

function skipSpacesAndTabs(source: string, from: number): number {
  let i = from;
  while (i < source.length && i - from < 16 && (source[i] === ' ' || source[i] === '\t')) i++;
  return i;
}

// ---------------------------------------------------------------------------------------------------------------
// LaTeX: natbib, biblatex, apacite

interface LatexCommand {
  narrative: boolean;
  /** biblatex multi-cite: "\cites(pre)(post)[pre][post]{a}[pre][post]{b}". */
  multi: boolean;
}

const NARRATIVE_COMMANDS = ['citet', 'Citet', 'textcite', 'Textcite', 'citeauthor', 'Citeauthor', 'citeA'];
const PARENTHETICAL_COMMANDS = [
  'cite', 'Cite', 'citep', 'Citep', 'citealp', 'Citealp', 'citealt', 'Citealt', 'citeyear', 'citeyearpar', 'citenum',
  'citetitle', 'Citetitle', 'citeurl', 'citedate', 'citeNP', 'citeyearNP', 'parencite', 'Parencite', 'autocite',
  'Autocite', 'footcite', 'footcitetext', 'smartcite', 'Smartcite', 'supercite', 'fullcite', 'footfullcite', 'nocite',
];
const NARRATIVE_MULTI_COMMANDS = ['textcites', 'Textcites'];
const PARENTHETICAL_MULTI_COMMANDS = [
  'cites', 'Cites', 'parencites', 'Parencites', 'autocites', 'Autocites', 'footcites', 'footcitetexts', 'smartcites',
  'Smartcites', 'supercites',
];

const LATEX_CITE_COMMANDS = new Map<string, LatexCommand>([
  ...NARRATIVE_COMMANDS.map((name) => [name, { narrative: true, multi: false }] as const),
  ...PARENTHETICAL_COMMANDS.map((name) => [name, { narrative: false, multi: false }] as const),
  ...NARRATIVE_MULTI_COMMANDS.map((name) => [name, { narrative: true, multi: true }] as const),
  ...PARENTHETICAL_MULTI_COMMANDS.map((name) => [name, { narrative: false, multi: true }] as const),
]);

/** A control sequence: a backslash and a run of letters, or a backslash and one other character ("\\", "\%"). */
const CONTROL_SEQUENCE = /\\([A-Za-z]+|[^A-Za-z])/g;
/** Notes longer than this are not notes: the bound keeps many unclosed "[" from each reading far ahead. */
const NOTE_LIMIT = 1000;

/** The text tells where paragraphs break (a line holding only a "%" comment is blank once masked, yet it does not
 * end a paragraph); the masked text gives everything else. */
interface LatexSource {
  text: string;
  masked: string;
}

interface KeyList {
  keys: CitedKey[];
  end: number;
}

function findLatexCitations(source: LatexSource): KeyedCitation[] {
  const { masked } = source;
  const citations: KeyedCitation[] = [];
  CONTROL_SEQUENCE.lastIndex = 0;
  for (let m = CONTROL_SEQUENCE.exec(masked); m; m = CONTROL_SEQUENCE.exec(masked)) {
    const command = LATEX_CITE_COMMANDS.get(m[1]);
    if (!command) continue;
    const starred = masked[CONTROL_SEQUENCE.lastIndex] === '*';
    const argumentsStart = CONTROL_SEQUENCE.lastIndex + (starred ? 1 : 0);
    const parsed = command.multi ? readMultiCite(source, argumentsStart) : readKeyList(source, argumentsStart);
    if (!parsed || parsed.keys.length === 0) continue;
    citations.push({
      span: { start: m.index, end: parsed.end },
      syntax: 'latex',
      narrative: command.narrative,
      command: m[1] + (starred ? '*' : ''),
      keys: parsed.keys,
    });
    CONTROL_SEQUENCE.lastIndex = parsed.end;
  }
  return citations;
}

/** Skips white space between arguments, including one line break but not a paragraph break. */
function skipArgumentSpace(source: LatexSource, from: number): number {
  let i = from;
  while (i < source.masked.length && /\s/.test(source.masked[i])) {
    if (isBlankLineBreak(source.text, i)) return from;
    i++;
  }
  return i;
}

/** Up to `max` optional arguments in `open`/`close` delimiters: their notes and where they end. */
function readNotes(source: LatexSource, from: number, open: string, close: string, max: number, limit: number) {
  const notes: string[] = [];
  let end = from;
  while (notes.length < max) {
    const at = skipArgumentSpace(source, end);
    if (source.masked[at] !== open) break;
    const closing = closingOf(source.masked, at, close, limit, source.text);
    if (closing < 0) break;
    notes.push(source.masked.slice(at + 1, closing));
    end = closing + 1;
  }
  return { notes, end };
}

/** "[prenote][postnote]{a, b}": one optional argument is the postnote, two are the prenote and the postnote. */
function readKeyList(source: LatexSource, from: number): KeyList | undefined {
  const { notes, end: notesEnd } = readNotes(source, from, '[', ']', 2, NOTE_LIMIT);
  const open = skipArgumentSpace(source, notesEnd);
  if (source.masked[open] !== '{') return undefined;
  const close = keyListClosing(source, open);
  if (close < 0) return undefined;
  const [prenote, postnote] = notes.length === 2 ? notes : [undefined, notes[0]];
  const keys = splitKeys(source.masked, open + 1, close);
  attachNotes(keys, cleanNote(prenote), cleanNote(postnote));
  return { keys, end: close + 1 };
}

/** A key list ends at the first "}". A "{" or a backslash means it is not a key list (a macro argument, or a
 * definition such as "\newcommand{\cite}"); stopping there also keeps unclosed lists from being read twice. */
function keyListClosing(source: LatexSource, open: number): number {
  for (let i = open + 1; i < source.masked.length; i++) {
    const c = source.masked[i];
    if (c === '}') return i;
    if (c === '{' || c === '\\' || isBlankLineBreak(source.text, i)) return -1;
  }
  return -1;
}

/** Comma-separated keys with their spans; "#1" (a macro parameter) is not a key. "*" is kept for "\nocite{*}". */
function splitKeys(masked: string, start: number, end: number): CitedKey[] {
  const keys: CitedKey[] = [];
  let pieceStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && masked[i] !== ',') continue;
    const span = trimSpan(masked, pieceStart, i);
    const key = masked.slice(span.start, span.end);
    if (key !== '' && !key.includes('#')) keys.push({ key, span });
    pieceStart = i + 1;
  }
  return keys;
}

function cleanNote(note: string | undefined): string | undefined {
  return note === undefined ? undefined : noteText(note, 0, note.length);
}

/** A prenote is printed before the first key and a postnote after the last, so that is where they are recorded. */
function attachNotes(keys: CitedKey[], prenote: string | undefined, postnote: string | undefined): void {
  if (keys.length === 0) return;
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (prenote) first.prefix = first.prefix ? `${prenote} ${first.prefix}` : prenote;
  if (postnote) last.locator = last.locator ? `${last.locator} ${postnote}` : postnote;
}

/** "\cites(global pre)(global post)[pre][post]{a}[pre][post]{b}": key lists follow while the next argument is one. */
function readMultiCite(source: LatexSource, from: number): KeyList | undefined {
  const { notes: globals, end: globalsEnd } = readNotes(source, from, '(', ')', 2, NOTE_LIMIT);
  const keys: CitedKey[] = [];
  let end = globalsEnd;
  for (;;) {
    const list = readKeyList(source, end);
    if (!list) break;
    keys.push(...list.keys);
    end = list.end;
  }
  if (keys.length === 0) return undefined;
  const [globalPre, globalPost] = globals.length === 2 ? globals : [undefined, globals[0]];
  attachNotes(keys, cleanNote(globalPre), cleanNote(globalPost));
  return { keys, end };
}

// ---------------------------------------------------------------------------------------------------------------
// Typst

/** Characters of a Typst label; a trailing "." or ":" is punctuation of the sentence, as Typst itself reads it. */
const TYPST_LABEL_CHARACTER = /[\p{L}\p{N}_\-:.]/u;
const TYPST_CALL_LIMIT = 500;
const TYPST_SUPPLEMENT_LIMIT = 1000;

function findTypstCitations(masked: string): KeyedCitation[] {
  const calls = typstCiteCalls(masked);
  return [...calls, ...typstReferences(masked, calls)].sort(byStart);
}

function readTypstLabel(source: string, from: number): Span | undefined {
  if (!isWordCharacter(source[from])) return undefined;
  let end = from + 1;
  while (end < source.length && TYPST_LABEL_CHARACTER.test(source[end])) end++;
  while (source[end - 1] === '.' || source[end - 1] === ':') end--;
  return { start: from, end };
}

/** "@key" and "@key[p. 4]" outside "#cite(...)" calls. */
function typstReferences(masked: string, calls: KeyedCitation[]): KeyedCitation[] {
  const citations: KeyedCitation[] = [];
  let next = 0;
  for (let at = masked.indexOf('@'); at >= 0; at = masked.indexOf('@', at + 1)) {
    while (next < calls.length && calls[next].span.end <= at) next++;
    if (next < calls.length && calls[next].span.start <= at) continue;
    if (!atMayStartKey(masked, at)) continue;
    const span = readTypstLabel(masked, at + 1);
    if (!span) continue;
    const cited: CitedKey = { key: masked.slice(span.start, span.end), span };
    let end = span.end;
    if (masked[end] === '[') {
      const close = closingOf(masked, end, ']', TYPST_SUPPLEMENT_LIMIT);
      if (close > 0) {
        const locator = noteText(masked, end + 1, close);
        if (locator) cited.locator = locator;
        end = close + 1;
      }
    }
    citations.push({ span: { start: at, end }, syntax: 'typst', narrative: false, keys: [cited] });
    at = end - 1;
  }
  return citations;
}

/** "#cite(<key>)", "#cite(label("key"))", "#cite("key")" (Typst before 0.9), with "supplement:" and "form:". */
function typstCiteCalls(masked: string): KeyedCitation[] {
  const citations: KeyedCitation[] = [];
  for (let at = masked.indexOf('#cite('); at >= 0; at = masked.indexOf('#cite(', at + 1)) {
    const open = at + '#cite'.length;
    const close = closingOf(masked, open, ')', TYPST_CALL_LIMIT);
    if (close < 0) continue;
    const span = typstCitedLabel(masked, open + 1, close);
    if (!span) continue;
    const cited: CitedKey = { key: masked.slice(span.start, span.end), span };
    const locator = typstSupplement(masked, span.end, close);
    if (locator) cited.locator = locator;
    const form = /\bform\s*:\s*"(\w+)"/.exec(masked.slice(span.end, close))?.[1];
    const narrative = form === 'prose' || form === 'author';
    citations.push({ span: { start: at, end: close + 1 }, syntax: 'typst', narrative, keys: [cited] });
    at = close;
  }
  return citations;
}

/** The span of the key named by the first argument: "<key>", "label("key")" or "key" in quotes. */
function typstCitedLabel(masked: string, from: number, end: number): Span | undefined {
  const argument = /^\s*(?:<([^<>\s]+)>|label\(\s*"([^"\n]+)"\s*\)|"([^"\n]+)")/.exec(masked.slice(from, end));
  if (!argument) return undefined;
  const key = argument[1] ?? argument[2] ?? argument[3];
  const start = from + argument[0].lastIndexOf(key);
  return { start, end: start + key.length };
}

function typstSupplement(masked: string, from: number, end: number): string | undefined {
  const named = /\bsupplement\s*:\s*(["[])/.exec(masked.slice(from, end));
  if (!named) return undefined;
  const open = from + named.index + named[0].length - 1;
  const close = named[1] === '[' ? closingOf(masked, open, ']', end - open) : masked.indexOf('"', open + 1);
  if (close < 0 || close > end) return undefined;
  return noteText(masked, open + 1, close);
}

/**
 * Blanks Typst raw text ("`code`", "```lang ... ```") and comments ("// ...", nested "/* ... *\/") to spaces, keeping
 * line breaks and length. "//" after ":" is part of a URL, not a comment. Linear: the scan jumps from one special
 * character to the next, every region is blanked once, and once a run of backticks has no closer, no run at least as
 * long searches again.
 */
export function maskTypstNonProse(source: string): string {
  const regions: Span[] = [];
  const special = /[\\/`]/g;
  let shortestUnclosedRun = Infinity;
  for (let m = special.exec(source); m; m = special.exec(source)) {
    const i = m.index;
    const next = source[i + 1];
    let end = i + 1;
    if (m[0] === '\\') {
      end = i + 2;
    } else if (m[0] === '/' && next === '/' && source[i - 1] !== ':') {
      const lineEnd = source.indexOf('\n', i);
      end = lineEnd < 0 ? source.length : lineEnd;
      regions.push({ start: i, end });
    } else if (m[0] === '/' && next === '*') {
      end = blockCommentEnd(source, i);
      regions.push({ start: i, end });
    } else if (m[0] === '`') {
      let run = 1;
      while (source[i + run] === '`') run++;
      const close = run === 2 || run >= shortestUnclosedRun ? -1 : source.indexOf('`'.repeat(run), i + run);
      if (close >= 0) regions.push({ start: i, end: close + run });
      else if (run !== 2) shortestUnclosedRun = Math.min(shortestUnclosedRun, run);
      end = close >= 0 ? close + run : i + run;
    }
    special.lastIndex = end;
  }
  return blankRegions(source, regions);
}

function blankRegions(source: string, regions: Span[]): string {
  if (regions.length === 0) return source;
  const parts: string[] = [];
  let from = 0;
  for (const region of regions) {
    parts.push(source.slice(from, region.start), source.slice(region.start, region.end).replace(/[^\r\n]/g, ' '));
    from = region.end;
  }
  parts.push(source.slice(from));
  return parts.join('');
}

/** Typst block comments nest; an unclosed one runs to the end of the text. */
function blockCommentEnd(source: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < source.length) {
    if (source[i] === '/' && source[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (source[i] === '*' && source[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return source.length;
}
