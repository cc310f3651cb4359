// Finds author-year mentions written without parentheses ("compare to Ananian 2001", "_Tkaczyk et al., 2014_"). A bare
// capitalised word before a year is too common to be a citation on its own ("Windows 2000", "COVID 2019"), so a mention
// counts only when the word is the first author of an entry in the document's own reference list.

import type { Citation, PersonName, ReferenceEntry, Span } from '../types';
import { parseWorkDate } from './dates';
import { nameKey } from '../text/normalize';
import { insideSortedSpans } from '../text/sortedSpans';
import { heldIn } from '../memo';

/** Name, optional "et al.", optional comma, year. Each part is bounded, so matching stays linear. The leading look for a
 * capital letter changes no match: it lets the scan pass over other characters before it tries the look behind. */
const BARE_MENTION = /(?=\p{Lu})(?<![\p{L}\p{M}\p{N}'’\-(@\\/.])([\p{Lu}][\p{L}\p{M}'’-]{1,40})(\s+et\s+al\.?)?,?\s((?:1[5-9]|20)\d\d[a-z]?)(?![\p{L}\p{N}–-])/gu;

/** The keys of names already seen: an edit rescans its paragraph against the whole list, whose entries (moved copies
 * after an edit) share their name objects with the previous version's. */
const familyKeysByName = new WeakMap<PersonName, readonly string[]>();

function familyKeys(name: PersonName): readonly string[] {
  return heldIn(familyKeysByName, name, () =>
    name.literal ? [nameKey(name.literal)] : [nameKey(name.family), nameKey(`${name.particle ?? ''} ${name.family}`)],
  );
}

/** The first authors' keys of the list last read, by the name objects they were made from. */
let lastFirstAuthors: { names: (PersonName | undefined)[]; keys: Set<string> } = { names: [], keys: new Set() };

/** The keys of the entries' first authors: the same set as last time when every entry has the same first author object. */
function firstAuthorKeys(entries: ReferenceEntry[]): Set<string> {
  const names = entries.map((entry) => entry.authors[0]);
  const last = lastFirstAuthors.names;
  if (names.length === last.length && names.every((name, i) => name === last[i])) return lastFirstAuthors.keys;
  const keys = new Set<string>();
  for (const name of names) if (name) for (const key of familyKeys(name)) keys.add(key);
  lastFirstAuthors = { names, keys };
  return keys;
}

export function findBareMentions(masked: string, entries: ReferenceEntry[], taken: Span[]): Citation[] {
  const firstAuthors = firstAuthorKeys(entries);
  if (firstAuthors.size === 0) return [];
  const found: Citation[] = [];
  const sorted = [...taken].sort((a, b) => a.start - b.start);
  BARE_MENTION.lastIndex = 0;
  for (let m = BARE_MENTION.exec(masked); m; m = BARE_MENTION.exec(masked)) {
    const [whole, name, etAl, year] = m;
    if (!firstAuthors.has(nameKey(name)) || insideSortedSpans(sorted, m.index)) continue;
    const date = parseWorkDate(year);
    if (!date) continue;
    const span = { start: m.index, end: m.index + whole.length };
    const authorSpan = { start: m.index, end: m.index + name.length + (etAl?.length ?? 0) };
    found.push({
      span,
      kind: 'narrative',
      items: [
        {
          span,
          authorText: etAl ? `${name} et al.` : name,
          authorSpan,
          authors: [name],
          etAl: !!etAl,
          isTitle: false,
          date,
          dateSpan: { start: span.end - year.length, end: span.end },
        },
      ],
    });
  }
  return found;
}
