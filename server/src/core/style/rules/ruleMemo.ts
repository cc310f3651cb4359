// The findings of the citation and list rules, kept from one version of a document to the next. A keystroke changes one
// block of a long document; the citations of the other blocks are the previous version's, moved, and share its objects
// (each work's date and authors), and the typed reference list is moved whole. Their findings are then the previous
// version's, moved the same way. Before findings are reused, everything the rule read is compared with what it read
// then, so that they always equal the findings of a fresh run; whatever differs is checked again.

import type { Analysis } from '../../index/analysis';
import type { Citation, CitedWork, ReferenceEntry, Span, WorkDate } from '../../types';
import { citationsInContext, type WorkInContext } from './citedWorks';
import { type CitationRule, type Finding, type ListRule, type RuleFix, type StyleRuleCode } from './finding';
import { typedEntries } from './typedEntries';

/** A citation as the rules last saw it, and the findings of each rule that judged it, counted from its start. */
interface CitationMemo {
  citation: Citation;
  works: WorkInContext[];
  findings: FindingsByRule;
}

/** Each rule's findings, by its code: a plain record, since one is made for every citation of a long document. */
type FindingsByRule = Partial<Record<StyleRuleCode, readonly Finding[]>>;

/** The typed reference list as the list rules last saw it, and their findings, counted from the start of its region. */
interface ListMemo {
  entries: ReferenceEntry[];
  /** From the line of the first entry to the end of the last. */
  region: Span;
  regionText: string;
  /** The analysis the list was last compared for: the other list rules of that analysis need not compare it again. */
  analysis: Analysis;
  findings: FindingsByRule;
}

/** No findings: shared, since most citations have none. */
const NONE: readonly Finding[] = [];

export class StyleRuleMemo {
  /** By the date of the citation's first work, an object that moved copies of the citation share. */
  private readonly citations = new WeakMap<WorkDate, CitationMemo>();
  /** The memo of each citation of an analysis, looked up once however many rules read it. */
  private readonly byAnalysis = new WeakMap<Analysis, CitationMemo[]>();
  private list: ListMemo | undefined;

  /** The findings of a citation rule in every citation: those of an earlier version, moved, where nothing it read changed. */
  citationFindings(code: StyleRuleCode, rule: CitationRule, analysis: Analysis): Finding[] {
    const { text } = analysis;
    const findings: Finding[] = [];
    for (const memo of this.citationMemos(analysis)) {
      const { citation, works } = memo;
      const origin = citation.span.start;
      const current = recalled(memo.findings, code, origin) ?? remembered(memo.findings, code, origin, rule(text, citation, works));
      for (const finding of current) findings.push(finding);
    }
    return findings;
  }

  /** The findings of a list rule: those of an earlier version, moved, when the typed list reads as it did. */
  listFindings(code: StyleRuleCode, rule: ListRule, analysis: Analysis): Finding[] {
    const entries = typedEntries(analysis);
    if (entries.length === 0) return rule(analysis);
    const list = this.listMemo(analysis, entries);
    const origin = list.region.start;
    return [...(recalled(list.findings, code, origin) ?? remembered(list.findings, code, origin, rule(analysis)))];
  }

  /** The memo of the typed list, kept if the list reads as it did. */
  private listMemo(analysis: Analysis, entries: ReferenceEntry[]): ListMemo {
    if (this.list?.analysis === analysis) return this.list;
    const region = listRegion(analysis.text, entries);
    if (this.list && sameList(this.list, analysis.text, entries, region)) {
      this.list.entries = entries;
      this.list.region = region;
      this.list.analysis = analysis;
    } else {
      this.list = { entries, region, regionText: analysis.text.slice(region.start, region.end), analysis, findings: {} };
    }
    return this.list;
  }

  private citationMemos(analysis: Analysis): CitationMemo[] {
    let memos = this.byAnalysis.get(analysis);
    if (!memos) {
      memos = citationsInContext(analysis).map(({ citation, works }) => this.citationMemo(citation, works));
      this.byAnalysis.set(analysis, memos);
    }
    return memos;
  }

  private citationMemo(citation: Citation, works: WorkInContext[]): CitationMemo {
    const key = citation.items[0]?.date;
    const memo = key && this.citations.get(key);
    if (memo && sameCitation(memo, citation, works)) {
      // The objects of the version at hand are kept, so that older versions' are let go.
      memo.citation = citation;
      memo.works = works;
      return memo;
    }
    const fresh: CitationMemo = { citation, works, findings: {} };
    if (key) this.citations.set(key, fresh);
    return fresh;
  }
}

