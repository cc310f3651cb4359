// The entries of the document's own typed reference list: the list rules judge only what the writer typed, never the
// entries of a bibliography file, which a citation processor formats.

import type { Analysis } from '../../index/analysis';
import type { ReferenceEntry } from '../../types';

export function typedEntries(analysis: Analysis): ReferenceEntry[] {
  return (analysis.facts.referenceList?.entries ?? []).filter((entry) => entry.source === undefined);
}
