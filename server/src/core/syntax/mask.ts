// Blanks out the parts of a document that are not prose, so that the scanners that follow never see code, comments,
// front matter, URLs or e-mail addresses. The result has exactly the length of the input and keeps every line break,
// so an offset into the masked text is the same offset into the document.

import { splitLines } from '../text/lines';

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
function maskEmails(text: string, chars: Uint16Array): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && end - at < 255 && EMAIL_DOMAIN.test(text[end])) end++;
    while (end > at + 1 && text[end - 1] === '.') end--;
    const domain = text.slice(at + 1, end);
    if (start < at && /^[\w-]+(?:\.[\w-]+)+$/.test(domain)) blank(chars, start, end);
  }
}

/** Where a URL that starts at `start` ends: at white space or a delimiter, or at a ")" that closes a parenthesis opened
 * before the URL (as in "(see https://example.org/a_(b))"), without trailing sentence punctuation. */
function urlEnd(text: string, start: number): number {
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    const c = text[end];
    if (/[\s<>"'\\\]`]/.test(c)) break;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  while (end > start && /[.,;:!?*_]/.test(text[end - 1])) end--;
  return end;
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;

/** Builds the string back from its codes in chunks (one call per code would be slow; one call for all overflows the stack). */
function fromCodes(chars: Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += 8192) parts.push(String.fromCharCode.apply(null, chars.subarray(i, i + 8192) as unknown as number[]));
  return parts.join('');
}

function blank(chars: Uint16Array, start: number, end: number): void {
  for (let i = start; i < end && i < chars.length; i++) {
    if (chars[i] !== NEWLINE && chars[i] !== CARRIAGE_RETURN) chars[i] = SPACE;
  }
}

/** Returns the text with non-prose regions replaced by spaces (line breaks kept). Linear in the input. */
export function maskNonProse(text: string, language: DocumentLanguage): string {
  // Character codes in a typed array: a string split into one-character strings costs ten times as much on a long document.
  const chars = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) chars[i] = text.charCodeAt(i);
  if (language === 'markdown') maskMarkdown(text, chars);
  else if (language === 'latex') maskLatex(text, chars);
  else if (language === 'restructuredtext') maskRestructuredText(text, chars);
  maskHtmlComments(text, chars);
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(text); m; m = URL_START.exec(text)) {
    const end = urlEnd(text, m.index + m[0].length);
    blank(chars, m.index, end);
    URL_START.lastIndex = Math.max(end, m.index + m[0].length);
  }
  maskEmails(text, chars);
  return fromCodes(chars);
}

function maskHtmlComments(text: string, chars: Uint16Array): void {
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return;
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close + 3;
    blank(chars, open, end);
    from = end;
  }
}

function maskMarkdown(text: string, chars: Uint16Array): void {
  const lines = splitLines(text);
  let i = 0;
  // YAML (---) or TOML (+++) front matter at the very top.
  if (lines.length > 0 && /^(---|\+\+\+)\s*$/.test(lines[0].text)) {
    const fence = lines[0].text.trim();
    for (let j = 1; j < lines.length; j++) {
      const t = lines[j].text.trim();
      if (t === fence || (fence === '---' && t === '...')) {
        blank(chars, lines[0].start, lines[j].end);
        i = j + 1;
        break;
      }
    }
  }
  let fence: { marker: string; length: number } | undefined;
  let fenceStart = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const match = /^ {0,3}(`{3,}|~{3,})/.exec(line.text);
    if (fence) {
      if (match && match[1][0] === fence.marker && match[1].length >= fence.length && line.text.trim() === match[1]) {
        blank(chars, fenceStart, line.end);
        fence = undefined;
      }
      continue;
    }
    if (match) {
      fence = { marker: match[1][0], length: match[1].length };
      fenceStart = line.start;
      continue;
    }
    // Pandoc/Quarto display math and raw blocks are not prose either.
    if (/^\s*\$\$/.test(line.text)) {
      const close = text.indexOf('$$', line.start + line.text.indexOf('$$') + 2);
      if (close >= 0) {
        blank(chars, line.start, close + 2);
        while (i + 1 < lines.length && lines[i + 1].start < close) i++;
        continue;
      }
    }
  }
  if (fence) blank(chars, fenceStart, text.length);
  maskInlineMarkdown(text, chars);
}

/** Inline code spans, link and image destinations, and backslash escapes of parentheses. */
function maskInlineMarkdown(text: string, chars: Uint16Array): void {
  // Inline code: a run of backticks closed by a run of the same length on the same paragraph.
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 96 /* ` */ && chars[i] === 96) {
      let run = 1;
      while (i + run < n && text.charCodeAt(i + run) === 96) run++;
      const closer = '`'.repeat(run);
      let search = i + run;
      let close = -1;
      // Look for the closing run, but not past a blank line (a paragraph break).
      const paragraphEnd = text.indexOf('\n\n', search);
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
        blank(chars, i, close + run);
        i = close + run;
        continue;
      }
      i += run;
      continue;
    }
    i++;
  }
  // Link and image destinations: "](" up to the matching ")" (URLs may contain balanced parentheses).
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
      blank(chars, open + 1, end);
      from = end;
    } else {
      from = open + 2;
    }
  }
  // GitBook and some converters escape parentheses as "\(" and "\)": read them as plain parentheses.
  for (let j = 0; j + 1 < n; j++) {
    if (text.charCodeAt(j) === 92 /* \ */ && chars[j] === 92) {
      const next = text.charCodeAt(j + 1);
      if (next === 40 || next === 41 || next === 91 || next === 93) chars[j] = SPACE;
    }
  }
}

function maskLatex(text: string, chars: Uint16Array): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++; // skip the escaped character, so "\%" is not a comment
      continue;
    }
    if (c === 37 /* % */) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      blank(chars, i, end);
      i = end;
    }
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
      blank(chars, start, end);
      from = end;
    }
  }
}

function maskRestructuredText(text: string, chars: Uint16Array): void {
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
    if (last > i) blank(chars, lines[i + 1].start, lines[last].end);
    if (isDirective) blank(chars, line.start, line.end);
    i = last;
  }
  // Inline literals ``like this``.
  let from = 0;
  for (;;) {
    const open = text.indexOf('``', from);
    if (open < 0) break;
    const close = text.indexOf('``', open + 2);
    if (close < 0) break;
    blank(chars, open, close + 2);
    from = close + 2;
  }
}
