// The JSON report of `citewise check --format json`: a public interface, documented in the README. Ranges are given as
// zero-based LSP ranges and as UTF-16 offsets.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './core/index/analysis';
import type { CoreDiagnostic } from './core/features/diagnostics';
import type { ReferenceEntry, Span } from './core/types';
import { toRange } from './convert';
import { uriToPath } from './workspace';
import { copyEntry } from './core/syntax/bib/bibtex';

type Where = (span: Span) => { range: ReturnType<typeof toRange>; offsets: [number, number] };

function entryFields(entry: ReferenceEntry) {
  // A copy, because a BibTeX entry's properties worked out on first read are not its own and rest would miss them.
  const { span, keySpan, problems, csl, source, ...fields } = copyEntry(entry);
  void span;
  void keySpan;
  void problems;
  void csl;
  return { ...fields, file: source ? uriToPath(source) ?? source : undefined };
}

/** Entries of bibliography files that the document cites, with their file and key; the rest are only counted. */
function citedFileEntries(analysis: Analysis): ReferenceEntry[] {
  return analysis.bibliography.entries.filter((e) => (analysis.resolution.citeCount.get(e.id) ?? 0) > 0);
}

export function jsonReport(file: string, document: TextDocument, analysis: Analysis, diagnostics: CoreDiagnostic[]) {
  const where: Where = (span) => ({ range: toRange(document, span), offsets: [span.start, span.end] });
  const { facts, resolution } = analysis;
  return {
    file,
    citations: facts.citations.map((citation, ci) => ({
      ...where(citation.span),
      kind: citation.kind,
      text: analysis.text.slice(citation.span.start, citation.span.end),
      items: citation.items.map((work, wi) => {
        const { span, authorSpan, dateSpan, ...fields } = work;
        void authorSpan;
        void dateSpan;
        return { ...where(span), ...fields, resolution: resolution.byCitation[ci]?.[wi] };
      }),
    })),
    keyedCitations: facts.keyedCitations.map((citation, ci) => ({
      ...where(citation.span),
      syntax: citation.syntax,
      narrative: citation.narrative,
      command: citation.command,
      text: analysis.text.slice(citation.span.start, citation.span.end),
      keys: citation.keys.map(({ span, ...fields }, ki) => ({ ...where(span), ...fields, resolution: resolution.byKeyedCitation[ci]?.[ki] })),
    })),
    referenceList: facts.referenceList
      ? {
          ...where(facts.referenceList.span),
          heading: facts.referenceList.heading?.text,
          entries: facts.referenceList.entries.map((entry) => ({
            ...where(entry.span),
            ...entryFields(entry),
            citedCount: resolution.citeCount.get(entry.id) ?? 0,
            problems: entry.problems.map((p) => ({ ...where(p.span), code: p.code, message: p.message })),
          })),
        }
      : null,
    bibliography: {
      files: analysis.bibliography.sources.map((s) => ({ file: uriToPath(s.source) ?? s.source, entries: s.entries.length, problems: s.problems.length })),
      citedEntries: citedFileEntries(analysis).map((entry) => ({ ...entryFields(entry), offsets: [entry.span.start, entry.span.end], citedCount: resolution.citeCount.get(entry.id) ?? 0 })),
    },
    abbreviations: facts.abbreviations.map(({ span, ...fields }) => ({ ...where(span), ...fields })),
    diagnostics: diagnostics.map((d) => ({ ...where(d.span), severity: d.severity, code: d.code, message: d.message })),
  };
}
