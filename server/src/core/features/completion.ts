// Completion of author-date citations from the reference list: inside a parenthesis it writes "Qerimi, 2023", in running
// text "Qerimi (2023)", and after a narrative author's "(" the year alone. Candidates are filtered by every word typed
// (author, year or title words, in any order, abbreviated or with one letter wrong), so that a long list stays short.

import type { Analysis } from '../index/analysis';
import type { ReferenceEntry, Span } from '../types';
import { authorPhrase, citeEntry, type CitationForm } from '../style/apa';
import { formatCitationDate } from '../syntax/dates';
import { editDistance, nameKey, titleWords } from '../text/normalize';
import { personKeys } from '../resolve/resolve';
import { entryMarkdown } from './hover';

export interface CompletionEntry {
  label: string;
  insertText: string;
  filterText: string;
  sortText: string;
  detail?: string;
  documentation: string;
}

export interface CompletionResult {
  /** The text the chosen item replaces: what was typed of the current work. */
  replace: Span;
  items: CompletionEntry[];
}

/** The characters that open a completion by themselves. */
export const completionTriggers = ['(', ';'];

const PREFIXES = /^(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?|for example,?|compare)\s+/i;
const TYPED_WORK = /^[\p{L}\p{M}\d'’.&,\- ]*$/u;
const LOOK_BACK = 300;
/** The first author of a narrative citation just before its "(": "Ziter et al. ", "Nguyen and Tran ", "Müller's ". */
const NARRATIVE_AUTHOR_BEFORE =
  /([\p{Lu}][\p{L}\p{M}'’-]+)(?:'s|’s|\s+et\s+al\.?|\s+(?:and|&)\s+[\p{Lu}][\p{L}\p{M}'’-]+(?:'s|’s)?)?\s*$/u;

type Context =
  | { kind: 'work'; form: CitationForm; replace: Span; query: string }
  | { kind: 'year'; author: string; replace: Span };

/** Works out from the text before the cursor what is being typed. */
function contextAt(text: string, offset: number): Context | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(Math.max(lineStart, offset - LOOK_BACK), offset);
  const open = before.lastIndexOf('(');
  if (open >= 0 && before.indexOf(')', open) < 0) {
    const inner = before.slice(open + 1);
    const outside = before.slice(0, open);
    const narrativeAuthor = NARRATIVE_AUTHOR_BEFORE.exec(outside);
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

/** The words a query is matched against: author names, the year and the title. */
function searchWords(entry: ReferenceEntry): string[] {
  const words = entry.authors.flatMap((a) => titleWords(a.literal ?? `${a.particle ?? ''} ${a.family}`));
  if (entry.date) words.push(formatCitationDate(entry.date).toLowerCase());
  words.push(...titleWords(entry.title ?? ''));
  return words;
}

/** Whether the letters of `query` appear in order in `word`, starting with its first letter ("qrm" in "qerimi"). */
function isAbbreviationOf(query: string, word: string): boolean {
  if (query[0] !== word[0]) return false;
  let at = 0;
  for (const letter of query) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** A query word fits an entry word that it starts, abbreviates, or starts with one letter wrong ("Qerini"); a year
 * only fits a year it starts. */
function fits(query: string, word: string): boolean {
  if (word.startsWith(query)) return true;
  if (/^\d/.test(query)) return false;
  if (isAbbreviationOf(query, word)) return true;
  return query.length >= 4 && word.length >= query.length && editDistance(query, word.slice(0, query.length), 1) <= 1;
}

/** Every word of the query must fit one of the entry's words. */
function matchesQuery(queryWords: string[], entryWords: string[]): boolean {
  return queryWords.every((q) => entryWords.some((w) => fits(q, w)));
}

function item(entry: ReferenceEntry, index: number, form: CitationForm, insertText: string): CompletionEntry {
  const label = citeEntry(entry, 'parenthetical');
  return {
    label,
    insertText,
    filterText: `${authorPhrase(entry, form)} ${entry.date ? formatCitationDate(entry.date) : ''} ${entry.title ?? ''}`.trim(),
    sortText: String(index).padStart(6, '0'),
    detail: entry.title,
    documentation: entryMarkdown(entry),
  };
}

export function complete(analysis: Analysis, offset: number): CompletionResult | undefined {
  const entries = analysis.facts.referenceList?.entries ?? [];
  if (entries.length === 0) return undefined;
  const context = contextAt(analysis.text, offset);
  if (!context) return undefined;
  if (context.kind === 'year') {
    const key = nameKey(context.author);
    const items = entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.date && entry.authors.length > 0 && personKeys(entry.authors[0]).includes(key))
      .map(({ entry, index }) => item(entry, index, 'narrative', formatCitationDate(entry.date!)))
      .map((i) => ({ ...i, filterText: i.insertText }));
    return items.length ? { replace: context.replace, items } : undefined;
  }
  const queryWords = titleWords(context.query);
  const items = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => queryWords.length === 0 || matchesQuery(queryWords, searchWords(entry)))
    .map(({ entry, index }) => item(entry, index, context.form, citeEntry(entry, context.form)));
  return { replace: context.replace, items };
}
