// The checks of numeric styles (IEEE, Vancouver): every cited number has an entry, every numbered entry is cited and,
// in IEEE, entries are numbered in the order in which they are first cited. Nothing is checked in a document without
// a numbered reference list, which may take its list from a bibliography file at rendering time.

import type { Analysis } from '../index/analysis';
import type { DiagnosticSettings, Severity, Span } from '../types';
import type { CoreDiagnostic } from '../features/diagnostics';
import type { QuickFix } from '../features/codeActions';
import type { NumericStyle } from './citationStyles';
import type { Finding } from './rules/finding';
import { overlaps } from './rules/spans';
import { citedNumbers, matchNumericCitations, numbersOf } from './numericMatching';
import { renumberInCitationOrder } from './renumber';

export type NumericRuleCode = 'numeric-missing' | 'numeric-uncited' | 'ieee-order';

export function numericDiagnostics(analysis: Analysis, settings: DiagnosticSettings, style: NumericStyle): CoreDiagnostic[] {
  const checks: [NumericRuleCode, Severity, Finding[]][] = [
    ['numeric-missing', settings.numericMissing, missingFindings(analysis)],
    ['numeric-uncited', settings.numericUncited, uncitedFindings(analysis)],
    ['ieee-order', style.numberedInCitationOrder ? settings.ieeeOrder : 'off', orderFindings(analysis)],
  ];
  return checks.flatMap(([code, severity, findings]) =>
    severity === 'off' ? [] : findings.map((f) => ({ span: f.span, severity, code, message: f.message, related: f.related })),
  );
}

/** The renumbering fix of an `ieee-order` finding that touches the range. */
export function numericQuickFixes(analysis: Analysis, range: Span, style: NumericStyle): QuickFix[] {
  if (!style.numberedInCitationOrder) return [];
  return orderFindings(analysis).flatMap((finding) =>
    overlaps(finding.span, range) && finding.fix
      ? [{ title: finding.fix.title, code: 'ieee-order', diagnosticSpan: finding.span, edits: finding.fix.edits, preferred: true }]
      : [],
  );
}

function hasNumberedList(analysis: Analysis): boolean {
  return (analysis.facts.numberedEntries?.length ?? 0) > 0;
}

function missingFindings(analysis: Analysis): Finding[] {
  if (!hasNumberedList(analysis)) return [];
  const { entryByNumber } = matchNumericCitations(analysis.facts);
  return (analysis.facts.numericCitations ?? []).flatMap((citation) =>
    citation.items.flatMap((item) => {
      const missing = numbersOf(item).filter((n) => !entryByNumber.has(n));
      if (missing.length === 0) return [];
      const which = missing.length === 1 ? `entry ${missing[0]}` : `entries ${missing.join(', ')}`;
      return [{ span: item.span, message: `The reference list has no ${which}.` }];
    }),
  );
}

function uncitedFindings(analysis: Analysis): Finding[] {
  const { entryByNumber, citeCount } = matchNumericCitations(analysis.facts);
  return [...entryByNumber.values()]
    .filter((entry) => !citeCount.has(entry.number))
    .map((entry) => ({ span: entry.markerSpan, message: `Entry ${entry.number} is never cited.` }));
}

/**
 * The first citation that cites a number before a lower one was ever cited: "[3]" before any "[2]". Numbers without an
 * entry are left to `numeric-missing`; within one citation ("[2, 1]") the numbers count in ascending order.
 */
function orderFindings(analysis: Analysis): Finding[] {
  const { entryByNumber, citeCount } = matchNumericCitations(analysis.facts);
  // A list may skip a number, and an entry never cited is left to `numeric-uncited`: the next work cited must be the
  // lowest of the cited entries not yet cited.
  const listed = [...entryByNumber.keys()].filter((n) => citeCount.has(n)).sort((a, b) => a - b);
  const seen = new Set<number>();
  for (const citation of analysis.facts.numericCitations ?? []) {
    const fresh = citedNumbers(citation).filter((n) => entryByNumber.has(n) && !seen.has(n)).sort((a, b) => a - b);
    for (const n of fresh) {
      const expected = listed[seen.size];
      if (n !== expected) {
        const skipped = entryByNumber.get(expected);
        const fix = renumberInCitationOrder(analysis);
        return [{
          span: citation.span,
          message: `[${n}] is cited before [${expected}]: IEEE numbers entries in the order they are first cited.`,
          related: skipped ? [{ span: skipped.markerSpan, message: `Entry ${expected}` }] : undefined,
          fix,
        }];
      }
      seen.add(n);
    }
  }
  return [];
}
