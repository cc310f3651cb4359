// APA 7 tells apart works of the same authors and year with a/b suffixes, in the list and in every citation. Two gaps
// are left by the other diagnostics (a citation of a year that two entries share is `ambiguous-entry`, a suffix that no
// entry has is `missing-entry`): a citation that leaves out the suffix of the one entry it resolved to, and an entry
// that carries a suffix although no other entry has the same authors and year.

import type { Analysis } from '../../index/analysis';
import type { ReferenceEntry } from '../../types';
import { citeEntry } from '../apa';
import { formatCitationDate } from '../../syntax/dates';
import { personKeys, unsuffixedDateKey } from '../../resolve/entryIndex';
import { entryHead } from './spans';
import type { Finding, WorkRule } from './finding';
import { typedEntries } from './typedEntries';

/** A citation that leaves out the suffix of the entry it resolved to. */
export const citedSuffixFindings: WorkRule = (_text, { work, entry }) => {
  if (!entry?.date?.suffix || work.date.suffix) return [];
  const date = formatCitationDate(entry.date);
  return [
    {
      span: work.dateSpan,
      message: `The reference entry is dated ${date}: cite it with its suffix, as ${citeEntry(entry, 'narrative')}.`,
      fix: { title: `Write ${date}`, edits: [{ span: work.dateSpan, newText: date }] },
    },
  ];
};

/**
 * The first author and the year without its suffix. Entries that share only these may still need suffixes, because
 * "Warton et al. (2015)" cites both "Warton, Blanchet, ..." and "Warton, Foster, ..." alike; so a suffix is called
 * needless only when no other entry shares even the first author and year.
 */
function yearGroupKey(entry: ReferenceEntry, year: string): string | undefined {
  const first = entry.authors[0];
  if (!first) return undefined;
  return `${personKeys(first)[0] ?? ''}#${year}`;
}

/** An entry with a suffix that no other entry of the same first author and year needs. */
export function listedSuffixFindings(analysis: Analysis): Finding[] {
  const entries = typedEntries(analysis);
  // Only an entry with a suffix is judged, and only entries of its year can share its group: most lists have no
  // suffix at all, and need no group counted.
  const suffixedYears = new Set<string>();
  for (const entry of entries) if (entry.date?.suffix) suffixedYears.add(unsuffixedDateKey(entry.date));
  if (suffixedYears.size === 0) return [];
  const groupSizes = new Map<string, number>();
  const groupKeys = new Map<ReferenceEntry, string>();
  for (const entry of entries) {
    const year = entry.date && unsuffixedDateKey(entry.date);
    const key = year !== undefined && suffixedYears.has(year) ? yearGroupKey(entry, year) : undefined;
    if (!key) continue;
    groupKeys.set(entry, key);
    groupSizes.set(key, (groupSizes.get(key) ?? 0) + 1);
  }
  return entries.flatMap((entry) => {
    const key = groupKeys.get(entry);
    if (!entry.date?.suffix || !key || groupSizes.get(key) !== 1) return [];
    return [
      {
        span: entryHead(entry, analysis.text),
        message: `${citeEntry(entry, 'narrative')} has a suffix, but no other entry has the same first author and year: suffixes only tell such entries apart.`,
      },
    ];
  });
}
