// A quick fix beside "remove" for an entry nothing cites: comment it out, so that it stays at hand but leaves the list.
// Markdown wraps the entry's lines in an HTML comment, LaTeX starts each line with "%"; plain text has no comment syntax,
// so nothing is offered there.

import type { Analysis } from '../index/analysis';
import type { Span } from '../types';
import { documentLanguageOf } from '../syntax/mask';
import { overlaps } from '../style/rules/spans';
import { entryLines, type QuickFix, type TextEdit } from './codeActions';

function commentOut(text: string, lines: Span, languageId: string): TextEdit | undefined {
  const written = text.slice(lines.start, lines.end);
  switch (documentLanguageOf(languageId)) {
    case 'markdown':
      // "--" may not appear inside an HTML comment; an entry with it (a page range typed with two hyphens) is left alone.
      return written.includes('--') ? undefined : { span: lines, newText: `<!-- ${written} -->` };
    case 'latex':
      // After each line feed, not at every line terminator: "^" in multiline mode also matches between CR and LF.
      return { span: lines, newText: written.replace(/(^|\n)/g, '$1% ') };
    default:
      return undefined;
  }
}

export function commentOutEntryFixes(analysis: Analysis, range: Span, languageId: string): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const entry of analysis.facts.referenceList?.entries ?? []) {
    if (!overlaps(entry.span, range) || (analysis.resolution.citeCount.get(entry.id) ?? 0) > 0) continue;
    const edit = commentOut(analysis.text, entryLines(analysis.text, entry), languageId);
    if (edit) fixes.push({ title: 'Comment out this entry, which nothing cites', code: 'uncited-entry', diagnosticSpan: entry.span, edits: [edit] });
  }
  return fixes;
}
