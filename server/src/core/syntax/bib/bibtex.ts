// Reads BibTeX and BibLaTeX bibliography files in two stages. `scanBibtex` finds the entries of one file with their
// ranges and raw values, so that a changed file is rescanned alone; `linkBibtex` takes the scans of all the files a
// document uses, because macros and cross-references may live in other files, and turns every entry into a
// ReferenceEntry.

import type { Problem, ReferenceEntry } from '../../types';
import { scanBibtex, type BibtexEntry, type BibtexScan } from './bibtexScan';
import { expandValue, monthMacros, type MacroTable } from './bibtexMacros';
import { Inheritance } from './bibtexInherit';
import { OwnFields } from './bibtexFields';
import { unknownMacroProblem } from './bibtexProblems';
import { LinkedBibtexEntry } from './linkedEntry';
import { lowerCase } from '../../text/characters';

export { scanBibtex };
export { copyEntry } from './linkedEntry';
export type { BibtexEntry, BibtexField, BibtexScan, BibtexStringDefinition } from './bibtexScan';

export interface ScannedFile {
  source: string;
  scan: BibtexScan;
}

export interface LinkedFile {
  entries: ReferenceEntry[];
  /** The file's syntax problems and problems of its @string definitions; entry problems are on the entries. */
  problems: Problem[];
}

/**
 * Expands macros (@string definitions of all files, earlier files first, and jan..dec), resolves crossref and xdata
 * across all files, decodes LaTeX and maps each entry to a ReferenceEntry, keyed by source. The file problems are found
 * now; each entry's own problems and properties when it is first read.
 */
export function linkBibtex(scans: ScannedFile[]): Map<string, LinkedFile> {
  const linked = new Map<string, LinkedFile>();
  for (const { source, scan } of scans) linked.set(source, { entries: [], problems: [...scan.problems, ...duplicateKeyProblems(scan.entries)] });
  const macros = collectMacros(scans, linked);
  const inheritance = new Inheritance<BibtexEntry>(
    () => scans.flatMap(({ scan }) => scan.entries),
    (entry) => ({ key: entry.key, type: entry.type, fields: new OwnFields(entry, macros) }),
  );
  const context = { macros, inheritance };
  for (const { source, scan } of scans) {
    const entries = linked.get(source)!.entries;
    for (const entry of scan.entries) entries.push(new LinkedBibtexEntry(source, entry, context));
  }
  return linked;
}

/** Reads every @string in file order; a definition may use the ones before it. */
function collectMacros(scans: ScannedFile[], linked: Map<string, LinkedFile>): MacroTable {
  const macros = monthMacros();
  for (const { source, scan } of scans) {
    const problems = linked.get(source)!.problems;
    for (const definition of scan.strings) {
      const unknownMacros: string[] = [];
      macros.set(definition.name, expandValue(definition.raw, macros, unknownMacros));
      for (const name of unknownMacros) problems.push(unknownMacroProblem(definition.span, name));
    }
  }
  return macros;
}

/** Found here rather than by the scan, which may see the file in slices. */
function duplicateKeyProblems(entries: readonly BibtexEntry[]): Problem[] {
  const problems: Problem[] = [];
  // BibTeX compares keys without regard to case when it looks for repeated entries.
  const seen = new Set<string>();
  for (const entry of entries) {
    const folded = lowerCase(entry.key);
    if (seen.has(folded)) problems.push({ span: entry.keySpan, code: 'duplicate-key', message: `The key "${entry.key}" is used by an earlier entry of this file.` });
    seen.add(folded);
  }
  return problems;
}
