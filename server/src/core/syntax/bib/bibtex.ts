// Reads BibTeX and BibLaTeX bibliography files in two stages. `scanBibtex` finds the entries of one file with their
// ranges and raw values, so that a changed file is rescanned alone; `linkBibtex` takes the scans of all the files a
// document uses, because macros and cross-references may live in other files, and turns every entry into a
// ReferenceEntry.

import type { Problem, ReferenceEntry, Span } from '../../types';
import { scanBibtex, type BibtexEntry, type BibtexScan } from './bibtexScan';
import { expandValue, monthMacros, type MacroTable } from './bibtexMacros';
import { Inheritance, type MissingParent } from './bibtexInherit';
import { OwnFields, isRepeated, unknownMacrosOf } from './bibtexFields';
import { OPTIONAL_PROPERTIES, cslItem, fillOptionalProperties, mappingProblems, type MappedEntry } from './bibtexToCsl';
import { summarise } from './bibtexSummary';
import { LazyProperties } from './lazyProperties';

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

/** What linking one entry needs: its scan, and the macros and inheritance all files share. */
interface LinkInput {
  entry: BibtexEntry;
  macros: MacroTable;
  inheritance: Inheritance<BibtexEntry>;
}

/**
 * Everything but an entry's id, ranges, key and type is worked out when first read: a large file has tens of thousands
 * of entries, and most are never shown, hovered or cited. The problems are read on their own (a bibliography's
 * diagnostics read every entry's), so they make no names, dates or titles to keep; reading anything else fills in the
 * optional properties, and the summary and CSL item are built when they are read.
 */
const linkedLater = new LazyProperties<ReferenceEntry, LinkInput, MappedEntry>({
  each: {
    text: (reference) => summarise(reference),
    csl: (reference, _input, filled) => cslItem(filled().csl, reference),
    authors: (_reference, _input, filled) => filled().authors,
    problems: (_reference, input) => entryProblems(input),
  },
  together: OPTIONAL_PROPERTIES,
  fill: (reference, { entry, inheritance }) => fillOptionalProperties(reference, { entry, fields: inheritance.fieldsOf(entry) }),
});

/** An entry's own problems: repeated fields, undefined macros, missing parents, unreadable names and dates. */
function entryProblems({ entry, macros, inheritance }: LinkInput): Problem[] {
  const problems = fieldProblems(entry, macros);
  const missing: MissingParent[] = [];
  const fields = inheritance.fieldsOf(entry, missing);
  for (const parent of missing) problems.push(missingParentProblem(entry, parent));
  mappingProblems({ entry, fields }, problems);
  return problems;
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
  for (const { source, scan } of scans) {
    const entries = linked.get(source)!.entries;
    for (const entry of scan.entries) {
      const reference = { id: `${source}#${entry.key}`, span: entry.span, source, key: entry.key, keySpan: entry.keySpan, type: entry.type } as ReferenceEntry;
      linkedLater.install(reference, { entry, macros, inheritance });
      entries.push(reference);
    }
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

/** Repeated fields and undefined macros; the values themselves are expanded when they are read. */
function fieldProblems(entry: BibtexEntry, macros: MacroTable): Problem[] {
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
  return problems;
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
