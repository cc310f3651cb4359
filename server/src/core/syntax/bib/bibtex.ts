// Reads BibTeX and BibLaTeX bibliography files in two stages. `scanBibtex` finds the entries of one file with their
// ranges and raw values, so that a changed file is rescanned alone; `linkBibtex` takes the scans of all the files a
// document uses, because macros and cross-references may live in other files, and turns every entry into a
// ReferenceEntry.

import type { Problem, ReferenceEntry, Span } from '../../types';
import { scanBibtex, type BibtexEntry, type BibtexScan } from './bibtexScan';
import { expandValue, monthMacros, type MacroTable } from './bibtexMacros';
import { Inheritance, type MissingParent } from './bibtexInherit';
import { OwnFields, isRepeated, unknownMacrosOf, type FieldMap } from './bibtexFields';
import { toReferenceEntry } from './bibtexToCsl';

export { scanBibtex };
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

/** An entry with its own fields, before inheritance. */
interface ExpandedEntry {
  source: string;
  entry: BibtexEntry;
  key: string;
  type: string;
  fields: FieldMap;
  problems: Problem[];
}

/**
 * Expands macros (@string definitions of all files, earlier files first, and jan..dec), resolves crossref and xdata
 * across all files, decodes LaTeX and maps each entry to a ReferenceEntry, keyed by source.
 */
export function linkBibtex(scans: ScannedFile[]): Map<string, LinkedFile> {
  const linked = new Map<string, LinkedFile>();
  for (const { source, scan } of scans) linked.set(source, { entries: [], problems: [...scan.problems, ...duplicateKeyProblems(scan.entries)] });
  const macros = collectMacros(scans, linked);
  const expanded: ExpandedEntry[] = [];
  for (const { source, scan } of scans) for (const entry of scan.entries) expanded.push(expandEntry(source, entry, macros));
  const inheritance = new Inheritance(expanded);
  for (const item of expanded) {
    const missing: MissingParent[] = [];
    const fields = inheritance.fieldsOf(item, missing);
    for (const parent of missing) item.problems.push(missingParentProblem(item.entry, parent));
    linked.get(item.source)!.entries.push(toReferenceEntry({ source: item.source, entry: item.entry, fields, problems: item.problems }));
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

/** Reports repeated fields and undefined macros now; the values themselves are expanded when they are read. */
function expandEntry(source: string, entry: BibtexEntry, macros: MacroTable): ExpandedEntry {
  const problems: Problem[] = [];
  const fields = entry.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (isRepeated(fields, i)) {
      problems.push({ span: field.span, code: 'bib-duplicate-field', message: `The field "${field.name}" is given twice; the first is used.` });
      continue;
    }
    for (const name of unknownMacrosOf(field.raw, macros)) problems.push(unknownMacroProblem(field.valueSpan, name));
  }
  return { source, entry, key: entry.key, type: entry.type, fields: new OwnFields(entry, macros), problems };
}

/** Found here rather than by the scan, which may see the file in slices. */
function duplicateKeyProblems(entries: readonly BibtexEntry[]): Problem[] {
  const problems: Problem[] = [];
  // BibTeX compares keys without regard to case when it looks for repeated entries.
  const seen = new Set<string>();
  for (const entry of entries) {
    const folded = entry.key.toLowerCase();
    if (seen.has(folded)) problems.push({ span: entry.keySpan, code: 'duplicate-key', message: `The key "${entry.key}" is used by an earlier entry of this file.` });
    seen.add(folded);
  }
  return problems;
}

function unknownMacroProblem(span: Span, name: string): Problem {
  return { span, code: 'bib-unknown-macro', message: `"${name}" is not defined by any @string, so it is read as the text "${name}".` };
}

function missingParentProblem(entry: BibtexEntry, parent: MissingParent): Problem {
  const field = entry.fields.find((candidate) => candidate.name === parent.field);
  return {
    span: field ? field.valueSpan : entry.keySpan,
    code: 'bib-missing-crossref',
    message: `The ${parent.field} entry "${parent.key}" is not in any bibliography file, so nothing is inherited from it.`,
  };
}
