// The problems of one linked BibTeX entry: syntax errors among its fields, repeated fields, undefined macros, missing
// parents, unreadable names and dates. They are worked out when the entry's problems are first read, apart from its other properties.

import type { Problem, Span } from '../../types';
import type { BibtexEntry } from './bibtexScan';
import type { MacroTable } from './bibtexMacros';
import type { Inheritance, MissingParent } from './bibtexInherit';
import { isRepeated, unknownMacrosOf } from './bibtexFields';
import { mappingProblems } from './bibtexToCsl';

/** What linking an entry needs besides its scan: the macros and inheritance that all files share. */
export interface LinkContext {
  macros: MacroTable;
  inheritance: Inheritance<BibtexEntry>;
}

export function entryProblems(entry: BibtexEntry, { macros, inheritance }: LinkContext): Problem[] {
  const problems = [...entry.syntaxProblems, ...fieldProblems(entry, macros)];
  const missing: MissingParent[] = [];
  const fields = inheritance.fieldsOf(entry, missing);
  for (const parent of missing) problems.push(missingParentProblem(entry, parent));
  mappingProblems({ entry, fields }, problems);
  return problems;
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

export function unknownMacroProblem(span: Span, name: string): Problem {
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
