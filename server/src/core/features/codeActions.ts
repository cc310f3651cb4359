// Quick fixes for the diagnostics of a document: change a citation to the entry it nearly matches, change an unknown key
// to the nearest key, remove or comment out an entry that nothing cites, add a/b suffixes to entries no citation can
// tell apart. Each fix is a list of plain text edits on the analysed version;
// the server sends them as a versioned edit, so that a fix computed for an older version is refused, not misapplied.

import { entryOf, type Analysis } from '../index/analysis';
import { defaultCitationStyle, type CitationStyleId, type CitedWork, type ReferenceEntry, type Span } from '../types';
import { styleOf } from '../style/citationStyles';
import { numericQuickFixes } from '../style/numericRules';
import { authorPhrase, type CitationForm } from '../style/apa';
import { formatCitationDate } from '../syntax/dates';
import { apaQuickFixes } from '../style/apaRules';
import { overlaps } from '../style/rules/spans';
import { suffixQuickFixes } from './suffixFix';
import { commentOutEntryFixes } from './commentOutEntry';
import { lineBreakLength } from '../syntax/lineEndings';
import { singleSpaced } from '../text/whitespace';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface QuickFix {
  title: string;
  /** The diagnostic code the fix answers, so that the editor can attach it to that diagnostic. */
  code: string;
  /** The span of the diagnostic the fix answers. */
  diagnosticSpan: Span;
  edits: TextEdit[];
  preferred?: boolean;
}

/** Edits that make a cited work name an entry: the author part where it differs, and the date. */
function editsToCite(analysis: Analysis, work: CitedWork, entry: ReferenceEntry, form: CitationForm): TextEdit[] {
  const edits: TextEdit[] = [];
  const authorWritten = analysis.text.slice(work.authorSpan.start, work.authorSpan.end);
  const phrase = authorPhrase(entry, form) + (work.possessive ? "'s" : '');
  // A later year of a multi-year citation ("2019b" in "Smith, 2019a, 2019b") shares the author with the first: only its date changes.
  const ownsAuthor = work.span.start <= work.authorSpan.start;
  if (ownsAuthor && !work.isTitle && singleSpaced(authorWritten) !== phrase) edits.push({ span: work.authorSpan, newText: phrase });
  const date = entry.date ? formatCitationDate(entry.date) : 'n.d.';
  if (analysis.text.slice(work.dateSpan.start, work.dateSpan.end) !== date) edits.push({ span: work.dateSpan, newText: date });
  return edits;
}

/** The whole lines an entry takes, without the line break (LF or CRLF) after its last line. */
export function entryLines(text: string, entry: ReferenceEntry): Span {
  const start = text.lastIndexOf('\n', entry.span.start - 1) + 1;
  const lineFeed = text.indexOf('\n', entry.span.end);
  if (lineFeed < 0) return { start, end: text.length };
  return { start, end: lineFeed > entry.span.end && text[lineFeed - 1] === '\r' ? lineFeed - 1 : lineFeed };
}

/** The entry's lines with their line break and one blank line after them, so that removing it leaves the list tidy. */
function entryRemoval(text: string, entry: ReferenceEntry): Span {
  const lines = entryLines(text, entry);
  let end = lines.end + lineBreakLength(text, lines.end);
  const blank = /^[ \t]*\r?\n/.exec(text.slice(end));
  if (blank) end += blank[0].length;
  return { start: lines.start, end };
}

/**
 * The quick fixes at a range. The language id decides the comment syntax of "comment out" (without it that fix is not
 * offered); the citation style decides which style rules' fixes apply, and numeric styles get their own.
 */
export function quickFixes(analysis: Analysis, range: Span, languageId?: string, citationStyleId: CitationStyleId = defaultCitationStyle): QuickFix[] {
  const style = styleOf(analysis.facts, citationStyleId);
  if (style.citations === 'numeric') return [...keyFixes(analysis, range), ...numericQuickFixes(analysis, range, style)];
  const fixes: QuickFix[] = [];
  const { facts, resolution } = analysis;
  facts.citations.forEach((citation, ci) => {
    if (!overlaps(citation.span, range)) return;
    citation.items.forEach((work, wi) => {
      const result = resolution.byCitation[ci]?.[wi];
      if (result?.status !== 'missing' || !overlaps(work.span, range)) return;
      result.candidates.forEach((candidate, index) => {
        const entry = entryOf(analysis, candidate.entryId);
        if (!entry) return;
        const edits = editsToCite(analysis, work, entry, citation.kind);
        if (edits.length) fixes.push({ title: `Change to ${candidate.suggestion}`, code: 'missing-entry', diagnosticSpan: work.span, edits, preferred: index === 0 });
      });
    });
  });
  fixes.push(...keyFixes(analysis, range));
  for (const entry of facts.referenceList?.entries ?? []) {
    if (!overlaps(entry.span, range) || (resolution.citeCount.get(entry.id) ?? 0) > 0) continue;
    fixes.push({ title: 'Remove this entry, which nothing cites', code: 'uncited-entry', diagnosticSpan: entry.span, edits: [{ span: entryRemoval(analysis.text, entry), newText: '' }] });
  }
  if (languageId) fixes.push(...commentOutEntryFixes(analysis, range, languageId));
  fixes.push(...suffixQuickFixes(analysis, range));
  fixes.push(...apaQuickFixes(analysis, range, style));
  return fixes;
}

/** Change an unknown key to one of the nearest keys. */
function keyFixes(analysis: Analysis, range: Span): QuickFix[] {
  const fixes: QuickFix[] = [];
  analysis.facts.keyedCitations.forEach((citation, ci) => {
    if (!overlaps(citation.span, range)) return;
    citation.keys.forEach((cited, ki) => {
      const result = analysis.resolution.byKeyedCitation[ci]?.[ki];
      if (result?.status !== 'missing' || !overlaps(cited.span, range)) return;
      result.candidates.forEach((key, index) => {
        fixes.push({ title: `Change to "${key}"`, code: 'unknown-key', diagnosticSpan: cited.span, edits: [{ span: cited.span, newText: key }], preferred: index === 0 });
      });
    });
  });
  return fixes;
}
