// Diagnostics: citations without an entry, entries never cited, entries no citation can tell apart, and entries that
// could not be read. Each has a stable code; severities come from the settings passed in.

import type { Analysis } from '../index/analysis';
import { defaultCitationStyle, type CitationStyleId, type DiagnosticSettings, type Problem, type ReferenceEntry, type Severity, type Span } from '../types';
import { citeEntry, describeWork } from '../style/apa';
import { entryOf } from '../index/analysis';
import { apaDiagnostics, type StyleRuleCode } from '../style/apaRules';
import { entryHead } from '../style/rules/spans';
import { styleOf } from '../style/citationStyles';
import { numericDiagnostics, type NumericRuleCode } from '../style/numericRules';
import { authorPageDiagnostics, type AuthorPageRuleCode } from '../style/authorPageRules';

export type DiagnosticCode = 'missing-entry' | 'uncited-entry' | 'ambiguous-entry' | 'unparsed-entry' | 'unknown-key' | 'duplicate-key' | 'bibliography-syntax' | 'bibliography-not-found' | 'bibliography-not-read' | StyleRuleCode | NumericRuleCode | AuthorPageRuleCode;

export interface CoreDiagnostic {
  span: Span;
  severity: Exclude<Severity, 'off'>;
  code: DiagnosticCode;
  message: string;
  /** Other places the message refers to: the candidate entry, the other entry of an ambiguous pair; `source` is set
   * when the place is in a bibliography file rather than in the document. */
  related?: { source?: string; span: Span; message: string }[];
}

/** The diagnostics of one document, checked against the style its front matter names or else `citationStyle`. */
export function diagnose(analysis: Analysis, settings: DiagnosticSettings, citationStyle: CitationStyleId = defaultCitationStyle): CoreDiagnostic[] {
  return [...citationDiagnostics(analysis, settings, citationStyle), ...styleDiagnostics(analysis, settings, citationStyle)].sort((a, b) => a.span.start - b.span.start);
}

/** The findings of the citation style's rules (APA, numeric, MLA), unsorted. */
export function styleDiagnostics(analysis: Analysis, settings: DiagnosticSettings, citationStyle: CitationStyleId = defaultCitationStyle): CoreDiagnostic[] {
  const style = styleOf(analysis.facts, citationStyle);
  const out = apaDiagnostics(analysis, settings, style);
  if (style.citations === 'numeric') out.push(...numericDiagnostics(analysis, settings, style));
  if (style.citations === 'author-page') out.push(...authorPageDiagnostics(analysis, settings));
  return out;
}

/** What is cited without an entry, never cited, ambiguous or unreadable, without the style's rules; unsorted. */
export function citationDiagnostics(analysis: Analysis, settings: DiagnosticSettings, citationStyle: CitationStyleId = defaultCitationStyle): CoreDiagnostic[] {
  const { facts, resolution, text } = analysis;
  const out: CoreDiagnostic[] = [];
  const push: Push = (severity, diagnostic) => {
    if (severity !== 'off') out.push({ ...diagnostic, severity });
  };
  const style = styleOf(facts, citationStyle);
  // In a numeric style the list is cited by number, and in an author-page style by author alone: author-date matching
  // would call every entry uncited.
  const authorDate = style.citations === 'author-date';
  if (authorDate) diagnoseCitedWorks(analysis, settings, push);
  diagnoseKeys(analysis, settings, push);
  const indistinguishable = new Map<string, ReferenceEntry[]>();
  for (const group of resolution.indistinguishable) {
    const entries = group.map((id) => entryOf(analysis, id)).filter((e): e is ReferenceEntry => !!e);
    for (const e of entries) indistinguishable.set(e.id, entries);
  }
  for (const entry of facts.referenceList?.entries ?? []) {
    const head = entryHead(entry, text);
    if (authorDate && (resolution.citeCount.get(entry.id) ?? 0) === 0) {
      push(settings.uncitedEntry, { span: head, code: 'uncited-entry', message: `${citeEntry(entry, 'narrative')} is never cited.` });
    }
    const twins = indistinguishable.get(entry.id);
    if (twins) {
      push(settings.ambiguousEntry, {
        span: head,
        code: 'ambiguous-entry',
        message: `${twins.length} entries read as ${citeEntry(entry, 'narrative')}: add a/b suffixes to tell them apart.`,
        related: twins.filter((t) => t !== entry).map((t) => relatedEntry(t, text, 'The entry with the same author and year')),
      });
    }
    for (const problem of entry.problems) {
      // MLA's Works Cited gives the year at the end of an entry, or none at all: a missing date is no problem there.
      if (style.citations === 'author-page' && problem.code === 'entry-no-date') continue;
      push(settings.unparsedEntry, { span: problem.span, code: 'unparsed-entry', message: problem.message });
    }
  }
  return out;
}

