// Completion of citations. Author-date: inside a parenthesis it writes "Qerimi, 2023", in running text "Qerimi (2023)",
// and after a narrative author's "(" the year alone. Keys: after "@", inside "\cite{" (after commas too) and in Typst's
// "#cite(<". Candidates are filtered by every word typed (key, author, year or title words, in any order, abbreviated or
// with one letter wrong); entries already cited come first (see completionCandidates.ts). Long lists are cut with
// `isIncomplete` set, so the editor asks again as the person types and no entry is hidden for good.

import { entryOf, type Analysis } from '../index/analysis';
import { authorPhrase, citeEntry, type CitationForm } from '../style/apa';
import { styleOf } from '../style/citationStyles';
import { defaultCitationStyle, type CitationStyleId, type ReferenceEntry, type Span } from '../types';
import { formatCitationDate } from '../syntax/dates';
import { nameKey } from '../text/normalize';
import { personKeys } from '../resolve/resolve';
import { completionContextAt } from './completionContext';
import { describeEntry, type EntryRenderer } from './entryText';
import { candidates, sortKey, type Candidates } from './completionCandidates';

export interface CompletionEntry {
  label: string;
  /** Plain text, or a snippet when `snippet` is set. */
  insertText: string;
  /** `insertText` is a snippet: "${1:page}" is a placeholder the person types over, and "$", "}" and "\\" in the
   * rest are escaped. */
  snippet?: boolean;
  filterText: string;
  sortText: string;
  detail?: string;
  /** Shown right after the label in every row of the list, where the editor can (the key's author and year). */
  labelDetail?: string;
  /** Shown at the right of every row, where the editor can (the work's title). */
  labelDescription?: string;
  /** The entry behind the item: its documentation is rendered when the item is shown (see `completionDocumentation`). */
  entryId: string;
  /** Present for typed entries, whose text is at hand; bibliography entries are formatted on request. */
  documentation?: string;
}

export interface CompletionResult {
  /** The text the chosen item replaces: what was typed of the current work or key. */
  replace: Span;
  items: CompletionEntry[];
  /** More entries match than were returned: the editor should ask again as the person types. */
  isIncomplete: boolean;
}

/** The characters that open a completion by themselves. */
export const completionTriggers = ['(', ';', '@', '{', ',', '<', '[', '^'];

/**
 * How many items one answer carries at most; beyond it the answer is marked incomplete, and the editor asks again as the
 * person types. An editor's list shows a dozen rows; 200 leave plenty to scroll through, and at 50,000 entries an answer
 * of 1,000 items took five times as long to build and send, with pauses for garbage collection on top.
 */
export const MAX_COMPLETION_ITEMS = 200;

function yearOf(entry: ReferenceEntry): string {
  return entry.date ? formatCitationDate(entry.date) : 'n.d.';
}

/** The items of the candidates. `refilter` marks the answer incomplete even when nothing was cut, so that the editor
 * asks again as the person types and the server's word matching, not only the editor's, decides what stays. */
function limited(
  { found, more }: Candidates,
  replace: Span,
  refilter: boolean,
  toItem: (entry: ReferenceEntry, sortText: string) => CompletionEntry,
): CompletionResult {
  return {
    replace,
    items: found.map((candidate) => toItem(candidate.entry, sortKey(candidate))),
    isIncomplete: refilter || more,
  };
}

function typedDocumentation(entry: ReferenceEntry): string | undefined {
  return entry.source ? undefined : describeEntry(entry, () => '').markdown;
}

/** How the document's citation style writes an entry in a citation; numeric styles cite by number, so APA stands in. */
type EntryCiter = (entry: ReferenceEntry, form: CitationForm) => string;

function citerOf(analysis: Analysis, citationStyleId: CitationStyleId): EntryCiter {
  const style = styleOf(analysis.facts, citationStyleId);
  if (style.citations === 'author-date') return (entry, form) => style.cite(authorPhrase(entry, form), yearOf(entry), form);
  // MLA joins two authors with "and" inside parentheses too: "(Smith and Jones 45)".
  if (style.citations === 'author-page') return (entry, form) => style.cite(authorPhrase(entry, 'narrative'), form);
  return citeEntry;
}

