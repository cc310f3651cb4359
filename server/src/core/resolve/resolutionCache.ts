// What resolving one document built, kept for its next version: the index of the typed entries while the reference
// list reads the same, and each cited work's resolution while the entries, the bibliography and the abbreviations it
// was resolved against stay the same. A keystroke in a long document then re-resolves only the works it touched.

import type { CitationKind, CitedWork, DocumentFacts, ReferenceEntry, Resolution, WorkDate } from '../types';
import type { Bibliography } from '../index/bibliography';
import { abbreviationMap, resolutionOf, workKey, type WorkMatch } from './authorDate';
import { buildIndex, findIndistinguishable, type EntryIndex } from './entryIndex';

/** The typed reference list's index, and what is derived from it alone. */
export interface TypedEntries {
  index: EntryIndex;
  /** Groups of typed entries that no citation can tell apart. */
  indistinguishable: string[][];
}

function typedEntriesOf(entries: ReferenceEntry[]): TypedEntries {
  const index = buildIndex(entries);
  return { index, indistinguishable: findIndistinguishable(index.all) };
}

/** Whether two versions of a reference list index alike. An entry is read from its text and from the entries before it
 * (an entry may repeat the authors of the one before), so the same ids and texts in the same order give the same entries;
 * their spans may differ, but resolution never reads them. */
function sameEntries(before: readonly ReferenceEntry[], after: readonly ReferenceEntry[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a !== b && (a.id !== b.id || a.text !== b.text)) return false;
  }
  return true;
}

function abbreviationsKeyOf(facts: DocumentFacts): string {
  return facts.abbreviations.map((a) => `${a.short}\u0000${a.long}`).join('\u0001');
}

/** A work's key, kept with the parts of the work it was made from. */
interface KeyedWork {
  authors: string[];
  etAl: boolean;
  isTitle: boolean;
  secondary?: boolean;
  personalCommunication?: boolean;
  key: string;
}

function madeFrom(keyed: KeyedWork, work: CitedWork): boolean {
  return (
    keyed.authors === work.authors &&
    keyed.etAl === work.etAl &&
    keyed.isTitle === work.isTitle &&
    keyed.secondary === work.secondary &&
    keyed.personalCommunication === work.personalCommunication
  );
}

/** What a work matched, and its resolution in each form it was cited in: kept, so that every version and every
 * citation of the work shares one resolution object per form. */
interface MatchedWork {
  match: WorkMatch;
  parenthetical?: Resolution;
  narrative?: Resolution;
}

export class ResolutionCache {
  private entries: readonly ReferenceEntry[] = [];
  private typedEntries: TypedEntries = typedEntriesOf([]);
  private bibliography: Bibliography | undefined;
  private abbreviationsKey = '';
  private abbreviationsByKey = new Map<string, string>();
  /** The works matched for the previous version, and those matched so far for this one. Only the latter are kept for
   * the next version, so that the works of text since deleted or retyped do not pile up. */
  private previousWorks = new Map<string, MatchedWork>();
  private currentWorks = new Map<string, MatchedWork>();

  /** Starts resolving a new version: drops what its reference list, bibliography or abbreviations no longer match. */
  begin(facts: DocumentFacts, bibliography: Bibliography): void {
    let stillValid = true;
    const entries = facts.referenceList?.entries ?? [];
    if (!sameEntries(this.entries, entries)) {
      this.typedEntries = typedEntriesOf(entries);
      stillValid = false;
    }
    this.entries = entries;
    const abbreviationsKey = abbreviationsKeyOf(facts);
    if (abbreviationsKey !== this.abbreviationsKey) {
      this.abbreviationsKey = abbreviationsKey;
      this.abbreviationsByKey = abbreviationMap(facts);
      stillValid = false;
    }
    if (bibliography !== this.bibliography) {
      this.bibliography = bibliography;
      stillValid = false;
    }
    this.previousWorks = stillValid ? this.currentWorks : new Map();
    this.currentWorks = new Map();
  }

  get typed(): TypedEntries {
    return this.typedEntries;
  }

  get abbreviations(): Map<string, string> {
    return this.abbreviationsByKey;
  }

  /** The resolution of the work cited in the given form, matched by `match` only if no version had a work with the same
   * key (see `workKey`). */
  work(work: CitedWork, form: CitationKind, match: (work: CitedWork) => WorkMatch): Resolution {
    const key = this.keyOf(work);
    let matched = this.currentWorks.get(key);
    if (!matched) {
      matched = this.previousWorks.get(key) ?? { match: match(work) };
      this.currentWorks.set(key, matched);
    }
    return matched.match.status === 'missing' ? (matched[form] ??= resolutionOf(matched.match, form)) : matched.match;
  }

  /** Works of text an edit did not touch are copies sharing their date and authors with the previous version's, so
   * their keys are found by those objects: a key made once is already hashed, and thousands of works per keystroke
   * would otherwise have theirs built and hashed again. */
  private readonly keysByDate = new WeakMap<WorkDate, KeyedWork>();

  private keyOf(work: CitedWork): string {
    const known = this.keysByDate.get(work.date);
    if (known && madeFrom(known, work)) return known.key;
    const { authors, etAl, isTitle, secondary, personalCommunication } = work;
    const key = workKey(work);
    this.keysByDate.set(work.date, { authors, etAl, isTitle, secondary, personalCommunication, key });
    return key;
  }
}
