// Diagnostics shown in a bibliography file itself: syntax errors at their exact place, duplicate keys, entries that
// could not be read. Every other entry of the file stays usable.

import type { BibliographySource } from '../index/bibliography';
import type { DiagnosticSettings } from '../types';
import type { CoreDiagnostic } from './diagnostics';

/** Problem codes of the readers that are about a key defined twice; everything else is a reading problem. */
const DUPLICATE_CODES = new Set(['duplicate-key']);

export function bibliographyDiagnostics(source: BibliographySource, settings: DiagnosticSettings): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const problems = [...source.problems, ...source.entries.flatMap((e) => e.problems)];
  for (const problem of problems) {
    const duplicate = DUPLICATE_CODES.has(problem.code);
    const severity = duplicate ? settings.duplicateKey : settings.bibliographySyntax;
    if (severity === 'off') continue;
    out.push({ span: problem.span, severity, code: duplicate ? 'duplicate-key' : 'bibliography-syntax', message: problem.message });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