/** "[", "[2, ", "^" being typed in a numeric style: the number of an entry goes there. */
const NUMBER_OPEN = /(?:\[(?:\d+\s*[,–-]\s*)*|\^(?:\d+,)*)(\d*)$/;

/** In a numeric style, after "[" or "^": each numbered entry, inserted as its number. */
function completeNumber(analysis: Analysis, offset: number): CompletionResult | undefined {
  const numbered = analysis.facts.numberedEntries ?? [];
  if (numbered.length === 0) return undefined;
  const lineStart = analysis.text.lastIndexOf('\n', offset - 1) + 1;
  const typed = NUMBER_OPEN.exec(analysis.text.slice(Math.max(lineStart, offset - 80), offset));
  if (!typed) return undefined;
  const replace = { start: offset - typed[1].length, end: offset };
  const items = numbered.flatMap((n): CompletionEntry[] => {
    const entry = entryOf(analysis, n.entryId);
    if (!entry) return [];
    return [{
      label: `[${n.number}] ${citeEntry(entry, 'narrative')}`,
      insertText: String(n.number),
      filterText: `${n.number} ${authorPhrase(entry, 'narrative')} ${yearOf(entry)} ${entry.title ?? ''}`,
      sortText: String(n.number).padStart(6, '0'),
      detail: entry.title,
      labelDescription: entry.title,
      entryId: entry.id,
      documentation: typedDocumentation(entry),
    }];
  });
  return { replace, items, isIncomplete: false };
}

export interface CompletionOptions {
  /** The editor accepts snippets: a parenthetical MLA citation then leaves a placeholder for its page. */
  snippets?: boolean;
}

export function complete(
  analysis: Analysis,
  offset: number,
  citationStyleId: CitationStyleId = defaultCitationStyle,
  options: CompletionOptions = {},
): CompletionResult | undefined {
  if (styleOf(analysis.facts, citationStyleId).citations === 'numeric') {
    const numbers = completeNumber(analysis, offset);
    if (numbers) return numbers;
  }
  const cite = citerOf(analysis, citationStyleId);
  const context = completionContextAt(analysis.text, offset);
  if (!context) return undefined;
  if (context.kind === 'key') {
    return limited(candidates(analysis, context.query, true, MAX_COMPLETION_ITEMS), context.replace, true, (entry, sortText) => {
      const cited = citeEntry(entry, 'narrative');
      return {
        label: entry.key!,
        insertText: entry.key!,
        filterText: `${entry.key} ${authorPhrase(entry, 'narrative')} ${yearOf(entry)} ${entry.title ?? ''}`,
        sortText,
        detail: entry.title ? `${cited} ${entry.title}` : cited,
        labelDetail: ` ${cited}`,
        labelDescription: entry.title,
        entryId: entry.id,
      };
    });
  }
  if (context.kind === 'year') {
    const key = nameKey(context.author);
    const byAuthor = (entry: ReferenceEntry) => !!entry.date && entry.authors.length > 0 && personKeys(entry.authors[0]).includes(key);
    const result = limited(candidates(analysis, '', false, MAX_COMPLETION_ITEMS, byAuthor), context.replace, false, (entry, sortText) => ({
      label: cite(entry, 'parenthetical'),
      insertText: yearOf(entry),
      filterText: yearOf(entry),
      sortText,
      detail: entry.title,
      labelDescription: entry.title,
      entryId: entry.id,
      documentation: typedDocumentation(entry),
    }));
    // A capitalised word before "(" need not be an author ("In Europe ("): then the parenthesis gets every work.
    if (result.items.length) return result;
    return completeWork(analysis, cite, 'parenthetical', context.replace, '');
  }
  const pagePlaceholder = options.snippets === true && context.form === 'parenthetical' && styleOf(analysis.facts, citationStyleId).citations === 'author-page';
  return completeWork(analysis, cite, context.form, context.replace, context.query, pagePlaceholder);
}

/** Escapes the characters a snippet reads as syntax. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (character) => `\\${character}`);
}

function completeWork(analysis: Analysis, cite: EntryCiter, form: CitationForm, replace: Span, query: string, pagePlaceholder = false): CompletionResult | undefined {
  const found = candidates(analysis, query, false, MAX_COMPLETION_ITEMS);
  if (found.found.length === 0 && analysis.facts.referenceList === undefined && analysis.bibliography.entries.length === 0) return undefined;
  return limited(found, replace, true, (entry, sortText) => ({
    label: cite(entry, 'parenthetical'),
    // MLA cites a page after the author, "(Qerimi 4)": the page is left for the person to type.
    ...(pagePlaceholder ? { insertText: `${snippetText(cite(entry, form))} \${1:page}`, snippet: true } : { insertText: cite(entry, form) }),
    filterText: `${authorPhrase(entry, form)} ${yearOf(entry)} ${entry.title ?? ''}`.trim(),
    sortText,
    detail: entry.title,
    labelDescription: entry.title,
    entryId: entry.id,
    documentation: typedDocumentation(entry),
  }));
}

/** The documentation of a completion item, rendered when the editor shows it (bibliography entries are formatted lazily). */
export function completionDocumentation(analysis: Analysis, entryId: string, render: EntryRenderer): string | undefined {
  const entry = entryOf(analysis, entryId);
  return entry ? describeEntry(entry, render).markdown : undefined;
}
