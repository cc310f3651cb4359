// Fills the fields an entry leaves out from the entries it names in `xdata` and `crossref`, across all bibliography
// files, following BibLaTeX's default inheritance roughly: a parent's title becomes the booktitle of an
// inproceedings, incollection or inbook, a periodical's title becomes an article's journaltitle, and every other
// field is copied under its own name when the child lacks it.

import type { FieldMap } from './bibtexFields';

export interface InheritingEntry {
  key: string;
  type: string;
  fields: FieldMap;
}

export interface MissingParent {
  field: 'crossref' | 'xdata';
  key: string;
}

/** Fields that describe the entry itself and are never inherited. */
const NOT_INHERITED = new Set([
  'crossref', 'xref', 'xdata', 'ids', 'entryset', 'entrysubtype', 'execute', 'label', 'options', 'presort', 'related',
  'relatedoptions', 'relatedstring', 'relatedtype', 'shorthand', 'shorthandintro', 'sortkey',
]);

/** Types whose parent is the containing book or proceedings: the parent's title is their booktitle. */
const PART_OF_BOOK = new Set(['inbook', 'bookinbook', 'suppbook', 'incollection', 'suppcollection', 'inreference', 'inproceedings', 'conference']);

const TITLE_FIELDS_AS_BOOK = new Map([['title', 'booktitle'], ['subtitle', 'booksubtitle'], ['titleaddon', 'booktitleaddon']]);
const TITLE_FIELDS_AS_JOURNAL = new Map([['title', 'journaltitle'], ['subtitle', 'journalsubtitle']]);
const TITLE_FIELDS_NOT_INHERITED = new Set(['shorttitle', 'sorttitle', 'indextitle', 'indexsorttitle']);

/** Chains longer than this are cut: real files nest two or three levels, and the limit keeps recursion shallow. */
const MAX_DEPTH = 16;

/**
 * Inheritance among the entries of all files. The entries it works with are made from candidates (the scanned entries)
 * only when an entry is linked or named as a parent, so that linking a large file does no work for entries never read.
 */
export class Inheritance<Candidate extends { readonly key: string }> {
  /** Made when a parent is first looked up (by exact key, and by key in lower case when that fails): many files have
   * no crossref or xdata at all. */
  private byKey: Map<string, Candidate> | undefined;
  private byFoldedKey: Map<string, Candidate> | undefined;
  private readonly made = new Map<Candidate, InheritingEntry>();
  private readonly resolved = new Map<InheritingEntry, FieldMap>();

  /** `candidates` lists the entries in the order of their files; the first entry with a key wins. */
  constructor(
    private readonly candidates: () => Iterable<Candidate>,
    private readonly make: (candidate: Candidate) => InheritingEntry,
  ) {}

  /**
   * The candidate's fields with everything it inherits; `missing` receives the parents that do not exist. Only an
   * entry that inherits, or is a parent, is kept for later: most entries are neither.
   */
  fieldsOf(candidate: Candidate, missing: MissingParent[] = []): FieldMap {
    const kept = this.made.get(candidate);
    const entry = kept ?? this.make(candidate);
    if (!inherits(entry)) return entry.fields;
    if (!kept) this.made.set(candidate, entry);
    return this.resolve(entry, new Set(), missing, 0);
  }

  /** The entry made from a candidate, the same object every time, since inheritance results are kept by entry. */
  private entryOf(candidate: Candidate): InheritingEntry {
    let entry = this.made.get(candidate);
    if (entry === undefined) {
      entry = this.make(candidate);
      this.made.set(candidate, entry);
    }
    return entry;
  }

  private resolve(entry: InheritingEntry, visiting: Set<InheritingEntry>, missing: MissingParent[], depth: number): FieldMap {
    const done = this.resolved.get(entry);
    if (done) return done;
    if (!inherits(entry)) return entry.fields;
    if (visiting.has(entry) || depth > MAX_DEPTH) return entry.fields;
    visiting.add(entry);
    const fields = new Map(entry.fields);
    // BibLaTeX reads xdata first, as if its fields were written in the entry, and crossref after.
    for (const key of splitKeys(entry.fields.get('xdata'))) {
      const parent = this.find(key);
      if (parent) copyMissing(fields, this.resolve(parent, visiting, [], depth + 1), (name) => [name]);
      else missing.push({ field: 'xdata', key });
    }
    const crossref = entry.fields.get('crossref')?.trim();
    if (crossref) {
      const parent = this.find(crossref);
      if (parent) copyMissing(fields, this.resolve(parent, visiting, [], depth + 1), (name) => inheritedAs(entry.type, parent.type, name));
      else missing.push({ field: 'crossref', key: crossref });
    }
    visiting.delete(entry);
    this.resolved.set(entry, fields);
    return fields;
  }

  /** BibTeX looks cross-references up without regard to case; an exact match is preferred. */
  private find(key: string): InheritingEntry | undefined {
    this.byKey ??= firstByKey(this.candidates(), (candidate) => candidate.key);
    const exact = this.byKey.get(key);
    if (exact) return this.entryOf(exact);
    this.byFoldedKey ??= firstByKey(this.candidates(), (candidate) => candidate.key.toLowerCase());
    const folded = this.byFoldedKey.get(key.toLowerCase());
    return folded && this.entryOf(folded);
  }
}

function firstByKey<Candidate>(candidates: Iterable<Candidate>, keyOf: (candidate: Candidate) => string): Map<string, Candidate> {
  const byKey = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = keyOf(candidate);
    if (!byKey.has(key)) byKey.set(key, candidate);
  }
  return byKey;
}

function inherits(entry: InheritingEntry): boolean {
  return entry.fields.has('xdata') || entry.fields.has('crossref');
}

function copyMissing(fields: Map<string, string>, parentFields: FieldMap, targets: (name: string) => string[]): void {
  for (const [name, value] of parentFields) {
    if (NOT_INHERITED.has(name)) continue;
    for (const target of targets(name)) if (!fields.has(target)) fields.set(target, value);
  }
}

/** The child fields a parent field fills. */
function inheritedAs(childType: string, parentType: string, name: string): string[] {
  if (PART_OF_BOOK.has(childType)) {
    if (TITLE_FIELDS_NOT_INHERITED.has(name)) return [];
    const asBook = TITLE_FIELDS_AS_BOOK.get(name);
    if (asBook) return [asBook];
  }
  if (childType === 'article' && parentType === 'periodical') {
    if (TITLE_FIELDS_NOT_INHERITED.has(name)) return [];
    const asJournal = TITLE_FIELDS_AS_JOURNAL.get(name);
    if (asJournal) return [asJournal];
  }
  return [name];
}

function splitKeys(list: string | undefined): string[] {
  if (!list) return [];
  return list.split(',').map((key) => key.trim()).filter((key) => key !== '');
}
