// Completion of citations. Author-date: inside a parenthesis it writes "Qerimi, 2023", in running text "Qerimi (2023)",
// and after a narrative author's "(" the year alone. Keys: after "@", inside "\cite{" (after commas too) and in Typst's
// "#cite(<". Candidates are filtered by every word typed (key, author, year or title words, in any order, abbreviated or
// with one letter wrong); entries already cited come first. Long lists are cut with `isIncomplete` set, so the editor asks
// again as the person types and no entry is hidden for good.

import { entryOf, type Analysis } from '../index/analysis';
import type { Bibliography } from '../index/bibliography';
import { authorPhrase, citeEntry, type CitationForm } from '../style/apa';
import { styleOf } from '../style/citationStyles';
import { defaultCitationStyle, type CitationStyleId, type ReferenceEntry, type Span } from '../types';
import { formatCitationDate } from '../syntax/dates';
import { nameKey, titleWords } from '../text/normalize';
import { matchesAll } from '../text/fuzzy';
import { personKeys } from '../resolve/resolve';
import { completionContextAt } from './completionContext';
import { describeEntry, type EntryRenderer } from './entryText';
import { bibliographyMatcher, searchWords } from './entrySearch';

export interface CompletionEntry {
  label: string;
  insertText: string;
  filterText: string;
  sortText: string;
  detail?: string;
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

/** How many items one answer carries at most; beyond it the answer is marked incomplete. */
export const MAX_COMPLETION_ITEMS = 1000;

function yearOf(entry: ReferenceEntry): string {
  return entry.date ? formatCitationDate(entry.date) : 'n.d.';
}

interface Candidate {
  entry: ReferenceEntry;
  /** The position in the typed list followed by the bibliography's entries (keyless ones left out for keys). */
  index: number;
  cited: boolean;
}

/** Cited entries first, then the order of the list or file. */
function sortKey(candidate: Candidate): string {
  return (candidate.cited ? '0' : '1') + String(candidate.index).padStart(7, '0');
}

/** The entries that may be offered, in order, and whether more than those match. */
interface Candidates {
  found: Candidate[];
  more: boolean;
}

/**
 * The entries that match every word of the query, cited ones first, each group in list order (the typed list, then the
 * bibliography), at most MAX_COMPLETION_ITEMS of them. The cited entries are few and looked at directly; the others are
 * read in order only until one more than fits is found, so a short query in a large bibliography stops early, and a
 * long one checks each entry's letters before its words (see bibliographyMatcher).
 */
function candidates(analysis: Analysis, query: string, keyed: boolean, accept: (entry: ReferenceEntry) => boolean = () => true): Candidates {
  const queryWords = titleWords(query);
  const typed = keyed ? [] : analysis.facts.referenceList?.entries ?? [];
  const bibliography = analysis.bibliography;
  const entries = bibliography.entries;
  const typedMatches = (entry: ReferenceEntry) => accept(entry) && (queryWords.length === 0 || matchesAll(queryWords, searchWords(entry)));
  const matcher = queryWords.length === 0 ? undefined : bibliographyMatcher(bibliography, queryWords);
  const bibliographyMatches = (position: number) => (!keyed || !!entries[position].key) && (!matcher || matcher(position)) && accept(entries[position]);
  // An entry's index counts the entries before it that could be listed: for keys, those with a key.
  const indexOf = keyed ? (position: number) => typed.length + keyedRanks(bibliography)[position] : (position: number) => typed.length + position;
  const isCitedTyped = (entry: ReferenceEntry) => (analysis.resolution.citeCount.get(entry.id) ?? 0) > 0;
  const citedInBibliography = citedPositions(analysis);

  const found: Candidate[] = [];
  typed.forEach((entry, index) => {
    if (isCitedTyped(entry) && typedMatches(entry)) found.push({ entry, index, cited: true });
  });
  for (const position of citedInBibliography.inOrder) {
    if (bibliographyMatches(position)) found.push({ entry: entries[position], index: indexOf(position), cited: true });
  }
  const limit = Math.max(found.length, MAX_COMPLETION_ITEMS);
  const take = (candidate: Candidate): boolean => {
    if (found.length === limit) return false;
    found.push(candidate);
    return true;
  };
  for (let index = 0; index < typed.length; index++) {
    const entry = typed[index];
    if (!isCitedTyped(entry) && typedMatches(entry) && !take({ entry, index, cited: false })) return { found: found.slice(0, MAX_COMPLETION_ITEMS), more: true };
  }
  for (let position = 0; position < entries.length; position++) {
    if (citedInBibliography.all.has(position) || !bibliographyMatches(position)) continue;
    if (!take({ entry: entries[position], index: indexOf(position), cited: false })) return { found: found.slice(0, MAX_COMPLETION_ITEMS), more: true };
  }
  return { found: found.slice(0, MAX_COMPLETION_ITEMS), more: found.length > MAX_COMPLETION_ITEMS };
}

/** For each entry of a bibliography, how many entries with a key come before it. */
const bibliographyKeyedRanks = new WeakMap<Bibliography, number[]>();

function keyedRanks(bibliography: Bibliography): number[] {
  let ranks = bibliographyKeyedRanks.get(bibliography);
  if (!ranks) {
    let keyedBefore = 0;
    ranks = bibliography.entries.map((entry) => (entry.key ? keyedBefore++ : keyedBefore));
    bibliographyKeyedRanks.set(bibliography, ranks);
  }
  return ranks;
}

/** Where the entries of a bibliography stand in its `entries`, by id (a key defined twice in one file gives two). */
const bibliographyPositions = new WeakMap<Bibliography, Map<string, number[]>>();

function positionsById(bibliography: Bibliography): Map<string, number[]> {
  let positions = bibliographyPositions.get(bibliography);
  if (!positions) {
    const byId = new Map<string, number[]>();
    bibliography.entries.forEach((entry, position) => {
      const same = byId.get(entry.id);
      if (same) same.push(position);
      else byId.set(entry.id, [position]);
    });
    positions = byId;
    bibliographyPositions.set(bibliography, positions);
  }
  return positions;
}

/** The positions of the bibliography entries the document cites, found once per analysis. */
const citedByAnalysis = new WeakMap<Analysis, { inOrder: number[]; all: Set<number> }>();

function citedPositions(analysis: Analysis): { inOrder: number[]; all: Set<number> } {
  let cited = citedByAnalysis.get(analysis);
  if (!cited) {
    const all = new Set<number>();
    if (analysis.bibliography.entries.length > 0) {
      const positions = positionsById(analysis.bibliography);
      for (const [id, count] of analysis.resolution.citeCount) {
        if (count > 0) for (const position of positions.get(id) ?? []) all.add(position);
      }
    }
    cited = { inOrder: [...all].sort((a, b) => a - b), all };
    citedByAnalysis.set(analysis, cited);
  }
  return cited;
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
  if (style.citations === 'author-page') return (entry, form) => style.cite(authorPhrase(entry, form), form);
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
      entryId: entry.id,
      documentation: typedDocumentation(entry),
    }];
  });
  return { replace, items, isIncomplete: false };
}

