// Blanks out the parts of a document that are not prose, so that the scanners that follow never see code, comments,
// front matter, URLs or e-mail addresses. The result has exactly the length of the input and keeps every line break,
// so an offset into the masked text is the same offset into the document.

import { splitLines } from '../text/lines';
import { BlankRanges } from './blankRanges';
import { lineAt, lineText, startOfLineFrom } from '../text/lines';
import { findFrontMatter } from './frontMatter';
import { NextOccurrences } from '../text/nextOccurrences';

export type DocumentLanguage = 'markdown' | 'latex' | 'restructuredtext' | 'plaintext';

/** Maps an editor language id to the family of syntax Citewise reads it as. */
export function documentLanguageOf(languageId: string): DocumentLanguage {
  switch (languageId) {
    case 'markdown':
    case 'quarto':
    case 'rmd':
    case 'rmarkdown':
    case 'mdx':
      return 'markdown';
    case 'latex':
    case 'tex':
    case 'bibtex':
      return 'latex';
    case 'restructuredtext':
    case 'rst':
      return 'restructuredtext';
    default:
      return 'plaintext';
  }
}

/** Guesses the language from a file name, for the CLI. */
export function languageIdOfPath(path: string): string {
  const lower = path.toLowerCase();
  if (/\.(md|markdown|mdown|mkd)$/.test(lower)) return 'markdown';
  if (lower.endsWith('.qmd')) return 'quarto';
  if (lower.endsWith('.rmd')) return 'rmd';
  if (/\.(tex|ltx)$/.test(lower)) return 'latex';
  if (/\.(rst|rest)$/.test(lower)) return 'restructuredtext';
  return 'plaintext';
}

const URL_START = /\b(?:https?:\/\/|ftp:\/\/|www\.)|\bdoi:\s?(?=10\.)/gi;
const EMAIL_LOCAL = /[\w.+-]/;
const EMAIL_DOMAIN = /[\w.-]/;

/** Blanks e-mail addresses around each "@", looking a bounded distance either way so that the work stays linear. */
function maskEmails(text: string, blanks: BlankRanges): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && end - at < 255 && EMAIL_DOMAIN.test(text[end])) end++;
    while (end > at + 1 && text[end - 1] === '.') end--;
    const domain = text.slice(at + 1, end);
    if (start < at && /^[\w-]+(?:\.[\w-]+)+$/.test(domain)) blanks.add(start, end);
  }
}

function maskUrls(text: string, blanks: BlankRanges): void {
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(text); m; m = URL_START.exec(text)) {
    const end = urlEnd(text, m.index + m[0].length);
    blanks.add(m.index, end);
    URL_START.lastIndex = Math.max(end, m.index + m[0].length);
  }
}

/** Where a URL that starts at `start` ends: at white space or a delimiter, or at a ")" that closes a parenthesis opened
 * before the URL (as in "(see https://example.org/a_(b))"), without trailing sentence punctuation. */
function urlEnd(text: string, start: number): number {
  let depth = 0;
  let end = start;
  for (;;) {
    // A URL is mostly one run of characters other than white space, delimiters and parentheses: passed in one step.
    URL_RUN.lastIndex = end;
    if (URL_RUN.test(text)) end = URL_RUN.lastIndex;
    const c = text.charCodeAt(end);
    if (c === OPEN_PARENTHESIS) depth++;
    else if (c === CLOSE_PARENTHESIS && depth > 0) depth--;
    else break;
    end++;
  }
  while (end > start && URL_TRAILING_PUNCTUATION.includes(text[end - 1])) end--;
  return end;
}

/** What a URL holds up to white space, a delimiter or a parenthesis, and what ends a sentence after it rather than
 * belonging to it. */
