// The order APA 7 puts works in, both in the reference list and among the works of one parenthesis: letter by letter
// by the first author's family name ("nothing precedes something": Brown before Browning), then the next authors (a
// one-author work before a work that adds co-authors), then the date (n.d. first, in press last), then the a/b suffix.
// A work without an author sorts by its title, leaving out a leading "A", "An" or "The".

import type { CitedWork, PersonName, ReferenceEntry, WorkDate } from '../../types';
import { nameKey } from '../../text/normalize';
import { citedName } from '../apa';

export interface OrderKey {
  /** One comparison key per author, or the title's for a work without an author. */
  names: string[];
  /** Initials per author; known for entries only, and compared only when both sides have them. */
  initials?: string[];
  date: number;
  suffix: string;
}

const LEADING_ARTICLE = /^(?:the|an?)\s+/iu;

/** n.d. (or no date at all) sorts first, in press and forthcoming last. */
export function dateOrder(date: WorkDate | undefined): number {
  if (!date || date.noDate) return Number.NEGATIVE_INFINITY;
  return date.year ?? Number.POSITIVE_INFINITY;
}

/**
 * The name an entry sorts under. The entry reader keeps a particle only when the entry writes it before the family
 * name ("van den Boogard, A." files under "v"); "Boogard, A. van den" has none and files under "B".
 */
function sortName(name: PersonName): string {
  return nameKey(citedName(name));
}

function initialsOf(name: PersonName): string {
  return (name.given ?? '')
    .split(/[\s.-]+/u)
    .filter((part) => part !== '')
    .map((part) => part[0].toLowerCase())
    .join('');
}

function titleKey(title: string): string {
  return nameKey(title.replace(LEADING_ARTICLE, ''));
}

/**
 * Whether the entry writes its first author family name first ("Roberts, D. W."), as APA does. An entry that writes
 * the given name first ("R Core Team", "Dominika Tkaczyk") may sort under either, so it is not judged.
 */
function writesFamilyFirst(entry: ReferenceEntry): boolean {
  const first = entry.authors[0];
  if (!first || first.literal || !first.given) return true;
  const text = entry.text.toLowerCase();
  const family = text.indexOf(first.family.toLowerCase());
  const given = text.indexOf(first.given.split(' ')[0].toLowerCase());
  return family >= 0 && (given < 0 || family < given);
}

/** Keys computed once per entry object: sorting and the rules ask for the same entry's key many times. */
const orderKeys = new WeakMap<ReferenceEntry, OrderKey | null>();

/** The key of an entry, or undefined when it has neither an author nor a title to sort by, or an unclear first name. */
export function entryOrderKey(entry: ReferenceEntry): OrderKey | undefined {
  const known = orderKeys.get(entry);
  if (known !== undefined) return known ?? undefined;
  const key = computeEntryOrderKey(entry);
  orderKeys.set(entry, key ?? null);
  return key;
}

function computeEntryOrderKey(entry: ReferenceEntry): OrderKey | undefined {
  const date = dateOrder(entry.date);
  const suffix = entry.date?.suffix ?? '';
  if (entry.authors.length > 0) {
    if (!writesFamilyFirst(entry)) return undefined;
    return { names: entry.authors.map(sortName), initials: entry.authors.map(initialsOf), date, suffix };
  }
  return entry.title ? { names: [titleKey(entry.title)], date, suffix } : undefined;
}

/** The key of a work as a citation writes it: the names given, without initials. */
export function workOrderKey(work: CitedWork): OrderKey {
  const names = work.isTitle ? [titleKey(work.authors[0] ?? '')] : work.authors.map(nameKey);
  return { names, date: dateOrder(work.date), suffix: work.date.suffix ?? '' };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` comes first, positive when `b` does, zero when APA leaves their order open. */
export function compareOrder(a: OrderKey, b: OrderKey): number {
  const common = Math.min(a.names.length, b.names.length);
  for (let i = 0; i < common; i++) {
    const byName = compareStrings(a.names[i], b.names[i]);
    if (byName !== 0) return byName;
    const byInitials = a.initials && b.initials ? compareStrings(a.initials[i], b.initials[i]) : 0;
    if (byInitials !== 0) return byInitials;
  }
  if (a.names.length !== b.names.length) return a.names.length - b.names.length;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return compareStrings(a.suffix, b.suffix);
}

/** Compares two reference entries in APA order; entries that cannot be placed compare as equal, keeping their order. */
export function compareReferenceEntries(a: ReferenceEntry, b: ReferenceEntry): number {
  const keyA = entryOrderKey(a);
  const keyB = entryOrderKey(b);
  return keyA && keyB ? compareOrder(keyA, keyB) : 0;
}