/** The findings kept for the rule, moved to `origin`; undefined when the rule has not judged this part yet. */
function recalled(findings: FindingsByRule, code: StyleRuleCode, origin: number): readonly Finding[] | undefined {
  const kept = findings[code];
  if (!kept) return undefined;
  return kept.length === 0 ? NONE : kept.map((finding) => movedFinding(finding, origin));
}

/** Keeps the rule's fresh findings, counted from `origin`, and gives them back. */
function remembered(findings: FindingsByRule, code: StyleRuleCode, origin: number, fresh: Finding[]): readonly Finding[] {
  findings[code] = fresh.length === 0 ? NONE : fresh.map((finding) => movedFinding(finding, -origin));
  return fresh;
}

function movedSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** A finding moved by `delta`, with its related places and its fix. */
function movedFinding(finding: Finding, delta: number): Finding {
  if (delta === 0) return finding;
  const moved: Finding = { ...finding, span: movedSpan(finding.span, delta) };
  if (finding.related) moved.related = finding.related.map((related) => ({ ...related, span: movedSpan(related.span, delta) }));
  if (finding.fix) moved.fix = movedFix(finding.fix, delta);
  // A fix made on demand is moved on demand too.
  const makeFix = finding.makeFix;
  if (makeFix) moved.makeFix = () => {
    const fix = makeFix();
    return fix && movedFix(fix, delta);
  };
  return moved;
}

function movedFix(fix: RuleFix, delta: number): RuleFix {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, span: movedSpan(edit.span, delta) })) };
}

/** Whether `span` lies where `before` did, relative to where their citations start. */
function sameOffset(span: Span, start: number, before: Span, beforeStart: number): boolean {
  return span.start - start === before.start - beforeStart && span.end - start === before.end - beforeStart;
}

function sameWork(work: CitedWork, start: number, before: CitedWork, beforeStart: number): boolean {
  // The citations before an edit are kept as they were, not copied.
  if (work === before) return true;
  return (
    work.date === before.date &&
    work.authors === before.authors &&
    work.authorText === before.authorText &&
    sameOffset(work.span, start, before.span, beforeStart) &&
    sameOffset(work.authorSpan, start, before.authorSpan, beforeStart) &&
    sameOffset(work.dateSpan, start, before.dateSpan, beforeStart)
  );
}

/**
 * Whether an entry reads as another did for the rules: the same object, or a moved copy of it. A copy shares the
 * parsed authors and date; the fields compared by value are the other ones the rules read.
 */
function sameEntry(entry: ReferenceEntry | undefined, before: ReferenceEntry | undefined): boolean {
  if (entry === before) return true;
  if (!entry || !before) return false;
  return (
    entry.authors === before.authors &&
    entry.date === before.date &&
    entry.id === before.id &&
    entry.source === before.source &&
    entry.text === before.text &&
    entry.title === before.title &&
    entry.container === before.container &&
    entry.doi === before.doi &&
    entry.url === before.url &&
    entry.authorsElided === before.authorsElided &&
    entry.problems.length === before.problems.length
  );
}

/** Whether the citation's works were parsed from the same text as before, resolved alike, to entries that read alike.
 * Works that share their date and authors objects come from one parse of unchanged text, so the text the rules read
 * around them is the same, moved. */
function sameCitation(memo: CitationMemo, citation: Citation, works: WorkInContext[]): boolean {
  const before = memo.citation;
  const start = citation.span.start;
  const beforeStart = before.span.start;
  if (citation.kind !== before.kind || !sameOffset(citation.span, start, before.span, beforeStart) || works.length !== memo.works.length) return false;
  for (let i = 0; i < works.length; i++) {
    const context = works[i];
    const old = memo.works[i];
    if (context.resolution !== old.resolution || !sameWork(context.work, start, old.work, beforeStart) || !sameEntry(context.entry, old.entry)) return false;
  }
  return true;
}

function listRegion(text: string, entries: ReferenceEntry[]): Span {
  const first = entries[0].span.start;
  return { start: text.lastIndexOf('\n', first - 1) + 1, end: entries[entries.length - 1].span.end };
}

/** Whether the typed list has the same entries at the same places within the same text, wherever the list now starts. */
function sameList(memo: ListMemo, text: string, entries: ReferenceEntry[], region: Span): boolean {
  if (entries.length !== memo.entries.length || region.end - region.start !== memo.region.end - memo.region.start) return false;
  const allAlike = entries.every((entry, i) => {
    const old = memo.entries[i];
    return sameEntry(entry, old) && sameOffset(entry.span, region.start, old.span, memo.region.start);
  });
  return allAlike && text.slice(region.start, region.end) === memo.regionText;
}
