// The fields of one BibTeX entry by name, their macros expanded when a field is first read. A file exported from a
// reference manager has twenty or more fields per entry (abstract, keywords, file, ...), of which a handful are ever
// read; expanding every value into a new map up front cost more than everything else the link stage does.

import type { BibtexEntry, BibtexField } from './bibtexScan';
import { expandValue, type MacroTable } from './bibtexMacros';

/** An entry's expanded fields (LaTeX text) by lower-case field name; where a field is given twice, the first counts. */
export interface FieldMap {
  get(name: string): string | undefined;
  has(name: string): boolean;
  [Symbol.iterator](): Iterator<[string, string]>;
}

/** The fields an entry writes itself, read straight from its scan. */
export class OwnFields implements FieldMap {
  constructor(
    private readonly entry: BibtexEntry,
    private readonly macros: MacroTable,
  ) {}

  get(name: string): string | undefined {
    const raw = this.entry.raw(name);
    return raw === undefined ? undefined : expandValue(raw, this.macros);
  }

  has(name: string): boolean {
    return this.entry.raw(name) !== undefined;
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    const fields = this.entry.fields;
    for (let i = 0; i < fields.length; i++) {
      if (!isRepeated(fields, i)) yield [fields[i].name, expandValue(fields[i].raw, this.macros)];
    }
  }
}

/** Whether an earlier field of the entry has the same name (the scanner gives equal names as one string). */
export function isRepeated(fields: readonly BibtexField[], index: number): boolean {
  const name = fields[index].name;
  for (let i = 0; i < index; i++) if (fields[i].name === name) return true;
  return false;
}

/**
 * The macros a value names that no @string defines. Only a value with a bare word can name one; a single braced or
 * quoted part without "#" cannot, and is not expanded here.
 */
export function unknownMacrosOf(raw: string, macros: MacroTable): readonly string[] {
  const first = raw.charCodeAt(0);
  if ((first === OPEN_BRACE || first === QUOTE) && !raw.includes('#')) return NONE;
  const unknown: string[] = [];
  expandValue(raw, macros, unknown);
  return unknown;
}

const OPEN_BRACE = 123;
const QUOTE = 34;
const NONE: readonly string[] = [];
