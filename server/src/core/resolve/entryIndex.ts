// Reference entries indexed for author-date resolution: each entry's name and date keys, and the entries by their first
// author, so that a cited work compares itself with a few entries rather than all of them.

import type { PersonName, ReferenceEntry, WorkDate } from '../types';
import { dateKey } from '../syntax/dates';
import { nameKey, titleWords } from '../text/normalize';

export interface IndexedEntry {
  entry: ReferenceEntry;
  /** Keys of each author: the full name with particles, and the family name alone. */
  authorKeys: string[][];
  dateKey: string;
  /** The date without its suffix, to notice "2019" against "2019a". */
  yearKey: string;
  /** Made on first use by `wordsOf`: only a cited title or an entry without authors needs them, and building them for
   * every entry of a large bibliography would cost more than the rest of the index. */
  words?: EntryWords;
}

export interface EntryWords {
  title: string[];
  /** The words the entry starts with: the title, for a work without an author (which may read like a group author). */
  leading: string[];
}

export function wordsOf(indexed: IndexedEntry): EntryWords {
  const entry = indexed.entry;
  indexed.words ??= { title: titleWords(entry.title ?? entry.text), leading: titleWords(entry.text.slice(0, 300)) };
  return indexed.words;
}

/** The key of a date without its suffix: "2019" for "2019a". Most dates have no suffix and are keyed as they are. */
export function unsuffixedDateKey(date: WorkDate): string {
  return date.suffix ? dateKey({ ...date, suffix: undefined }) : dateKey(date);
}

/** Comparison keys of one name: with particles ("vandenboogard") and without ("boogard"). */
export function personKeys(name: PersonName): string[] {
  if (name.literal) return [nameKey(name.literal)];
  const family = nameKey(name.family);
  return nonEmpty(name.particle ? [nameKey(`${name.particle} ${name.family}`), family] : [family]);
}

/** The keys without the empty ones, which a name of punctuation alone has; most names have none to drop. */
function nonEmpty(keys: string[]): string[] {
  return keys.includes('') ? keys.filter((key) => key.length > 0) : keys;
}

function indexEntry(entry: ReferenceEntry): IndexedEntry {
  const date = entry.date;
  return {
    entry,
    authorKeys: entry.authors.map(personKeys),
    dateKey: date ? dateKey(date) : '',
    yearKey: date ? unsuffixedDateKey(date) : '',
  };
}

/** Entries looked up by the keys of their first author, so that a citation compares itself with a few entries, not all. */
export interface EntryIndex {
  all: IndexedEntry[];
  byFirstAuthor: Map<string, IndexedEntry[]>;
  /** Entries without authors, which a citation names by their title. */
  authorless: IndexedEntry[];
  /** Entries by date key and by year key, made on first use by `entriesDated`: only a work without an entry needs them. */
  byDate?: DateBuckets;
}

interface DateBuckets {
  byDateKey: Map<string, IndexedEntry[]>;
  byYearKey: Map<string, IndexedEntry[]>;
}

/** Adds the entry under the key, once: a name whose two keys are equal files its entry in one bucket once. */
function addTo(buckets: Map<string, IndexedEntry[]>, key: string, indexed: IndexedEntry): void {
  const bucket = buckets.get(key);
  if (!bucket) buckets.set(key, [indexed]);
  else if (bucket[bucket.length - 1] !== indexed) bucket.push(indexed);
}

export function buildIndex(entries: ReferenceEntry[]): EntryIndex {
  const all: IndexedEntry[] = new Array(entries.length);
  const byFirstAuthor = new Map<string, IndexedEntry[]>();
  const authorless: IndexedEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const indexed = indexEntry(entries[i]);
    all[i] = indexed;
    const keys = indexed.authorKeys[0];
    if (!keys) authorless.push(indexed);
    else for (const key of keys) addTo(byFirstAuthor, key, indexed);
  }
  return { all, byFirstAuthor, authorless };
}

const NO_ENTRIES: IndexedEntry[] = [];

/**
 * The entries, in list order, that a cited date can match exactly or without its suffix: for a date with a suffix
 * ("2019a") those dated with it, for a date without one every entry of its year ("2019", "2019a", "2019b"), whose
 * year key is the date's key.
 */
export function entriesDated(index: EntryIndex, key: string, hasSuffix: boolean): IndexedEntry[] {
  const buckets = (index.byDate ??= dateBucketsOf(index.all));
  return (hasSuffix ? buckets.byDateKey.get(key) : buckets.byYearKey.get(key)) ?? NO_ENTRIES;
}

function dateBucketsOf(all: IndexedEntry[]): DateBuckets {
  const buckets: DateBuckets = { byDateKey: new Map(), byYearKey: new Map() };
  for (const indexed of all) {
    addTo(buckets.byDateKey, indexed.dateKey, indexed);
    addTo(buckets.byYearKey, indexed.yearKey, indexed);
  }
  return buckets;
}

/** Entries with the same authors and date that no citation can tell apart. */
export function findIndistinguishable(entries: IndexedEntry[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const e of entries) {
    if (e.authorKeys.length === 0 || !e.dateKey) continue;
    const key = `${e.authorKeys.map((k) => k[0]).join('|')}#${e.dateKey}`;
    const group = groups.get(key);
    if (group) group.push(e.entry.id);
    else groups.set(key, [e.entry.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