export function complete(analysis: Analysis, offset: number, citationStyleId: CitationStyleId = defaultCitationStyle): CompletionResult | undefined {
  if (styleOf(analysis.facts, citationStyleId).citations === 'numeric') {
    const numbers = completeNumber(analysis, offset);
    if (numbers) return numbers;
  }
  const cite = citerOf(analysis, citationStyleId);
  const context = completionContextAt(analysis.text, offset);
  if (!context) return undefined;
  if (context.kind === 'key') {
    return limited(candidates(analysis, context.query, true), context.replace, true, (entry, sortText) => ({
      label: entry.key!,
      insertText: entry.key!,
      filterText: `${entry.key} ${authorPhrase(entry, 'narrative')} ${yearOf(entry)} ${entry.title ?? ''}`,
      sortText,
      detail: `${citeEntry(entry, 'narrative')}${entry.title ? ` ${entry.title}` : ''}`,
      entryId: entry.id,
    }));
  }
  if (context.kind === 'year') {
    const key = nameKey(context.author);
    const byAuthor = (entry: ReferenceEntry) => !!entry.date && entry.authors.length > 0 && personKeys(entry.authors[0]).includes(key);
    const result = limited(candidates(analysis, '', false, byAuthor), context.replace, false, (entry, sortText) => ({
      label: cite(entry, 'parenthetical'),
      insertText: yearOf(entry),
      filterText: yearOf(entry),
      sortText,
      detail: entry.title,
      entryId: entry.id,
      documentation: typedDocumentation(entry),
    }));
    // A capitalised word before "(" need not be an author ("In Europe ("): then the parenthesis gets every work.
    if (result.items.length) return result;
    return completeWork(analysis, cite, 'parenthetical', context.replace, '');
  }
  return completeWork(analysis, cite, context.form, context.replace, context.query);
}

function completeWork(analysis: Analysis, cite: EntryCiter, form: CitationForm, replace: Span, query: string): CompletionResult | undefined {
  const found = candidates(analysis, query, false);
  if (found.found.length === 0 && analysis.facts.referenceList === undefined && analysis.bibliography.entries.length === 0) return undefined;
  return limited(found, replace, true, (entry, sortText) => ({
    label: cite(entry, 'parenthetical'),
    insertText: cite(entry, form),
    filterText: `${authorPhrase(entry, form)} ${yearOf(entry)} ${entry.title ?? ''}`.trim(),
    sortText,
    detail: entry.title,
    entryId: entry.id,
    documentation: typedDocumentation(entry),
  }));
}

/** The documentation of a completion item, rendered when the editor shows it (bibliography entries are formatted lazily). */
export function completionDocumentation(analysis: Analysis, entryId: string, render: EntryRenderer): string | undefined {
  const entry = entryOf(analysis, entryId);
  return entry ? describeEntry(entry, render).markdown : undefined;
}
