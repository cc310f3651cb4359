// APA 7 orders the works of one parenthesis as the reference list does (see sortOrder.ts), and several years of one
// author by date: "(Adams, 2019; Smith, n.d., 2018, in press)". A prefix such as "see also" before a later work starts a
// new run that is ordered on its own, and the prefix of the first work stays at the front.

import type { Citation, CitedWork, Span } from '../../types';
import type { TextEdit } from '../../features/codeActions';
import { describeWork } from '../apa';
import type { WorkInContext } from './citedWorks';
import { compareOrder, entryOrderKey, workOrderKey, type OrderKey } from './sortOrder';
import type { CitationRule, Finding } from './finding';

/** The works of one author part: "Smith, 2018, 2019" is one unit of two works. */
interface Unit {
  works: WorkInContext[];
  key: OrderKey;
  /** From the author to the end of the last work's locator or note, before the separator. */
  span: Span;
}

/** Text that a work can be moved with: no markup that belongs to its surroundings (links, emphasis, escapes). */
const MOVABLE = /^[^()[\]<>`*_\\]*$/u;
const SEPARATOR = /^\s*[;,]\s*$/u;

export const orderInParenthesisFindings: CitationRule = (text, citation, works) => {
  if (citation.kind !== 'parenthetical' || citation.items.length < 2) return [];
  // "as cited in" pairs and personal communications have an order of their own.
  if (works.some(({ work }) => work.secondary || work.personalCommunication)) return [];
  const units = unitsOf(text, citation, works);
  return [...unitOrderFindings(text, units), ...units.flatMap((unit) => dateOrderFindings(text, unit))];
};

function unitsOf(text: string, citation: Citation, works: WorkInContext[]): Unit[] {
  const groups: WorkInContext[][] = [];
  for (const context of works) {
    const last = groups[groups.length - 1];
    if (last && last[0].work.authorSpan.start === context.work.authorSpan.start) last.push(context);
    else groups.push([context]);
  }
  const close = citation.span.end - 1;
  return groups.map((group, i) => {
    const first = group[0];
    const lastWork = group[group.length - 1].work;
    const next = groups[i + 1]?.[0].work.span.start ?? close;
    return {
      works: group,
      key: (first.entry && entryOrderKey(first.entry)) || workOrderKey(first.work),
      span: { start: first.work.span.start, end: unitEnd(text, lastWork, next) },
    };
  });
}

/** Where a unit's text ends: at the separator before the next unit (or the closing parenthesis), spaces left out. */
function unitEnd(text: string, last: CitedWork, next: number): number {
  const between = text.slice(last.dateSpan.end, next);
  const semicolon = between.lastIndexOf(';');
  let end = semicolon >= 0 ? last.dateSpan.end + semicolon : last.locator || last.note ? next : last.dateSpan.end;
  while (end > last.dateSpan.end && /\s/u.test(text[end - 1])) end--;
  return end;
}

/**
 * Reports the first unit that sorts before the unit in front of it, naming the unit it belongs before. A resolved work
 * sorts by its entry, whose initials count only against another resolved work.
 */
function unitOrderFindings(text: string, units: Unit[]): Finding[] {
  const runs = runsOf(units);
  for (const run of runs) {
    for (let i = 1; i < run.length; i++) {
      if (compareOrder(run[i].key, run[i - 1].key) >= 0) continue;
      const misplaced = run[i];
      const before = run.find((other) => compareOrder(misplaced.key, other.key) < 0)!;
      const name = describeWork(misplaced.works[0].work);
      return [
        {
          span: misplaced.works[0].work.span,
          message: `Works in one parenthesis go in the order of the reference list: ${name} should come before ${describeWork(before.works[0].work)}.`,
          fix: reorderFix(text, runs),
        },
      ];
    }
  }
  return [];
}

/** Runs of units ordered on their own: a prefix on a later work ("see also") starts a new run. */
function runsOf(units: Unit[]): Unit[][] {
  const runs: Unit[][] = [];
  units.forEach((unit, i) => {
    if (i === 0 || unit.works[0].work.prefix) runs.push([unit]);
    else runs[runs.length - 1].push(unit);
  });
  return runs;
}

function reorderFix(text: string, runs: Unit[][]): Finding['fix'] {
  const edits: TextEdit[] = [];
  for (const run of runs) {
    const sorted = [...run].sort((a, b) => compareOrder(a.key, b.key));
    if (sorted.every((unit, i) => unit === run[i])) continue;
    const pieces = run.map((unit) => text.slice(unit.span.start, unit.span.end));
    const separators = run.slice(1).map((unit, i) => text.slice(run[i].span.end, unit.span.start));
    if (!pieces.every((piece) => MOVABLE.test(piece)) || !separators.every((s) => SEPARATOR.test(s))) return undefined;
    const newText = sorted.map((unit, i) => text.slice(unit.span.start, unit.span.end) + (separators[i] ?? '')).join('');
    edits.push({ span: { start: run[0].span.start, end: run[run.length - 1].span.end }, newText });
  }
  return edits.length ? { title: 'Put the works in reference-list order', edits } : undefined;
}

/** Several years of one author in date order; the fix swaps the dates only when no locator or note would move. */
function dateOrderFindings(text: string, unit: Unit): Finding[] {
  const dated = unit.works.map(({ work }) => ({ work, key: workOrderKey(work) }));
  for (let i = 1; i < dated.length; i++) {
    if (compareOrder(dated[i].key, dated[i - 1].key) >= 0) continue;
    const misplaced = dated[i].work;
    const before = dated.find((other) => compareOrder(dated[i].key, other.key) < 0)!.work;
    const works = dated.map(({ work }) => work);
    const movable = works.every((work) => !work.locator && !work.note);
    const separators = works.slice(1).map((work, k) => text.slice(works[k].dateSpan.end, work.dateSpan.start));
    const sorted = [...dated].sort((a, b) => compareOrder(a.key, b.key));
    const newText = sorted.map(({ work }, k) => text.slice(work.dateSpan.start, work.dateSpan.end) + (separators[k] ?? '')).join('');
    const span = { start: works[0].dateSpan.start, end: works[works.length - 1].dateSpan.end };
    return [
      {
        span: misplaced.dateSpan,
        message: `Several works of one author go in date order (n.d. first, in press last): ${misplaced.date.text} should come before ${before.date.text}.`,
        fix: movable ? { title: 'Put the years in date order', edits: [{ span, newText }] } : undefined,
      },
    ];
  }
  return [];
}
