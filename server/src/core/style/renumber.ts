// Renumbers a numeric document in the order in which works are first cited, as IEEE wants: every citation gets the
// new numbers of the works it cites, and every numbered entry moves to its new place with its new number. Entries
// never cited keep their relative order after the cited ones.

import type { Analysis } from '../index/analysis';
import type { NumberedEntry, NumericCitation, Span } from '../types';
import type { TextEdit } from '../features/codeActions';
import type { RuleFix } from './rules/finding';
import { citedNumbers } from './numericMatching';

/** The fix, or nothing when renumbering could not be safe: two entries share a number, or a cited number has no entry. */
export function renumberInCitationOrder(analysis: Analysis): RuleFix | undefined {
  const { facts, text } = analysis;
  const entries = facts.numberedEntries ?? [];
  const byNumber = new Map(entries.map((e) => [e.number, e]));
  if (byNumber.size !== entries.length) return undefined;
  const newNumber = numbersInCitationOrder(facts.numericCitations ?? [], entries, byNumber);
  if (!newNumber) return undefined;
  const edits = [...citationEdits(text, facts.numericCitations ?? [], newNumber), ...listEdits(analysis, entries, newNumber)];
  return edits.length ? { title: 'Renumber the references in order of first citation', edits } : undefined;
}

function numbersInCitationOrder(citations: NumericCitation[], entries: NumberedEntry[], byNumber: Map<number, NumberedEntry>): Map<number, number> | undefined {
  const order: number[] = [];
  const placed = new Set<number>();
  for (const citation of citations) {
    for (const n of citedNumbers(citation).filter((n) => !placed.has(n)).sort((a, b) => a - b)) {
      if (!byNumber.has(n)) return undefined;
      order.push(n);
      placed.add(n);
    }
  }
  for (const entry of entries) if (!placed.has(entry.number)) order.push(entry.number);
  return new Map(order.map((old, index) => [old, index + 1]));
}

/** Each citation whose numbers change is rewritten between its first and last number, ranges compressed again. */
function citationEdits(text: string, citations: NumericCitation[], newNumber: Map<number, number>): TextEdit[] {
  return citations.flatMap((citation) => {
    const old = citedNumbers(citation);
    const renumbered = old.map((n) => newNumber.get(n)!);
    if (renumbered.every((n, i) => n === old[i])) return [];
    const span: Span = { start: citation.items[0].span.start, end: citation.items[citation.items.length - 1].span.end };
    const written = text.slice(span.start, span.end);
    // Superscripts hold no spaces; brackets keep the spacing written ("[2,5]" or "[2, 5]"), ", " by default.
    const separator = citation.superscript || /,(?!\s)/.test(written) ? ',' : ', ';
    const dash = /[-–—]/.exec(written)?.[0] ?? '–';
    return [{ span, newText: compressed(renumbered, separator, dash) }];
  });
}

/** "1, 2, 3, 5" as "1–3, 5": runs of three or more become ranges. */
function compressed(numbers: number[], separator: string, dash: string): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}${dash}${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(separator);
}

/** The k-th numbered entry's place in the list receives the entry whose new number is k, marker renumbered. */
function listEdits(analysis: Analysis, entries: NumberedEntry[], newNumber: Map<number, number>): TextEdit[] {
  const spans = new Map((analysis.facts.referenceList?.entries ?? []).map((e) => [e.id, e.span]));
  const blockOf = (entry: NumberedEntry): Span => ({ start: analysis.text.lastIndexOf('\n', entry.markerSpan.start - 1) + 1, end: spans.get(entry.entryId)!.end });
  const byNewNumber = new Map(entries.map((e) => [newNumber.get(e.number)!, e]));
  const edits: TextEdit[] = [];
  entries.forEach((slot, index) => {
    const moving = byNewNumber.get(index + 1)!;
    const block = blockOf(moving);
    const numberAt = moving.numberSpan.start - block.start;
    const written = analysis.text.slice(block.start, block.end);
    const newText = written.slice(0, numberAt) + String(index + 1) + written.slice(numberAt + (moving.numberSpan.end - moving.numberSpan.start));
    const target = blockOf(slot);
    if (analysis.text.slice(target.start, target.end) !== newText) edits.push({ span: target, newText });
  });
  return edits;
}
