// The items of a CSL-JSON or CSL-YAML file read a slice at a time. Reading an item into an entry is the costly part and
// is done slice by slice; keys depend on every item of the file (a key used twice, a key made up for an item without
// one must not take a key written later), so the entries are keyed once the whole file is read. Until then, each
// slice is keyed on its own, on copies, for the requests made while the file is read.

import type { ReferenceEntry } from '../../types';
import { keyEntries, unkeyedEntries, type KeyPolicy, type ReadItem } from './fromCsl';

export class ItemsReadInSlices {
  private readonly readItems: ReadItem[] = [];
  /** The entries of `readItems`, read but not yet given their keys. */
  private readonly entries: ReferenceEntry[] = [];
  /** Keyed copies of the entries of the slices keyed so far. */
  private readonly provisional: ReferenceEntry[] = [];
  /** Ranges of `entries` added since `provisional` was last brought up to date. */
  private readonly slicesNotKeyed: { start: number; end: number }[] = [];
  private whole: ReferenceEntry[] | undefined;

  constructor(
    private readonly source: string,
    private readonly policy: KeyPolicy,
  ) {}

  /** Reads the items of one slice into entries. */
  add(read: ReadItem[]): void {
    const start = this.entries.length;
    for (const item of read) this.readItems.push(item);
    for (const entry of unkeyedEntries(read, this.source)) this.entries.push(entry);
    this.slicesNotKeyed.push({ start, end: this.entries.length });
  }

  /** Every entry keyed over the whole file; asked for once every item is added. Keying changes the entries, so it is
   * done once. */
  all(): ReferenceEntry[] {
    return (this.whole ??= keyEntries(this.readItems, this.entries, this.source, this.policy));
  }

  /** The entries added so far, each slice keyed on its own: a key repeated across slices is not yet reported, and a
   * made-up key may still change. Keying every entry again for each request would cost more than reading a slice. */
  soFar(): ReferenceEntry[] {
    for (const slice of this.slicesNotKeyed.splice(0)) {
      const items = this.readItems.slice(slice.start, slice.end);
      const copies = this.entries.slice(slice.start, slice.end).map((entry) => ({ ...entry, csl: entry.csl && { ...entry.csl }, problems: [...entry.problems] }));
      for (const entry of keyEntries(items, copies, this.source, this.policy)) this.provisional.push(entry);
    }
    return [...this.provisional];
  }
}
