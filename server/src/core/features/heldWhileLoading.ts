// While a bibliography file is still being read, a citation whose entry is not found yet may find it in the part not
// yet read. Diagnostics that say an entry is missing wait until every file is read, rather than flash and vanish;
// every other diagnostic is as true of the entries read so far as of the whole file, and is shown at once.

import type { Bibliography } from '../index/bibliography';
import type { CoreDiagnostic, DiagnosticCode } from './diagnostics';

const HELD_WHILE_LOADING: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['unknown-key', 'missing-entry']);

export function withoutHeldDiagnostics(diagnostics: CoreDiagnostic[], bibliography: Bibliography): CoreDiagnostic[] {
  return bibliography.loading ? diagnostics.filter((diagnostic) => !HELD_WHILE_LOADING.has(diagnostic.code)) : diagnostics;
}
