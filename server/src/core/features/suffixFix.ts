// Quick fixes for typed entries with the same authors and year ("Smith, J. (2019)" twice): APA adds "a", "b", ... to the
// years, in the order of the titles. The entries can be fixed at once; a citation of such a pair cannot, since it points
// at both, so each ambiguous citation gets one fix per entry it may mean, which also adds the suffixes to the entries
// when they have none yet.

import { entryOf, type Analysis } from '../index/analysis';
import type { ReferenceEntry, Span } from '../types';
import { citeEntry } from '../style/apa';
import { compareOrder, entryOrderKey } from '../style/rules/sortOrder';
import { overlaps } from '../style/rules/spans';
import { formatCitationDate } from '../syntax/dates';
import { copyEntry } from '../syntax/bib/bibtex';
import type { QuickFix, TextEdit } from './codeActions';

const CODE = 'ambiguous-entry';

/** How long a title may be in a fix's title before it is cut. */
const TITLE_LENGTH = 40;

/** APA orders same-author, same-year works by title, leaving out a leading article: the order key of a work without authors. */
function byTitle(a: ReferenceEntry, b: ReferenceEntry): number {
  const keyA = entryOrderKey({ ...a, authors: [], title: a.title ?? a.text });
  const keyB = entryOrderKey({ ...b, authors: [], title: b.title ?? b.text });
  return keyA && keyB ? compareOrder(keyA, keyB) : 0;
}

/** "a" for the first work, "b" for the second, ..., "z", then "aa" as APA does not say and readers still follow. */
function suffixAt(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : suffixAt(Math.floor(index / 26) - 1) + letter;
}

/** The offset just after the year in an entry's text ("(2019)." → after "2019"), or nothing when it is not written there. */
function afterYear(text: string, entry: ReferenceEntry): number | undefined {
  const year = entry.date?.year;
  if (year === undefined) return undefined;
  const found = new RegExp(`(?<!\\d)${year}(?![\\d\\p{L}])`, 'u').exec(text.slice(entry.span.start, entry.span.end));
  return found ? entry.span.start + found.index + found[0].length : undefined;
}

/** The typed entries of a group in title order with their new suffixes, or nothing when one of them cannot be edited. */
function suffixedGroup(analysis: Analysis, ids: string[]): { entry: ReferenceEntry; suffix: string; edit: TextEdit }[] | undefined {
  const entries = ids.map((id) => entryOf(analysis, id));
  if (entries.some((e) => !e || e.source || e.date?.suffix)) return undefined;
  const ordered = (entries as ReferenceEntry[]).sort(byTitle);
  const suffixed = ordered.map((entry, index) => {
    const at = afterYear(analysis.text, entry);
    const suffix = suffixAt(index);
    return at === undefined ? undefined : { entry, suffix, edit: { span: { start: at, end: at }, newText: suffix } };
  });
  return suffixed.every((s) => s !== undefined) ? (suffixed as { entry: ReferenceEntry; suffix: string; edit: TextEdit }[]) : undefined;
}

function shortened(title: string): string {
  return title.length > TITLE_LENGTH ? `${title.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : title;
}

/** Fixes on the entries of a group that no citation can tell apart: add the suffixes to all of them. */
function entryFixes(analysis: Analysis, range: Span): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const group of analysis.resolution.indistinguishable) {
    const suffixed = suffixedGroup(analysis, group);
    if (!suffixed) continue;
    const edits = suffixed.map((s) => s.edit);
    const described = citeEntry(suffixed[0].entry, 'narrative');
    for (const { entry } of suffixed) {
      if (!overlaps(entry.span, range)) continue;
      fixes.push({ title: `Add a/b suffixes to the ${suffixed.length} entries ${described}, in title order`, code: CODE, diagnosticSpan: entry.span, edits, preferred: true });
    }
  }
  return fixes;
}

/** Fixes on a citation that points at several typed entries: cite one of them, with its suffix. */
function citationFixes(analysis: Analysis, range: Span): QuickFix[] {
  const fixes: QuickFix[] = [];
  const { facts, resolution, text } = analysis;
  facts.citations.forEach((citation, ci) => {
    if (!overlaps(citation.span, range)) return;
    citation.items.forEach((work, wi) => {
      const result = resolution.byCitation[ci]?.[wi];
      if (result?.status !== 'ambiguous' || !overlaps(work.span, range)) return;
      const entries = result.entryIds.map((id) => entryOf(analysis, id));
      if (entries.some((e) => !e || e.source || !e.date)) return;
      const unsuffixed = entries.every((e) => !e!.date!.suffix);
      const suffixed = unsuffixed ? suffixedGroup(analysis, result.entryIds) : (entries as ReferenceEntry[]).map((entry) => ({ entry, suffix: entry.date!.suffix!, edit: undefined }));
      if (!suffixed) return;
      for (const { entry, suffix } of suffixed) {
        const date = formatCitationDate({ ...entry.date!, suffix });
        const entryEdits = unsuffixed ? suffixed.flatMap((s) => (s.edit ? [s.edit] : [])) : [];
        const citationEdit = text.slice(work.dateSpan.start, work.dateSpan.end) === date ? [] : [{ span: work.dateSpan, newText: date }];
        const cited = citeEntry({ ...copyEntry(entry), date: { ...entry.date!, suffix } }, citation.kind);
        fixes.push({ title: `Cite ${cited}: ${shortened(entry.title ?? entry.text)}`, code: CODE, diagnosticSpan: work.span, edits: [...citationEdit, ...entryEdits] });
      }
    });
  });
  return fixes;
}

export function suffixQuickFixes(analysis: Analysis, range: Span): QuickFix[] {
  return [...entryFixes(analysis, range), ...citationFixes(analysis, range)];
}
