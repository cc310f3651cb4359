// Works out from the text before the cursor what is being typed: an author-date work inside parentheses or in running
// text, the year after a narrative author, or a citation key after "@", inside "\cite{", or in "#cite(<".

import type { Span } from '../types';

export type CompletionContext =
  | { kind: 'work'; form: 'parenthetical' | 'narrative'; replace: Span; query: string }
  | { kind: 'year'; author: string; replace: Span }
  | { kind: 'key'; replace: Span; query: string };

const LOOK_BACK = 300;
const PREFIXES = /^(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?|for example,?|compare)\s+/i;
const TYPED_WORK = /^[\p{L}\p{M}\d'’.&,\- ]*$/u;
/** The first author of a narrative citation just before its "(": "Ziter et al. ", "Nguyen and Tran ", "Müller's ". */
const NARRATIVE_AUTHOR_BEFORE =
  /([\p{Lu}][\p{L}\p{M}'’-]+)(?:'s|’s|\s+et\s+al\.?|\s+(?:and|&)\s+[\p{Lu}][\p{L}\p{M}'’-]+(?:'s|’s)?)?\s*$/u;
/** A LaTeX citation command open up to the cursor: "\parencite[see][12]{a, b" gives "a, b". */
const LATEX_CITE_OPEN = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]\n]*\]){0,2}(?:\([^)\n]*\)){0,2}(?:\{[^}]*\}(?:\[[^\]\n]*\]){0,2})*\{([^{}]*)$/;
/** A key being typed after "@" (pandoc, Quarto, Typst), not inside a word (an e-mail address). */
const AT_KEY = /(?:^|[^\p{L}\p{N}_@])-?@\{?([\p{L}\p{N}_:.#$%&\-+?<>~/]*)$/u;
const TYPST_CITE = /#cite\(\s*<([^>\s]*)$/;

function keyContext(before: string, offset: number): CompletionContext | undefined {
  const latex = LATEX_CITE_OPEN.exec(before);
  if (latex) {
    const typed = latex[1].slice(latex[1].lastIndexOf(',') + 1).trimStart();
    return { kind: 'key', replace: { start: offset - typed.length, end: offset }, query: typed };
  }
  const typst = TYPST_CITE.exec(before);
  const at = typst ?? AT_KEY.exec(before);
  if (at) return { kind: 'key', replace: { start: offset - at[1].length, end: offset }, query: at[1] };
  return undefined;
}

function authorDateContext(before: string, offset: number): CompletionContext | undefined {
  const open = before.lastIndexOf('(');
  if (open >= 0 && before.indexOf(')', open) < 0) {
    const inner = before.slice(open + 1);
    const narrativeAuthor = NARRATIVE_AUTHOR_BEFORE.exec(before.slice(0, open));
    if (narrativeAuthor && /^\s*\d{0,4}$/.test(inner)) {
      return { kind: 'year', author: narrativeAuthor[1], replace: { start: offset - inner.trimStart().length, end: offset } };
    }
    const current = inner.slice(inner.lastIndexOf(';') + 1).replace(/^\s+/, '');
    const typed = current.replace(PREFIXES, '');
    if (!TYPED_WORK.test(typed) || typed.length > 80) return undefined;
    return { kind: 'work', form: 'parenthetical', replace: { start: offset - typed.length, end: offset }, query: typed };
  }
  const word = /(?:^|[^\p{L}\p{M}'’-])([\p{Lu}][\p{L}\p{M}'’-]*)$/u.exec(before);
  if (word) return { kind: 'work', form: 'narrative', replace: { start: offset - word[1].length, end: offset }, query: word[1] };
  return undefined;
}

export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  // A LaTeX citation may span lines, so its look-back is not cut at the line start.
  const before = text.slice(Math.max(0, offset - LOOK_BACK), offset);
  const latex = /\\[A-Za-z]*cite/.test(before) ? keyContext(before, offset) : undefined;
  if (latex) return latex;
  const onLine = before.slice(Math.max(0, lineStart - (offset - before.length)));
  return keyContext(onLine, offset) ?? authorDateContext(onLine, offset);
}
