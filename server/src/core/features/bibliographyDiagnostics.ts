// Diagnostics shown in a bibliography file itself: syntax errors at their exact place, duplicate keys, entries that
// could not be read. Every other entry of the file stays usable.

import type { Bibliography, BibliographySource } from '../index/bibliography';
import type { DiagnosticSettings } from '../types';
import type { CoreDiagnostic } from './diagnostics';
import { workInSlices } from '../slices';

/** How far the entries' problems of each file have been read, for reading them a slice at a time. */
const problemsReadUpTo = new WeakMap<BibliographySource, number>();

/**
 * Reads the problems of a file's entries, which a BibTeX entry works out on first read, until `shouldStop` says so;
 * true once all are read. At 50,000 entries reading them all takes a quarter of a second, which the server spends in
 * slices while it is idle rather than in one block before it shows the file's problems.
 */
export function readEntryProblems(source: BibliographySource, shouldStop: () => boolean = () => false): boolean {
  const entries = source.entries;
  const reached = workInSlices(problemsReadUpTo.get(source) ?? 0, entries.length, (position) => void entries[position].problems, shouldStop);
  problemsReadUpTo.set(source, reached);
  return reached === entries.length;
}

/** Whether every entry's problems of a file have been read (see readEntryProblems). */
export function entryProblemsRead(source: BibliographySource): boolean {
  return (problemsReadUpTo.get(source) ?? 0) >= source.entries.length;
}

/** Problem codes of the readers that are about a key defined twice; everything else is a reading problem. */
const DUPLICATE_CODES = new Set(['duplicate-key']);

export function bibliographyDiagnostics(source: BibliographySource, settings: DiagnosticSettings): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const problems = [...source.problems, ...source.entries.flatMap((e) => e.problems)];
  for (const problem of problems) {
    const duplicate = DUPLICATE_CODES.has(problem.code);
    // A file read only in part is worth knowing about, but nothing in it is wrong.
    const severity = duplicate ? settings.duplicateKey : problem.code === 'bib-truncated' ? 'information' : settings.bibliographySyntax;
    if (severity === 'off') continue;
    out.push({ span: problem.span, severity, code: duplicate ? 'duplicate-key' : 'bibliography-syntax', message: problem.message });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Keys defined in more than one of the files that one document sees: each definition is marked in its file, with the
 * others as related places. (A key defined twice in one file is a problem the file's reader reports itself.)
 */
export function duplicateKeysAcrossFiles(bibliographies: Bibliography[], settings: DiagnosticSettings): Map<string, CoreDiagnostic[]> {
  const bySource = new Map<string, CoreDiagnostic[]>();
  if (settings.duplicateKey === 'off') return bySource;
  const reported = new Set<string>();
  for (const bibliography of bibliographies) {
    for (const [key, entries] of bibliography.byKey) {
      const sources = new Set(entries.map((e) => e.source));
      if (sources.size < 2) continue;
      for (const entry of entries) {
        if (!entry.source || reported.has(entry.id)) continue;
        reported.add(entry.id);
        const others = entries.filter((other) => other.source !== entry.source);
        const list = bySource.get(entry.source) ?? [];
        list.push({
          span: entry.keySpan ?? entry.span,
          severity: settings.duplicateKey,
          code: 'duplicate-key',
          message: `The key "${key}" is also defined in ${others.length === 1 ? 'another file' : `${others.length} other files`} that the same documents use.`,
          related: others.map((other) => ({ source: other.source, span: other.keySpan ?? other.span, message: `"${key}" is defined here too` })),
        });
        bySource.set(entry.source, list);
      }
    }
  }
  return bySource;
}
