// Reads one large BibTeX file a slice at a time, so that the server can answer requests between slices. Each slice is
// scanned (cut where a line starts an entry) and its entries are linked with the @string definitions read so far,
// which is what most files need: their macros come first. Once the whole file is scanned, the entries whose linking
// depended on what came later (an entry that inherits through crossref or xdata, an entry read before a later
// @string) are linked again, also in slices, so that the finished reading equals linking the whole file at once.

import type { Problem, ReferenceEntry } from '../types';
import { linkBibtex, scanBibtex, type BibtexEntry, type BibtexScan, type LinkedFile, type ScannedFile } from '../syntax/bib/bibtex';
import type { BibliographyParse } from '../syntax/bib/fromCsl';
import { lowerCase } from '../text/characters';

/** Characters per slice: about 10 ms of scanning and linking on a slow machine. */
export const BIBTEX_SLICE_CHARS = 192 * 1024;
/** Entries linked again per slice once the file is scanned. */
const RELINK_BATCH = 500;

/** A crossref or xdata value that names keys plainly, braced or quoted; anything else (a macro) names unknown parents. */
const PLAIN_KEYS = /^\s*[{"]([^{}"#]*)[}"]\s*$/u;

export class BibtexReading {
  private readonly scanned: BibtexScan = { entries: [], strings: [], problems: [] };
  /** The linked entries, parallel to `scanned.entries`. */
  private readonly linked: ReferenceEntry[] = [];
  /** How many @string definitions had been read when each entry was linked. */
  private readonly stringsWhenLinked: number[] = [];
  private position = 0;
  /** Indexes of the entries still to be linked again, once scanning is done. */
  private relinkQueue: number[] | undefined;
  private parents: BibtexEntry[] | undefined;
  /**
   * What the steps after the scan need to know of every entry, noted as each slice is scanned so that no step goes over
   * the whole file: which entries inherit (their indexes, ascending), the keys entries name as parents (in lower case;
   * undefined once one is not written plainly), and the keys, in lower case, that more than one entry has.
   */
  private readonly inheriting: number[] = [];
  private namedParents: Set<string> | undefined = new Set();
  private readonly keysSeen = new Set<string>();
  private readonly repeatedKeys = new Set<string>();
  private finished: { entries: ReferenceEntry[]; problems: Problem[] } | undefined;

  constructor(
    private readonly text: string,
    private readonly source: string,
    private readonly sliceChars = BIBTEX_SLICE_CHARS,
  ) {}

  get done(): boolean {
    return this.finished !== undefined;
  }

  /** How far the reading is, from 0 to 1; linking again after the scan counts as the last tenth. */
  get fraction(): number {
    if (this.finished) return 1;
    const scanning = this.text.length === 0 ? 1 : this.position / this.text.length;
    if (!this.relinkQueue) return scanning * 0.9;
    return 0.9 + 0.1 * (1 - this.relinkQueue.length / Math.max(1, this.scanned.entries.length));
  }

  /** The items scanned so far, for linking together with other files. */
  scan(): BibtexScan {
    return this.scanned;
  }

  /** Reads the next slice; true once the file is read. */
  step(): boolean {
    if (this.finished) return true;
    if (this.position < this.text.length) this.scanSlice();
    else if (!this.relinkQueue) this.relinkQueue = this.dependentEntries();
    else if (!this.parents) this.parents = this.possibleParents();
    else if (this.relinkQueue.length > 0) this.relinkBatch(this.relinkQueue.splice(0, RELINK_BATCH));
    else this.finish();
    return this.done;
  }

  /** What is read so far: entries linked as far as the file is known, and the file's syntax problems found so far. */
  result(): BibliographyParse {
    return this.finished ?? { entries: [...this.linked], problems: [...this.scanned.problems] };
  }

  private scanSlice(): void {
    const from = this.position;
    const to = sliceEnd(this.text, from + this.sliceChars);
    const part = scanBibtex(this.text, from, to);
    this.scanned.entries.push(...part.entries);
    this.scanned.strings.push(...part.strings);
    this.scanned.problems.push(...part.problems);
    // The last item of a slice may run past its end; the next slice starts after it.
    this.position = part.end;
    part.entries.forEach((entry, i) => this.note(entry, this.linked.length + i));
    const linked = this.link(part.entries);
    this.linked.push(...linked);
    for (let i = 0; i < linked.length; i++) this.stringsWhenLinked.push(this.scanned.strings.length);
  }

  /** Notes what the steps after the scan need of an entry (see `inheriting`). */
  private note(entry: BibtexEntry, index: number): void {
    if (inherits(entry)) this.inheriting.push(index);
    if (this.namedParents && !addParentKeys(entry, this.namedParents)) this.namedParents = undefined;
    const folded = lowerCase(entry.key);
    if (this.keysSeen.has(folded)) this.repeatedKeys.add(folded);
    else this.keysSeen.add(folded);
  }

  /** Links entries of this file with every @string read so far and no other entries. */
  private link(entries: BibtexEntry[]): ReferenceEntry[] {
    const scan: BibtexScan = { entries, strings: this.scanned.strings, problems: [] };
    return linkBibtex([{ source: this.source, scan }]).get(this.source)!.entries;
  }

  /** The entries whose link may differ from linking the whole file: they inherit, or a @string came after them. */
  private dependentEntries(): number[] {
    const strings = this.scanned.strings.length;
    const dependent: number[] = [];
    let nextInheriting = 0;
    for (let index = 0; index < this.stringsWhenLinked.length; index++) {
      const inheritsHere = this.inheriting[nextInheriting] === index;
      if (inheritsHere) nextInheriting++;
      if (inheritsHere || this.stringsWhenLinked[index] < strings) dependent.push(index);
    }
    return dependent;
  }

  /** Links entries again together with every entry they may inherit from. */
  private relinkBatch(indexes: number[]): void {
    const batch = new Set(indexes.map((index) => this.scanned.entries[index]));
    const parents = (this.parents ?? []).filter((parent) => !batch.has(parent));
    // Parents go first, in file order among themselves, as the whole file would list them for a key used twice.
    const entries = [...parents, ...batch].sort((a, b) => a.span.start - b.span.start);
    const linked = this.link(entries);
    const byEntry = new Map(entries.map((entry, i) => [entry, linked[i]] as const));
    for (const index of indexes) this.linked[index] = byEntry.get(this.scanned.entries[index])!;
  }

  private possibleParents(): BibtexEntry[] {
    const named = this.namedParents;
    return named ? this.scanned.entries.filter((entry) => named.has(lowerCase(entry.key))) : this.scanned.entries;
  }

  /**
   * Links this file, read, with the other BibTeX files of a document, linking again only what they can change: the
   * entries that inherit, with the entries they may inherit from. The others' @string macros could change any entry,
   * so when they define any, everything is linked together, as it is when a parent is not named plainly.
   */
  linkWith(others: ScannedFile[], order: string[]): Map<string, LinkedFile> {
    const own = this.result();
    const everything = () => linkBibtex(order.map((source) => (source === this.source ? { source, scan: this.scanned } : others.find((o) => o.source === source)!)));
    if (!this.finished || others.some((other) => other.scan.strings.length > 0)) return everything();
    const named = this.namedParents && parentKeys(others.flatMap((other) => other.scan.entries), new Set(this.namedParents));
    if (!named) return everything();
    const relinked = this.scanned.entries.filter((entry) => inherits(entry) || named.has(lowerCase(entry.key)));
    const reduced: BibtexScan = { entries: relinked, strings: this.scanned.strings, problems: [] };
    const linked = linkBibtex(order.map((source) => (source === this.source ? { source, scan: reduced } : others.find((o) => o.source === source)!)));
    const byEntry = new Map(relinked.map((entry, i) => [entry, linked.get(this.source)!.entries[i]] as const));
    const entries = this.scanned.entries.map((entry, i) => (inherits(entry) ? byEntry.get(entry)! : own.entries[i]));
    linked.set(this.source, { entries, problems: own.problems });
    return linked;
  }

  /**
   * The file's own problems (syntax, repeated keys, @string definitions) come from linking the scan with only the
   * entries whose key (in any case) is written more than once, since only those can repeat one: linking every entry of
   * a large file at once would block for longer than any slice.
   */
  private finish(): void {
    const repeatedKeys = this.repeatedKeys;
    const repeated = repeatedKeys.size === 0 ? [] : this.scanned.entries.filter((entry) => repeatedKeys.has(lowerCase(entry.key)));
    const repeatedOnly: BibtexScan = { ...this.scanned, entries: repeated };
    const problems = linkBibtex([{ source: this.source, scan: repeatedOnly }]).get(this.source)!.problems;
    this.finished = { entries: this.linked, problems };
    // Needed only to find the repeated keys; a large file would otherwise keep every key twice while it is held.
    this.keysSeen.clear();
    this.parents = [];
  }
}

/** The keys (in lower case) that entries name in crossref or xdata, added to `named`; undefined when one is not written plainly. */
function parentKeys(entries: readonly BibtexEntry[], named = new Set<string>()): Set<string> | undefined {
  for (const entry of entries) if (!addParentKeys(entry, named)) return undefined;
  return named;
}

/** Adds the keys an entry names in crossref or xdata; false when they are not written plainly (a macro, say). */
function addParentKeys(entry: BibtexEntry, named: Set<string>): boolean {
  if (!entry.mayInherit) return true;
  for (const field of entry.fields) {
    if (field.name !== 'crossref' && field.name !== 'xdata') continue;
    const plain = PLAIN_KEYS.exec(field.raw);
    if (!plain) return false;
    for (const key of plain[1].split(',')) named.add(lowerCase(key.trim()));
  }
  return true;
}

/** Reads the fields only of an entry that may inherit: reading every entry's at once would block for long in a large file. */
function inherits(entry: BibtexEntry): boolean {
  return entry.mayInherit && (entry.raw('crossref') !== undefined || entry.raw('xdata') !== undefined);
}

/** Just before the first line at or after `at` that starts with "@", where the scanner can begin an item. */
function sliceEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const next = text.indexOf('\n@', at);
  return next < 0 ? text.length : next + 1;
}
