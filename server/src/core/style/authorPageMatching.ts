// How a document's author-page citations (MLA) meet its Works Cited list, which has no years to match on: by the first
// author's surname, the other named authors, and, when an author has several works, the short title's first words.
// Read by the MLA diagnostics and hover; computed once per analysis.

import type { Analysis } from '../index/analysis';
import type { AuthorPageCitation, AuthorPageWork, DocumentFacts, ReferenceEntry, Span } from '../types';
import { editDistance, nameKey, titleWords } from '../text/normalize';
import { worksCitedSurnames } from '../syntax/authorPageCitations';
import { entryIdsOfWork } from '../resolve/resolve';
import { heldIn } from '../memo';

export type AuthorPageResolution =
  /** One entry, or every work of the author when the citation gives no short title to choose by. */
  | { status: 'resolved'; entryIds: string[] }
  /** No entry by the author (or none with the title); the entry whose first surname is spelt closest, if any. */
  | { status: 'missing'; nearest?: ReferenceEntry };

export interface AuthorPageMatching {
  /** Per author-page citation, per work. */
  byCitation: AuthorPageResolution[][];
  /** How many cited works point at each entry. */
  citeCount: Map<string, number>;
}

const matchingByAnalysis = new WeakMap<Analysis, AuthorPageMatching>();

export function matchAuthorPageCitations(analysis: Analysis): AuthorPageMatching {
  return heldIn(matchingByAnalysis, analysis, () => computeMatching(analysis.facts));
}

const worksCitedCountsByAnalysis = new WeakMap<Analysis, Map<string, number>>();

/**
 * How often each entry is cited in an author-page style: by author-page citations, and by author-date citations and keys
 * that resolved to it. A parenthesis read both ways ("(Deng et al. 2009)": page 2009 or year 2009) counts each entry
 * that either reading finds once.
 */
export function worksCitedCounts(analysis: Analysis): Map<string, number> {
  return heldIn(worksCitedCountsByAnalysis, analysis, () => countWorksCited(analysis));
}

function countWorksCited(analysis: Analysis): Map<string, number> {
  const counts = new Map(analysis.resolution.citeCount);
  const { citations } = analysis.facts;
  const { byCitation } = matchAuthorPageCitations(analysis);
  // Both lists are in document order, so one pass finds the author-date citations that each author-page one overlaps.
  let first = 0;
  (analysis.facts.authorPageCitations ?? []).forEach((page, pi) => {
    while (first < citations.length && citations[first].span.end <= page.span.start) first++;
    const countedAlready = new Set<string>();
    for (let ci = first; ci < citations.length && citations[ci].span.start < page.span.end; ci++) {
      for (const result of analysis.resolution.byCitation[ci] ?? []) for (const id of entryIdsOfWork(result)) countedAlready.add(id);
    }
    for (const result of byCitation[pi] ?? []) {
      if (result.status !== 'resolved') continue;
      for (const id of result.entryIds) if (!countedAlready.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  });
  return counts;
}

interface ListedWork {
  entry: ReferenceEntry;
  surnames: string[];
  title: string[];
}

function computeMatching(facts: DocumentFacts): AuthorPageMatching {
  const listed: ListedWork[] = (facts.referenceList?.entries ?? []).map((entry) => ({
    entry,
    surnames: worksCitedSurnames(entry),
    title: withoutArticle(titleWords(entry.title ?? '')),
  }));
  const citeCount = new Map<string, number>();
  const byCitation = (facts.authorPageCitations ?? []).map((citation) =>
    citation.items.map((work) => {
      const resolution = resolveWork(work, listed);
      if (resolution.status === 'resolved') for (const id of resolution.entryIds) citeCount.set(id, (citeCount.get(id) ?? 0) + 1);
      return resolution;
    }),
  );
  return { byCitation, citeCount };
}

function resolveWork(work: AuthorPageWork, listed: ListedWork[]): AuthorPageResolution {
  const cited = work.authors.map(nameKey);
  const byAuthor = listed.filter((candidate) => candidate.surnames[0] === cited[0] && namesCoauthors(cited, candidate.surnames));
  const citedTitle = withoutArticle(titleWords(work.title ?? ''));
  const chosen = citedTitle.length ? byAuthor.filter((candidate) => startsWith(candidate.title, citedTitle)) : byAuthor;
  if (chosen.length) return { status: 'resolved', entryIds: chosen.map((candidate) => candidate.entry.id) };
  return { status: 'missing', nearest: byAuthor[0]?.entry ?? nearestBySurname(cited[0], listed) };
}

/** The other authors a citation names are authors of the entry too, when the entry's authors are known. */
function namesCoauthors(cited: string[], surnames: string[]): boolean {
  return surnames.length < 2 || cited.slice(1).every((name) => surnames.includes(name));
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** A short title may drop the title's leading article: "*Great Gatsby*" for *The Great Gatsby*. */
function withoutArticle(words: string[]): string[] {
  return words.length > 1 && ARTICLES.has(words[0]) ? words.slice(1) : words;
}

function startsWith(title: string[], short: string[]): boolean {
  return short.length <= title.length && short.every((word, i) => title[i] === word);
}

/** The entry whose first surname is within a typo of the cited one: one letter for short names, two for long ones. */
function nearestBySurname(cited: string, listed: ListedWork[]): ReferenceEntry | undefined {
  const limit = cited.length >= 6 ? 2 : 1;
  let best: { entry: ReferenceEntry; distance: number } | undefined;
  for (const candidate of listed) {
    const surname = candidate.surnames[0];
    if (!surname) continue;
    const distance = editDistance(cited, surname, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { entry: candidate.entry, distance };
  }
  return best?.entry;
}

export interface AuthorPageWorkAt {
  citation: AuthorPageCitation;
  citationIndex: number;
  work: AuthorPageWork;
  workIndex: number;
}

/** The author-page work under the offset: the work the offset is in, or the first of the citation it is in. */
export function authorPageWorkAt(facts: DocumentFacts, offset: number): AuthorPageWorkAt | undefined {
  const citations = facts.authorPageCitations ?? [];
  const citationIndex = citations.findIndex((citation) => within(citation.span, offset));
  if (citationIndex < 0) return undefined;
  const citation = citations[citationIndex];
  const workIndex = Math.max(0, citation.items.findIndex((work) => within(work.span, offset)));
  return { citation, citationIndex, work: citation.items[workIndex], workIndex };
}

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
