// Compares what the core found in one document with the hand-made ground truth for it. Pure: no files, no printing.
// The rules are tolerant of differences that do not change which work is meant (emphasis around a citation, a given
// name before a surname, a group name with or without a trailing acronym) and strict on the rest (years, surnames).

import type { Analysis } from '../../server/src/core/index/analysis';
import type { Citation, CitedWork, PersonName, ReferenceEntry, Resolution, Span, WorkDate } from '../../server/src/core/types';
import { nameKey } from '../../server/src/core/text/normalize';

// ---------------------------------------------------------------------------------------------------------------------
// The ground truth, as stored in the truth files.

export interface TruthWork {
  /** Surnames only, "&" between two authors, "et al." as written: "Wick & Holt", "Havelaar et al.". */
  authors: string;
  /** "2015", or "" when the work has no year. */
  year: string;
}

export interface TruthCitation {
  /** 1-based line where the citation starts, counting lines by "\n" only. */
  line: number;
  /** The exact source text, line breaks included. */
  text: string;
  works: TruthWork[];
}

export interface TruthReference {
  line: number;
  first_author: string;
  year: string;
}

/** An entry of `cited_not_listed` (which has `authors`) or `listed_not_cited` (which has `first_author`). */
export interface TruthMismatch {
  authors?: string;
  first_author?: string;
  year: string;
  line?: number;
  lines?: number[];
  note?: string;
}

