// Entries of a bibliography file that none of the documents using it cites: shown in the file, so that a writer can
// prune an export. Off by default, because one library is often shared by many documents that are not all open.

import type { Analysis } from '../index/analysis';
import type { BibliographySource } from '../index/bibliography';
import type { Severity } from '../types';
import { citeEntry } from '../style/apa';
import type { CoreDiagnostic } from './diagnostics';

/** For each bibliography file (by URI) that the given documents use, the diagnostics of its entries that none of them cites. */
export function uncitedBibliographyEntries(analyses: Analysis[], severity: Severity): Map<string, CoreDiagnostic[]> {
  const result = new Map<string, CoreDiagnostic[]>();
  if (severity === 'off') return result;
  const cited = new Set<string>();
  const everythingCited = new Set<string>();
  const sources = new Map<string, BibliographySource>();
  for (const analysis of analyses) {
    for (const [id, count] of analysis.resolution.citeCount) if (count > 0) cited.add(id);
    for (const source of analysis.bibliography.sources) {
      sources.set(source.source, source);
      if (analysis.resolution.citesAll) everythingCited.add(source.source);
    }
  }
  for (const source of sources.values()) {
    if (everythingCited.has(source.source)) {
      result.set(source.source, []);
      continue;
    }
    result.set(
      source.source,
      source.entries
        .filter((entry) => !cited.has(entry.id))
        .map((entry) => ({
          span: entry.keySpan ?? entry.span,
          severity,
          code: 'uncited-entry' as const,
          message: `${entry.key ? `"${entry.key}", ` : ''}${citeEntry(entry, 'narrative')}, is not cited by any document that uses this file.`,
        })),
    );
  }
  return result;
}
