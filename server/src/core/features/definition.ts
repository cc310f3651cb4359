// Go to definition: from a key or an author-date citation to its entry, in the bibliography file or the typed list.

import { entryOf, type Analysis } from '../index/analysis';
import type { ReferenceEntry, Span } from '../types';
import { citedEntryIdsAt } from './references';

export interface DefinitionTarget {
  /** The bibliography file's URI; absent for an entry of the document's own reference list. */
  source?: string;
  span: Span;
}

function targetOf(entry: ReferenceEntry): DefinitionTarget {
  return { source: entry.source, span: entry.keySpan ?? entry.span };
}

export function definition(analysis: Analysis, offset: number): DefinitionTarget[] {
  return citedEntryIdsAt(analysis, offset)
    .map((id) => entryOf(analysis, id))
    .filter((e): e is ReferenceEntry => !!e)
    .map(targetOf);
}
