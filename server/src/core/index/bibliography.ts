// The entries of the bibliography files one document sees, merged, with lookups by key and id. Built by the workspace
// from parsed files; the core only reads it.

import type { Problem, ReferenceEntry } from '../types';

export interface BibliographySource {
  /** The file's URI. */
  source: string;
  /** Changes whenever the file's content changes (a version counter or a modification time). */
  version: string;
  entries: ReferenceEntry[];
  problems: Problem[];
  /** The file is still being read, or is a BibTeX file linked without another one still being read: its entries and
   * problems are those known so far. */
  loading?: boolean;
}

export interface Bibliography {
  /** Identifies this set of files at these versions: an analysis is reused while it stays the same. */
  version: string;
  sources: BibliographySource[];
  entries: ReferenceEntry[];
  /** Entries by citation key; more than one entry under a key is a duplicate key. */
  byKey: Map<string, ReferenceEntry[]>;
  byId: Map<string, ReferenceEntry>;
  /** Some file is still being read, so an entry not found may still come. */
  loading: boolean;
}

export const emptyBibliography: Bibliography = { version: '', sources: [], entries: [], byKey: new Map(), byId: new Map(), loading: false };

export function mergeBibliography(sources: BibliographySource[]): Bibliography {
  if (sources.length === 0) return emptyBibliography;
  const entries: ReferenceEntry[] = [];
  const byKey = new Map<string, ReferenceEntry[]>();
  const byId = new Map<string, ReferenceEntry>();
  for (const source of sources) {
    for (const entry of source.entries) {
      entries.push(entry);
      byId.set(entry.id, entry);
      if (!entry.key) continue;
      const same = byKey.get(entry.key);
      if (same) same.push(entry);
      else byKey.set(entry.key, [entry]);
    }
  }
  const version = sources.map((s) => `${s.source}@${s.version}`).join('|');
  return { version, sources, entries, byKey, byId, loading: sources.some((s) => s.loading === true) };
}