const URL_RUN = /[^\s<>"'\\\]`()]+/y;
const URL_TRAILING_PUNCTUATION = '.,;:!?*_';
const OPEN_PARENTHESIS = 40;
const CLOSE_PARENTHESIS = 41;

/** Returns the text with non-prose regions replaced by spaces (line breaks kept). Linear in the input. */
export function maskNonProse(text: string, language: DocumentLanguage): string {
  const blanks = new BlankRanges();
  if (language === 'markdown') maskMarkdown(text, blanks);
  else if (language === 'latex') maskLatex(text, blanks);
  else if (language === 'restructuredtext') maskRestructuredText(text, blanks);
  maskHtmlComments(text, blanks);
  maskUrls(text, blanks);
  maskEmails(text, blanks);
  return blanks.applyTo(text);
}

function maskHtmlComments(text: string, blanks: BlankRanges): void {
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return;
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close + 3;
    blanks.add(open, end);
    from = end;
  }
}

function maskMarkdown(text: string, blanks: BlankRanges): void {
  const bodyStart = maskFrontMatter(text, blanks);
  maskMarkdownBlocks(text, bodyStart, blanks);
  maskInlineMarkdown(text, blanks);
}

/** Blanks YAML (---) or TOML (+++) front matter at the very top; returns where the body starts. */
function maskFrontMatter(text: string, blanks: BlankRanges): number {
  const frontMatter = findFrontMatter(text);
  if (!frontMatter) return 0;
  blanks.add(0, frontMatter.end);
  return frontMatter.bodyStart;
}

/** What opens or closes a block that is not prose; a line without any of them changes nothing. */
const BLOCK_MARKERS = ['```', '~~~', '$$'];

/**
 * Blanks fenced code and display math ("$$ ... $$", which Pandoc and Quarto read as math, not prose). Only the lines
 * holding a fence or "$$" can open or close such a block, so the scan goes from one of them to the next.
 */
function maskMarkdownBlocks(text: string, from: number, blanks: BlankRanges): void {
  const markers = new NextOccurrences(text, BLOCK_MARKERS);
  let fence: { marker: string; length: number } | undefined;
  let fenceStart = 0;
  for (let found = markers.from(from); found >= 0; ) {
    const line = lineAt(text, found);
    const content = lineText(text, line);
    let next = line.next;
    const match = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fence) {
      if (match && match[1][0] === fence.marker && match[1].length >= fence.length && content.trim() === match[1]) {
        blanks.add(fenceStart, line.end);
        fence = undefined;
      }
    } else if (match) {
      fence = { marker: match[1][0], length: match[1].length };
      fenceStart = line.start;
    } else if (/^\s*\$\$/.test(content)) {
      const close = text.indexOf('$$', line.start + content.indexOf('$$') + 2);
      if (close >= 0) {
        blanks.add(line.start, close + 2);
        // The scan goes on at the first line that starts at or after the closing "$$".
        next = startOfLineFrom(text, close);
      }
    }
    found = next < 0 ? -1 : markers.from(next);
  }
  if (fence) blanks.add(fenceStart, text.length);
}

/** Inline code spans, link and image destinations, and backslash escapes of parentheses. */
function maskInlineMarkdown(text: string, blanks: BlankRanges): void {
  maskCodeSpans(text, blanks);
  maskLinkDestinations(text, blanks);
  maskEscapedBrackets(text, blanks);
}

/** Inline code: a run of backticks closed by a run of the same length in the same paragraph. */
function maskCodeSpans(text: string, blanks: BlankRanges): void {
  const n = text.length;
  const inBlock = blanks.coverage();
  const paragraphEnds = new NextOccurrences(text, ['\n\n']);
  for (let i = text.indexOf('`'); i >= 0; ) {
    if (inBlock(i)) {
      i = text.indexOf('`', i + 1);
      continue;
    }
    let run = 1;
    while (i + run < n && text.charCodeAt(i + run) === 96) run++;
    const closer = '`'.repeat(run);
    let search = i + run;
    let close = -1;
    // Look for the closing run, but not past a blank line (a paragraph break).
    const paragraphEnd = paragraphEnds.from(search);
    const limit = paragraphEnd < 0 ? n : paragraphEnd;
    while (search < limit) {
      const found = text.indexOf(closer, search);
      if (found < 0 || found >= limit) break;
      let after = found + run;
      if (after < n && text.charCodeAt(after) === 96) {
        while (after < n && text.charCodeAt(after) === 96) after++;
        search = after;
        continue;
      }
      close = found;
      break;
    }
    if (close >= 0) {
      blanks.add(i, close + run);
      i = text.indexOf('`', close + run);
    } else {
      i = text.indexOf('`', i + run);
    }
  }
}

