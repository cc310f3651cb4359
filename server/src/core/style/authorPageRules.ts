// The checks of author-page styles (MLA 9): every author-page citation has a Works Cited entry, and every entry is
// cited. An entry counts as cited by an author-page citation or by any author-date citation that resolved to it.

import type { Analysis } from '../index/analysis';
import type { DiagnosticSettings, ReferenceEntry } from '../types';
import { defaultDiagnosticSettings } from '../types';
import type { CoreDiagnostic } from '../features/diagnostics';
import type { Finding } from './rules/finding';
import { entryHead } from './rules/spans';
import { citedName } from './apa';
import { matchAuthorPageCitations, worksCitedCounts } from './authorPageMatching';

export type AuthorPageRuleCode = 'mla-missing' | 'mla-uncited';

export function authorPageDiagnostics(analysis: Analysis, settings: DiagnosticSettings): CoreDiagnostic[] {
  const checks: [AuthorPageRuleCode, DiagnosticSettings['mlaMissing'], Finding[]][] = [
    ['mla-missing', settings.mlaMissing ?? defaultDiagnosticSettings.mlaMissing, missingFindings(analysis)],
    ['mla-uncited', settings.mlaUncited ?? defaultDiagnosticSettings.mlaUncited, uncitedFindings(analysis)],
  ];
  return checks.flatMap(([code, severity, findings]) =>
    !severity || severity === 'off' ? [] : findings.map((f) => ({ span: f.span, severity, code, message: f.message, related: f.related })),
  );
}

/** An entry as MLA cites it: the first author's surname, and the title that tells the author's works apart. */
export function describeWorksCitedEntry(entry: ReferenceEntry): string {
  const author = entry.authors[0] ? citedName(entry.authors[0]) : entry.text.split(',')[0];
  return entry.title ? `${author}, *${entry.title}*` : author;
}

function missingFindings(analysis: Analysis): Finding[] {
  const { byCitation } = matchAuthorPageCitations(analysis);
  return (analysis.facts.authorPageCitations ?? []).flatMap((citation, ci) =>
    citation.items.flatMap((work, wi) => {
      const resolution = byCitation[ci]?.[wi];
      if (resolution?.status !== 'missing') return [];
      const cited = work.title ? `${work.authorText}, "${work.title}"` : work.authorText;
      const nearest = resolution.nearest;
      const hint = nearest ? ` Did you mean ${describeWorksCitedEntry(nearest)}?` : '';
      return [{
        span: work.narrative ? citation.span : work.span,
        // "Deng et al." ends its own sentence.
        message: `No Works Cited entry for ${cited}${cited.endsWith('.') ? '' : '.'}${hint}`,
        related: nearest ? [{ span: entryHead(nearest, analysis.text), message: `Nearest entry: ${describeWorksCitedEntry(nearest)}` }] : undefined,
      }];
    }),
  );
}

function uncitedFindings(analysis: Analysis): Finding[] {
  if (analysis.resolution.citesAll) return [];
  const citeCount = worksCitedCounts(analysis);
  return (analysis.facts.referenceList?.entries ?? [])
    .filter((entry) => !citeCount.has(entry.id))
    .map((entry) => ({ span: entryHead(entry, analysis.text), message: `${describeWorksCitedEntry(entry)} is never cited.` }));
}
