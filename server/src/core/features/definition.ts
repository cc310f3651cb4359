// Go to definition: from a key or an author-date citation to its entry, in the bibliography file or the typed list.

import { entryOf, type Analysis } from '../index/analysis';
import type { ReferenceEntry, Span } from '../types';
import { keyAt, workAt } from './locate';

export interface DefinitionTarget {
  /** The bibliography file's URI; absent for an entry of the document's own reference list. */
  source?: string;
  span: Span;
}

function targetOf(entry: ReferenceEntry): DefinitionTarget {
  return { source: entry.source, span: entry.keySpan ?? entry.span };
}

export function definition(analysis: Analysis, offset: number): DefinitionTarget[] {
  const key = keyAt(analysis.facts, offset);
  if (key) {
    const result = analysis.resolution.byKeyedCitation[key.citationIndex]?.[key.keyIndex];
    const ids = result?.status === 'resolved' ? [result.entryId] : result?.status === 'duplicate' ? result.entryIds : [];
    return ids.map((id) => entryOf(analysis, id)).filter((e): e is ReferenceEntry => !!e).map(targetOf);
  }
  const work = workAt(analysis.facts, offset);
  if (work) {
    const result = analysis.resolution.byCitation[work.citationIndex]?.[work.workIndex];
    const ids = result?.status === 'resolved' ? [result.entryId] : result?.status === 'ambiguous' ? result.entryIds : [];
    return ids.map((id) => entryOf(analysis, id)).filter((e): e is ReferenceEntry => !!e).map(targetOf);
  }
  return [];
}