export interface Truth {
  citations: TruthCitation[];
  references: TruthReference[];
  cited_not_listed: TruthMismatch[];
  listed_not_cited: TruthMismatch[];
  notes?: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// What the evaluation reports.

export interface Counts {
  truthCitations: number;
  foundCitations: number;
  matchedCitations: number;
  truthWorks: number;
  matchedWorks: number;
  truthEntries: number;
  foundEntries: number;
  /** Truth entries with a found entry on their line. */
  locatedEntries: number;
  /** Located entries whose first author and year are also right. */
  correctEntries: number;
  resolutionChecks: number;
  resolutionAgreements: number;
}

export interface Scores {
  citationPrecision?: number;
  citationRecall?: number;
  workRecall?: number;
  entryAccuracy?: number;
  resolutionAccuracy?: number;
}

export type MissKind = 'citation' | 'extra' | 'work' | 'entry' | 'resolution' | 'uncited';

export interface Miss {
  line: number;
  kind: MissKind;
  expected: string;
  found: string;
}

export interface DocumentEvaluation {
  counts: Counts;
  misses: Miss[];
  /** Places where the truth file contradicts the document or itself. */
  truthWarnings: string[];
}

export type FoundFacts = Pick<Analysis, 'facts' | 'resolution'>;

// ---------------------------------------------------------------------------------------------------------------------
// Lines and spans.

/** Converts between offsets and 1-based line numbers, counting lines by "\n" only (as the truth files do). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The offset where a 1-based line starts, or undefined past the end of the text. */
  startOf(line: number): number | undefined {
    return this.starts[line - 1];
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** The first and last line a span touches (its end is exclusive). */
  linesOf(span: Span): { first: number; last: number } {
    return { first: this.lineOf(span.start), last: this.lineOf(Math.max(span.start, span.end - 1)) };
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Finds each truth citation's text at its line. The same text twice on one line (two identical citations) gets two
 * different spans because a span already taken by the same text is skipped. Undefined where the text is not on its line.
 */
export function locateTruthCitations(text: string, lines: LineIndex, citations: TruthCitation[]): (Span | undefined)[] {
  const taken: Span[] = [];
  return citations.map((citation) => {
    const lineStart = lines.startOf(citation.line);
    if (lineStart === undefined || citation.text === '') return undefined;
    let at = text.indexOf(citation.text, lineStart);
    while (at >= 0 && lines.lineOf(at) === citation.line) {
      const span = { start: at, end: at + citation.text.length };
      if (!taken.some((t) => t.start === span.start)) {
        taken.push(span);
        return span;
      }
      at = text.indexOf(citation.text, at + 1);
    }
    return undefined;
  });
}

/**
 * Pairs truth spans with found spans one to one: in order of position, each truth span takes the first unpaired found
 * span that overlaps it. Returns, for each truth span, the index of its found span.
 */
export function pairByOverlap(truthSpans: (Span | undefined)[], foundSpans: Span[]): (number | undefined)[] {
  const pairs: (number | undefined)[] = truthSpans.map(() => undefined);
  const foundOrder = foundSpans.map((_, i) => i).sort((a, b) => foundSpans[a].start - foundSpans[b].start);
  const truthOrder = truthSpans
    .map((span, i) => ({ span, i }))
    .filter((t): t is { span: Span; i: number } => t.span !== undefined)
    .sort((a, b) => a.span.start - b.span.start);
  const used = new Set<number>();
  for (const { span, i } of truthOrder) {
    const partner = foundOrder.find((j) => !used.has(j) && overlaps(span, foundSpans[j]));
    if (partner === undefined) continue;
    used.add(partner);
    pairs[i] = partner;
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------------------------------
// Names and years.

/** The first surname of a truth author string: "Wick" in "Wick & Holt", "Bajari" in "Bajari, Benkard & Levin". */
export function firstSurname(authors: string): string {
  const parts = authors.split(/\s*(?:&|,|\/|\bet\.?\s*al\.?|\band\b)\s*/);
  return parts.find((part) => part.trim() !== '')?.trim() ?? '';
}

/** A name's words as comparison keys; dots separate words so that "A.Richter" reads as "A. Richter". */
function nameWords(name: string): string[] {
  return name
    .split(/[\s.]+/)
    .map(nameKey)
    .filter((word) => word.length > 0);
}

function startsWithWords(words: string[], run: string[], from: number): boolean {
  return run.every((word, i) => words[from + i] === word);
}

/**
 * Do two names mean the same author? Equal keys always do. Otherwise the shorter name's words must be the leading or
 * trailing words of the longer one: a given name or initial before a surname ("Hubert Dreyfus", "A.Richter"), a particle
 * ("de Valpine"), a qualifier before a group ("U.S. Department of Justice"), or an acronym after it ("… (RTD)").
 * A hyphenated or glued surname is one word, so "Sáez" is not "Vicente-Sáez".
 */
export function sameName(a: string, b: string): boolean {
  const keyA = nameKey(a);
  const keyB = nameKey(b);
  if (keyA === '' || keyB === '') return false;
  if (keyA === keyB) return true;
  const wordsA = nameWords(a);
  const wordsB = nameWords(b);
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  if (shorter.length === 0 || shorter.length === longer.length) return false;
  return startsWithWords(longer, shorter, 0) || startsWithWords(longer, shorter, longer.length - shorter.length);
}

/** The year as the truth writes it: digits and a/b suffix, or "" for a work without a year. */
function yearText(date: WorkDate | undefined): string {
  if (!date || date.year === undefined) return '';
  return `${date.year}${date.suffix ?? ''}`;
}

function personName(name: PersonName): string {
  return name.literal ?? [name.particle, name.family].filter((part) => part).join(' ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Descriptions used in the list of misses.

const DESCRIPTION_CHARS = 60;

function shorten(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length <= DESCRIPTION_CHARS ? collapsed : `${collapsed.slice(0, DESCRIPTION_CHARS - 1)}…`;
}

function describeTruthWork(work: TruthWork): string {
  return `${work.authors} ${work.year || '(no year)'}`;
}

function describeFoundWork(work: CitedWork): string {
  const authors = work.authors.join(' & ') + (work.etAl ? ' et al.' : '');
  return `${authors || '(no author)'} ${work.date.text || '(no year)'}`;
}

function describeTruthReference(reference: TruthReference): string {
  return `${reference.first_author} ${reference.year || '(no year)'}`;
}

function describeEntry(entry: ReferenceEntry, lines: LineIndex): string {
  const { first, last } = lines.linesOf(entry.span);
  const author = entry.authors[0] ? personName(entry.authors[0]) : '(no author)';
  const where = first === last ? `line ${first}` : `lines ${first}-${last}`;
  return `${author} ${entry.date?.text || '(no year)'} [${where}]`;
}

function describeCitationsOnLine(text: string, citations: Citation[], lines: LineIndex, line: number): string {
  const touching = citations.filter((citation) => {
    const { first, last } = lines.linesOf(citation.span);
    return first <= line && line <= last;
  });
  if (touching.length === 0) return 'nothing on this line';
  return touching.map((citation) => shorten(text.slice(citation.span.start, citation.span.end))).join(' | ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Cited works.

function workMatches(truth: TruthWork, found: CitedWork): boolean {
  return yearText(found.date) === truth.year && sameName(firstSurname(truth.authors), found.authors[0] ?? '');
}

/** Pairs the works of a truth citation with the items of its found citation, one to one. */
export function matchWorks(truthWorks: TruthWork[], foundWorks: CitedWork[]): (number | undefined)[] {
  const used = new Set<number>();
  return truthWorks.map((truth) => {
    const index = foundWorks.findIndex((found, i) => !used.has(i) && workMatches(truth, found));
    if (index < 0) return undefined;
    used.add(index);
    return index;
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Reference entries.

function entryAuthorMatches(reference: TruthReference, entry: ReferenceEntry): boolean {
  const first = entry.authors[0];
  if (first) return sameName(reference.first_author, personName(first)) || sameName(reference.first_author, first.family);
  // An entry without authors starts with its title or label, which the truth then names as the author.
  const key = nameKey(reference.first_author);
  return key !== '' && nameKey(entry.text).startsWith(key);
}

function entryMatches(reference: TruthReference, entry: ReferenceEntry): boolean {
  return entryAuthorMatches(reference, entry) && yearText(entry.date) === reference.year;
}

/**
 * Finds, for each truth reference, the found entry on its line: first the entries that start on that line, then among
 * the rest those that contain it (an entry whose first line was misjudged). One to one.
 */
export function locateEntries(lines: LineIndex, references: TruthReference[], entries: ReferenceEntry[]): (number | undefined)[] {
  const ranges = entries.map((entry) => lines.linesOf(entry.span));
  const located: (number | undefined)[] = references.map(() => undefined);
  const used = new Set<number>();
  const claim = (accepts: (range: { first: number; last: number }, line: number) => boolean) => {
    references.forEach((reference, i) => {
      if (located[i] !== undefined) return;
      const index = ranges.findIndex((range, j) => !used.has(j) && accepts(range, reference.line));
      if (index < 0) return;
      used.add(index);
      located[i] = index;
    });
  };
  claim((range, line) => range.first === line);
  claim((range, line) => range.first <= line && line <= range.last);
  return located;
}

// ---------------------------------------------------------------------------------------------------------------------
// What the truth expects of resolution. Truth is compared with truth strictly, by equal keys.

function sameTruthWork(firstAuthor: string, year: string, mismatch: TruthMismatch): boolean {
  const other = mismatch.first_author ?? firstSurname(mismatch.authors ?? '');
  return mismatch.year === year && nameKey(other) !== '' && nameKey(other) === nameKey(firstAuthor);
}

function isCitedNotListed(work: TruthWork, truth: Truth): boolean {
  return truth.cited_not_listed.some((mismatch) => sameTruthWork(firstSurname(work.authors), work.year, mismatch));
}

/** Does a `listed_not_cited` entry name this reference? By line when it gives one, else by first author and year. */
function namesReference(mismatch: TruthMismatch, reference: TruthReference): boolean {
  if (mismatch.line !== undefined) return mismatch.line === reference.line;
  return sameTruthWork(reference.first_author, reference.year, mismatch);
}

function isListedNotCited(reference: TruthReference, truth: Truth): boolean {
  return truth.listed_not_cited.some((mismatch) => namesReference(mismatch, reference));
}

/** Exempt works (secondary originals, personal communications) need no entry, which the truth calls listed. */
function isListed(resolution: Resolution): boolean {
  return resolution.status !== 'missing';
}

function listedWord(listed: boolean): string {
  return listed ? 'listed' : 'missing';
}

// ---------------------------------------------------------------------------------------------------------------------
// One document.

export function emptyCounts(): Counts {
  return {
    truthCitations: 0,
    foundCitations: 0,
    matchedCitations: 0,
    truthWorks: 0,
    matchedWorks: 0,
    truthEntries: 0,
    foundEntries: 0,
    locatedEntries: 0,
    correctEntries: 0,
    resolutionChecks: 0,
    resolutionAgreements: 0,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] = a[key] + b[key];
  return sum;
}

function ratio(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}

export function scoresOf(counts: Counts): Scores {
  return {
    citationPrecision: ratio(counts.matchedCitations, counts.foundCitations),
    citationRecall: ratio(counts.matchedCitations, counts.truthCitations),
    workRecall: ratio(counts.matchedWorks, counts.truthWorks),
    entryAccuracy: ratio(counts.correctEntries, counts.truthEntries),
    resolutionAccuracy: ratio(counts.resolutionAgreements, counts.resolutionChecks),
  };
}

/** Collects counts and misses while the document is compared. */
class Tally {
  readonly counts = emptyCounts();
  readonly misses: Miss[] = [];
  readonly truthWarnings: string[] = [];

  miss(line: number, kind: MissKind, expected: string, found: string): void {
    this.misses.push({ line, kind, expected, found });
  }

  resolution(agrees: boolean): void {
    this.counts.resolutionChecks++;
    if (agrees) this.counts.resolutionAgreements++;
  }
}

function evaluateCitations(text: string, lines: LineIndex, truth: Truth, found: FoundFacts, tally: Tally): void {
  const citations = found.facts.citations;
  const truthSpans = locateTruthCitations(text, lines, truth.citations);
  const pairs = pairByOverlap(truthSpans, citations.map((citation) => citation.span));
  tally.counts.truthCitations += truth.citations.length;
  tally.counts.foundCitations += citations.length;
  truth.citations.forEach((citation, i) => {
    tally.counts.truthWorks += citation.works.length;
    if (truthSpans[i] === undefined) {
      tally.truthWarnings.push(`line ${citation.line}: citation text ${JSON.stringify(shorten(citation.text))} is not on this line`);
    }
    const partner = pairs[i];
    if (partner === undefined) {
      tally.miss(citation.line, 'citation', shorten(citation.text), describeCitationsOnLine(text, citations, lines, citation.line));
      return;
    }
    tally.counts.matchedCitations++;
    evaluateWorks(citation, citations[partner], found.resolution.byCitation[partner] ?? [], truth, tally);
  });
  const paired = new Set(pairs);
  citations.forEach((citation, j) => {
    if (paired.has(j)) return;
    tally.miss(lines.lineOf(citation.span.start), 'extra', 'no citation', shorten(text.slice(citation.span.start, citation.span.end)));
  });
}

/**
 * Compares the works of a matched citation and, for each, whether it resolves as the truth expects. A work that was not
 * read cannot resolve as expected, so it counts as a disagreement too: the resolution score never rises by reading less.
 */
function evaluateWorks(truthCitation: TruthCitation, citation: Citation, resolutions: Resolution[], truth: Truth, tally: Tally): void {
  const pairs = matchWorks(truthCitation.works, citation.items);
  const foundText = citation.items.map(describeFoundWork).join('; ') || 'no works';
  truthCitation.works.forEach((work, i) => {
    const expected = listedWord(!isCitedNotListed(work, truth));
    const index = pairs[i];
    if (index === undefined) {
      tally.miss(truthCitation.line, 'work', describeTruthWork(work), foundText);
      tally.resolution(false);
      return;
    }
    tally.counts.matchedWorks++;
    const resolution = resolutions[index];
    const observed = resolution ? listedWord(isListed(resolution)) : 'unresolved';
    tally.resolution(observed === expected);
    if (observed !== expected) {
      tally.miss(truthCitation.line, 'resolution', `${describeTruthWork(work)} ${expected}`, `${describeFoundWork(citation.items[index])} ${observed}`);
    }
  });
}

/** Compares the entries on the truth's lines and whether each is cited; an entry not found counts as a disagreement. */
function evaluateEntries(lines: LineIndex, truth: Truth, found: FoundFacts, tally: Tally): void {
  const entries = found.facts.referenceList?.entries ?? [];
  const located = locateEntries(lines, truth.references, entries);
  tally.counts.truthEntries += truth.references.length;
  tally.counts.foundEntries += entries.length;
  truth.references.forEach((reference, i) => {
    const expectedUncited = isListedNotCited(reference, truth);
    const index = located[i];
    const entry = index === undefined ? undefined : entries[index];
    if (!entry) {
      tally.miss(reference.line, 'entry', describeTruthReference(reference), 'no entry on this line');
      tally.resolution(false);
      return;
    }
    tally.counts.locatedEntries++;
    if (entryMatches(reference, entry)) tally.counts.correctEntries++;
    else tally.miss(reference.line, 'entry', describeTruthReference(reference), describeEntry(entry, lines));
    const citeCount = found.resolution.citeCount.get(entry.id) ?? 0;
    tally.resolution((citeCount === 0) === expectedUncited);
    if ((citeCount === 0) !== expectedUncited) {
      const expected = `${describeTruthReference(reference)} ${expectedUncited ? 'never cited' : 'cited'}`;
      tally.miss(reference.line, 'uncited', expected, citeCount === 0 ? 'never cited' : `cited ${citeCount}×`);
    }
  });
}

/**
 * Checks the truth against itself, strictly: every cited work is either listed under the same first author and year
 * or in `cited_not_listed`, and every mismatch entry points at something that exists.
 */
export function checkTruth(truth: Truth): string[] {
  const warnings: string[] = [];
  const works = truth.citations.flatMap((citation) => citation.works.map((work) => ({ line: citation.line, work })));
  const listedAs = (firstAuthor: string, year: string) =>
    truth.references.some((reference) => reference.year === year && nameKey(reference.first_author) === nameKey(firstAuthor));
  for (const { line, work } of works) {
    const listed = listedAs(firstSurname(work.authors), work.year);
    const notListed = isCitedNotListed(work, truth);
    if (listed && notListed) warnings.push(`line ${line}: ${describeTruthWork(work)} is in cited_not_listed but a reference has that author and year`);
    if (!listed && !notListed) warnings.push(`line ${line}: ${describeTruthWork(work)} has no reference with that first author and year, and is not in cited_not_listed`);
  }
  for (const mismatch of truth.cited_not_listed) {
    const cited = works.some(({ work }) => sameTruthWork(firstSurname(work.authors), work.year, mismatch));
    if (!cited) warnings.push(`cited_not_listed ${mismatch.authors ?? mismatch.first_author} ${mismatch.year} matches no cited work`);
  }
  for (const mismatch of truth.listed_not_cited) {
    const listed = truth.references.some((reference) => namesReference(mismatch, reference));
    if (!listed) warnings.push(`listed_not_cited ${mismatch.first_author ?? mismatch.authors} ${mismatch.year} matches no reference`);
  }
  return [...new Set(warnings)];
}

export function evaluateDocument(text: string, truth: Truth, found: FoundFacts): DocumentEvaluation {
  const lines = new LineIndex(text);
  const tally = new Tally();
  evaluateCitations(text, lines, truth, found, tally);
  evaluateEntries(lines, truth, found, tally);
  tally.truthWarnings.push(...checkTruth(truth));
  const misses = [...tally.misses].sort((a, b) => a.line - b.line);
  return { counts: tally.counts, misses, truthWarnings: tally.truthWarnings };
}

// ---------------------------------------------------------------------------------------------------------------------
// Style findings: not scored against the truth (it has none), but counted so that false alarms show.

/** The diagnostic codes of the style rules: APA's, Chicago's, MLA's and the numeric styles'. */
const STYLE_RULE_CODE = /^(?:apa|chicago|mla|numeric|ieee)-/;

export function isStyleFinding(diagnostic: { code: string }): boolean {
  return STYLE_RULE_CODE.test(diagnostic.code);
}

/** How many diagnostics of each style rule a document has, by code. */
export function styleFindingCounts(diagnostics: { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { code } of diagnostics) if (isStyleFinding({ code })) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

export function addFindingCounts(sum: Record<string, number>, counts: Record<string, number>): Record<string, number> {
  const total = { ...sum };
  for (const [code, count] of Object.entries(counts)) total[code] = (total[code] ?? 0) + count;
  return total;
}
