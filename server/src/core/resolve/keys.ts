// Resolves citation keys ("@qerimi2023", "\cite{qerimi2023}") against the bibliography, or finds the nearest keys.

import type { Bibliography } from '../index/bibliography';
import type { ReferenceEntry } from '../types';
import { editDistance } from '../text/normalize';
import { heldIn } from '../memo';

export type KeyResolution =
  | { status: 'resolved'; entryId: string }
  /** The key is defined in more than one entry (in one file or across the files the document sees). */
  | { status: 'duplicate'; entryIds: string[] }
  | { status: 'missing'; candidates: string[] }
  /** `\nocite{*}`: every entry counts as cited. */
  | { status: 'all' }
  /** The document sees no bibliography file, so no key can be checked. */
  | { status: 'unchecked' };

/** Keys of the bibliography grouped by their first letter (lower case), for a quick search of near misses. */
export class KeyNeighbourhood {
  private readonly byInitial = new Map<string, string[]>();

  constructor(keys: Iterable<string>) {
    for (const key of keys) {
      const initial = key.slice(0, 1).toLowerCase();
      const bucket = this.byInitial.get(initial);
      if (bucket) bucket.push(key);
      else this.byInitial.set(initial, [key]);
    }
  }

  /** Up to `limit` keys within a small edit distance, or with the same letters in another case, nearest first. */
  nearest(key: string, limit = 3): string[] {
    const lower = key.toLowerCase();
    const maxDistance = lower.length <= 5 ? 1 : lower.length <= 12 ? 2 : 3;
    const found: { key: string; distance: number }[] = [];
    for (const candidate of this.byInitial.get(lower.slice(0, 1)) ?? []) {
      if (Math.abs(candidate.length - key.length) > maxDistance) continue;
      const distance = editDistance(lower, candidate.toLowerCase(), maxDistance);
      if (distance <= maxDistance) found.push({ key: candidate, distance });
    }
    return found
      .sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key))
      .slice(0, limit)
      .map((f) => f.key);
  }
}

const neighbourhoods = new WeakMap<Bibliography, KeyNeighbourhood>();

function neighbourhoodOf(bibliography: Bibliography): KeyNeighbourhood {
  return heldIn(neighbourhoods, bibliography, () => new KeyNeighbourhood(bibliography.byKey.keys()));
}

/** Resolves a key against the document's own keyed entries (a LaTeX `thebibliography`) first, then the bibliography files. */
export function resolveKey(key: string, bibliography: Bibliography, typed: Map<string, ReferenceEntry>): KeyResolution {
  if (key === '*') return { status: 'all' };
  const own = typed.get(key);
  if (own) return { status: 'resolved', entryId: own.id };
  if (bibliography.sources.length === 0) {
    if (typed.size === 0) return { status: 'unchecked' };
    return { status: 'missing', candidates: new KeyNeighbourhood(typed.keys()).nearest(key) };
  }
  const entries = bibliography.byKey.get(key);
  if (entries && entries.length === 1) return { status: 'resolved', entryId: entries[0].id };
  if (entries && entries.length > 1) return { status: 'duplicate', entryIds: entries.map((e) => e.id) };
  return { status: 'missing', candidates: neighbourhoodOf(bibliography).nearest(key) };
}
