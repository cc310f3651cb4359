// The entries a document cites or lists, with how often each is cited: the typed reference list in its order, then the
// bibliography-file entries the document cites. For the editor's side view; uncited typed entries stand out there.

import type { Analysis } from '../index/analysis';
import { defaultCitationStyle, type CitationStyleId, type Span } from '../types';
import { entryCiteCounts } from './entryCiteCounts';
import { citeEntry } from '../style/apa';

export interface EntryOverviewItem {
  entryId: string;
  /** "Qerimi (2023)". */
  label: string;
  title?: string;
  citedCount: number;
  /** The bibliography file the entry is in; absent for an entry of the document's own list. */
  source?: string;
  span: Span;
}

export function entryOverview(analysis: Analysis, citationStyle: CitationStyleId = defaultCitationStyle): EntryOverviewItem[] {
  const count = entryCiteCounts(analysis, citationStyle);
  const typed = (analysis.facts.referenceList?.entries ?? []).map((entry) => ({
    entryId: entry.id,
    label: citeEntry(entry, 'narrative'),
    title: entry.title,
    citedCount: count(entry.id),
    span: entry.span,
  }));
  // A library may hold 50,000 entries: of the files, only the cited ones are listed.
  const fromFiles = analysis.bibliography.entries
    .filter((entry) => count(entry.id) > 0)
    .map((entry) => ({ entryId: entry.id, label: citeEntry(entry, 'narrative'), title: entry.title, citedCount: count(entry.id), source: entry.source, span: entry.keySpan ?? entry.span }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [...typed, ...fromFiles];
}