/** Link and image destinations: "](" up to the matching ")" (URLs may contain balanced parentheses). */
function maskLinkDestinations(text: string, blanks: BlankRanges): void {
  const n = text.length;
  let from = 0;
  for (;;) {
    const open = text.indexOf('](', from);
    if (open < 0) break;
    let depth = 0;
    let end = -1;
    for (let j = open + 1; j < n && j < open + 2048; j++) {
      const ch = text.charCodeAt(j);
      if (ch === 10 && j + 1 < n && text.charCodeAt(j + 1) === 10) break;
      if (ch === 40) depth++;
      else if (ch === 41) {
        depth--;
        if (depth === 0) {
          end = j + 1;
          break;
        }
      }
    }
    if (end > 0) {
      blanks.add(open + 1, end);
      from = end;
    } else {
      from = open + 2;
    }
  }
}

/** GitBook and some converters escape parentheses as "\(" and "\)": read them as plain parentheses. A backslash already
 * blanked (in code, or in a link destination) stays blanked. */
function maskEscapedBrackets(text: string, blanks: BlankRanges): void {
  const blanked = blanks.coverage();
  for (let j = text.indexOf('\\'); j >= 0 && j + 1 < text.length; j = text.indexOf('\\', j + 1)) {
    const next = text.charCodeAt(j + 1);
    if ((next === 40 || next === 41 || next === 91 || next === 93) && !blanked(j)) blanks.add(j, j + 1);
  }
}

function maskLatex(text: string, blanks: BlankRanges): void {
  const n = text.length;
  // A comment runs from "%" to the end of its line; the next one is looked for after it.
  for (let at = text.indexOf('%'); at >= 0; ) {
    if (isEscaped(text, at)) {
      at = text.indexOf('%', at + 1);
      continue;
    }
    let end = text.indexOf('\n', at);
    if (end < 0) end = n;
    blanks.add(at, end);
    at = text.indexOf('%', end);
  }
  for (const env of ['verbatim', 'lstlisting', 'minted', 'comment']) {
    let from = 0;
    const begin = `\\begin{${env}}`;
    const finish = `\\end{${env}}`;
    for (;;) {
      const start = text.indexOf(begin, from);
      if (start < 0) break;
      const close = text.indexOf(finish, start);
      const end = close < 0 ? n : close + finish.length;
      blanks.add(start, end);
      from = end;
    }
  }
}

/** Whether a backslash escapes the character at `at` ("\\%" is a percent sign, "\\\\%" a line break and a comment): an odd
 * run of backslashes before it. The runs before different characters do not overlap, so reading them stays linear. */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes > 0 && text.charCodeAt(at - backslashes - 1) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

const BACKSLASH = 92;

function maskRestructuredText(text: string, blanks: BlankRanges): void {
  const lines = splitLines(text);
  // A literal block follows a paragraph ending in "::" and lasts while lines are indented (or blank).
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const isDirective = /^\s*\.\.\s+(code|code-block|sourcecode|math)::/.test(line.text);
    if (!isDirective && !/::\s*$/.test(line.text)) continue;
    const baseIndent = /^\s*/.exec(line.text)![0].length;
    let j = i + 1;
    let last = i;
    for (; j < lines.length; j++) {
      const t = lines[j].text;
      if (t.trim() === '') continue;
      const indent = /^\s*/.exec(t)![0].length;
      if (indent <= baseIndent) break;
      last = j;
    }
    if (last > i) blanks.add(lines[i + 1].start, lines[last].end);
    if (isDirective) blanks.add(line.start, line.end);
    i = last;
  }
  // Inline literals ``like this``.
  let from = 0;
  for (;;) {
    const open = text.indexOf('``', from);
    if (open < 0) break;
    const close = text.indexOf('``', open + 2);
    if (close < 0) break;
    blanks.add(open, close + 2);
    from = close + 2;
  }
}