/** An entry as a related place: its first line in the document, or its key in its bibliography file. */
function relatedEntry(entry: ReferenceEntry, text: string, message: string): NonNullable<CoreDiagnostic['related']>[number] {
  return entry.source ? { source: entry.source, span: entry.keySpan ?? entry.span, message } : { span: entryHead(entry, text), message };
}

type Push = (severity: Severity, diagnostic: Omit<CoreDiagnostic, 'severity'>) => void;

/** Cited works without an entry, and works that match several entries. */
function diagnoseCitedWorks(analysis: Analysis, settings: DiagnosticSettings, push: Push): void {
  const { facts, resolution, text } = analysis;
  for (let ci = 0; ci < facts.citations.length; ci++) {
    const items = facts.citations[ci].items;
    for (let wi = 0; wi < items.length; wi++) {
      const work = items[wi];
      const result = resolution.byCitation[ci]?.[wi];
      if (!result) continue;
      if (result.status === 'missing') {
        const candidate = result.candidates[0];
        const candidateEntry = candidate && entryOf(analysis, candidate.entryId);
        const hint = candidate ? ` Did you mean ${candidate.suggestion}?` : '';
        push(settings.missingEntry, {
          span: work.span,
          code: 'missing-entry',
          message: `No reference entry for ${describeWork(work)}.${hint}`,
          related: candidateEntry ? [relatedEntry(candidateEntry, text, `Nearest entry: ${candidate.suggestion}`)] : undefined,
        });
      } else if (result.status === 'ambiguous') {
        const entries = result.entryIds.map((id) => entryOf(analysis, id)).filter((e): e is ReferenceEntry => !!e);
        push(settings.ambiguousEntry, {
          span: work.span,
          code: 'ambiguous-entry',
          message: `${describeWork(work)} matches ${entries.length} entries: add a/b suffixes to the entries and the citation.`,
          related: entries.map((e) => relatedEntry(e, text, 'One of the matching entries')),
        });
      }
    }
  }
}

/** Unknown and duplicate keys. Nothing is reported for a document that sees no bibliography file at all. */
function diagnoseKeys(analysis: Analysis, settings: DiagnosticSettings, push: Push): void {
  analysis.facts.keyedCitations.forEach((citation, ci) => {
    citation.keys.forEach((cited, ki) => {
      const result = analysis.resolution.byKeyedCitation[ci]?.[ki];
      if (result?.status === 'missing') {
        const hint = result.candidates.length ? ` Did you mean ${result.candidates.map((c) => `"${c}"`).join(', ')}?` : '';
        push(settings.unknownKey, { span: cited.span, code: 'unknown-key', message: `No bibliography entry has the key "${cited.key}".${hint}` });
      } else if (result?.status === 'duplicate') {
        const entries = result.entryIds.map((id) => entryOf(analysis, id)).filter((e): e is ReferenceEntry => !!e);
        push(settings.duplicateKey, {
          span: cited.span,
          code: 'duplicate-key',
          message: `The key "${cited.key}" is defined ${entries.length} times; the citation cannot tell which entry it means.`,
          related: entries.map((e) => relatedEntry(e, analysis.text, `"${cited.key}" is defined here`)),
        });
      }
    });
  });
}

/** Problems with the bibliography files a document names (not found, not readable here), at the names in the document. */
export function diagnoseNamedBibliographies(problems: Problem[], settings: DiagnosticSettings): CoreDiagnostic[] {
  const severity = settings.unreadBibliography;
  if (severity === 'off') return [];
  return problems.map((p) => ({ span: p.span, severity, code: p.code === 'bibliography-not-found' ? 'bibliography-not-found' : 'bibliography-not-read', message: p.message }));
}
