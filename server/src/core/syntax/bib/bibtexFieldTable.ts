// Where the fields of a BibTeX scan are: four offsets into the text a field, from which a field's value or the field
// itself is made only when it is read.

import type { Span } from '../../types';

/** One "name = value" of an entry, made from the scan's offsets whenever the entry's fields are asked for. */
export class BibtexField {
  constructor(
    /** The field name in lower case. */
    readonly name: string,
    /** The value as written, braces, quotes and `#` concatenations included. */
    readonly raw: string,
    private readonly nameStart: number,
    private readonly valueStart: number,
    private readonly end: number,
  ) {}

  /** From the field name to the end of its value. */
  get span(): Span {
    return { start: this.nameStart, end: this.end };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.end };
  }
}

/**
 * Where the fields of every entry of one scan are, four offsets into the text a field (name start and end, value
 * start and end). A large file has hundreds of thousands of fields, few of which are ever read: an object and a
 * substring for each cost most of the scan's time and a third of the memory a loaded file kept.
 */
export class FieldTable {
  private offsets = new Int32Array(64);
  private length = 0;
  /** Equal field names are given as one string, so that comparing them is quick and a large file keeps one copy. */
  private readonly names = new Map<string, string>();

  constructor(private readonly text: string) {}

  /** How many fields have been added; the index the next one gets. */
  get count(): number {
    return this.length >> 2;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    if (this.length + 4 > this.offsets.length) {
      const grown = new Int32Array(Math.max(this.offsets.length * 2, 64));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const offsets = this.offsets;
    offsets[this.length++] = nameStart;
    offsets[this.length++] = nameEnd;
    offsets[this.length++] = valueStart;
    offsets[this.length++] = valueEnd;
  }

  /** Forgets the fields from `index` on (those of an @string, which are kept as definitions instead). */
  truncate(index: number): void {
    this.length = index * 4;
  }

  /** Gives back the room the table grew into but did not use, once the scan is done. */
  trim(): void {
    if (this.offsets.length - this.length > this.offsets.length / 4) this.offsets = this.offsets.slice(0, this.length);
  }

  /** The value as written of the first of the fields [first, first + count) with this lower-case name. */
  raw(first: number, count: number, name: string): string | undefined {
    for (let i = first; i < first + count; i++) {
      if (this.nameIs(i, name)) return this.text.slice(this.offsets[i * 4 + 2], this.offsets[i * 4 + 3]);
    }
    return undefined;
  }

  /** Compares a field's name with a lower-case name without taking it out of the text. */
  private nameIs(index: number, name: string): boolean {
    const text = this.text;
    const start = this.offsets[index * 4];
    const end = this.offsets[index * 4 + 1];
    // Most names differ from the one asked for in their first letter, which lower-cases alone when it is ASCII.
    const first = text.charCodeAt(start);
    if (first <= 127 && (first >= 65 && first <= 90 ? first + 32 : first) !== name.charCodeAt(0)) return false;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) > 127) return this.name(start, end) === name;
    if (end - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) {
      const code = text.charCodeAt(start + i);
      if ((code >= 65 && code <= 90 ? code + 32 : code) !== name.charCodeAt(i)) return false;
    }
    return true;
  }

  fields(first: number, count: number): BibtexField[] {
    const fields: BibtexField[] = [];
    for (let i = first; i < first + count; i++) fields.push(this.field(i));
    return fields;
  }

  field(index: number): BibtexField {
    const at = index * 4;
    const offsets = this.offsets;
    const text = this.text;
    return new BibtexField(this.name(offsets[at], offsets[at + 1]), text.slice(offsets[at + 2], offsets[at + 3]), offsets[at], offsets[at + 2], offsets[at + 3]);
  }

  private name(start: number, end: number): string {
    const name = this.text.slice(start, end).toLowerCase();
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }
}
