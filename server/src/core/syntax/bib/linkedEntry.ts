// A BibTeX entry as a ReferenceEntry whose id, ranges, key and type are made when the files are linked, and whose other
// properties are worked out when first read: a large file has tens of thousands of entries, and most are never shown,
// hovered or cited. The problems are read on their own (a bibliography's diagnostics read every entry's), so they make
// no names, dates or titles to keep; reading anything else fills in the optional properties once, and the summary and
// CSL item are built when they are read.
//
// The worked-out properties are accessors on the class, not on each entry: defining a dozen properties on every entry
// cost more than the rest of linking it. So an entry's own properties are only those made when linking, and a copy of
// it is made with `copyEntry` (object spread would leave the others behind); JSON.stringify gives every property.

import type { PersonName, Problem, ReferenceEntry, Span, WorkDate } from '../../types';
import { OPTIONAL_PROPERTIES, cslItem, fillOptionalProperties, searchedProperties, type MappedEntry, type OptionalProperties, type SearchedProperties } from './bibtexToCsl';
import { entryProblems, type LinkInput } from './bibtexProblems';
import { summarise } from './bibtexSummary';

/** Marks a property not yet worked out; undefined may be assigned. */
const UNREAD: unique symbol = Symbol('unread');

export class LinkedBibtexEntry implements ReferenceEntry {
  id: string;
  span: Span;
  source: string;
  key: string;
  keySpan: Span;
  type: string;
  readonly #input: LinkInput;
  #mapped: MappedEntry | undefined;
  /** The optional properties that have a value (or were assigned), once filled. */
  #optional: OptionalProperties | undefined;
  #text: string | typeof UNREAD = UNREAD;
  #csl: Record<string, unknown> | undefined | typeof UNREAD = UNREAD;
  #authors: PersonName[] | typeof UNREAD = UNREAD;
  #problems: Problem[] | typeof UNREAD = UNREAD;

  constructor(source: string, input: LinkInput) {
    const { entry } = input;
    this.id = `${source}#${entry.key}`;
    this.span = entry.span;
    this.source = source;
    this.key = entry.key;
    this.keySpan = entry.keySpan;
    this.type = entry.type;
    this.#input = input;
  }

  get text(): string {
    return this.#text === UNREAD ? (this.#text = summarise(this)) : this.#text;
  }
  set text(value: string) {
    this.#text = value;
  }

  get csl(): Record<string, unknown> | undefined {
    return this.#csl === UNREAD ? (this.#csl = cslItem(this.#fill().csl, this)) : this.#csl;
  }
  set csl(value: Record<string, unknown> | undefined) {
    this.#csl = value;
  }

  get authors(): PersonName[] {
    return this.#authors === UNREAD ? (this.#authors = this.#fill().authors) : this.#authors;
  }
  set authors(value: PersonName[]) {
    this.#authors = value;
  }

  get problems(): Problem[] {
    return this.#problems === UNREAD ? (this.#problems = entryProblems(this.#input)) : this.#problems;
  }
  set problems(value: Problem[]) {
    this.#problems = value;
  }

  get authorsElided(): boolean | undefined { return this.#optionalValues().authorsElided; }
  set authorsElided(value: boolean | undefined) { this.#optionalValues().authorsElided = value; }
  get editors(): PersonName[] | undefined { return this.#optionalValues().editors; }
  set editors(value: PersonName[] | undefined) { this.#optionalValues().editors = value; }
  get date(): WorkDate | undefined { return this.#optionalValues().date; }
  set date(value: WorkDate | undefined) { this.#optionalValues().date = value; }
  get title(): string | undefined { return this.#optionalValues().title; }
  set title(value: string | undefined) { this.#optionalValues().title = value; }
  get container(): string | undefined { return this.#optionalValues().container; }
  set container(value: string | undefined) { this.#optionalValues().container = value; }
  get doi(): string | undefined { return this.#optionalValues().doi; }
  set doi(value: string | undefined) { this.#optionalValues().doi = value; }
  get url(): string | undefined { return this.#optionalValues().url; }
  set url(value: string | undefined) { this.#optionalValues().url = value; }

  /** A plain object with every property that has a value, in the order a whole entry lists them. */
  plain(): ReferenceEntry {
    const { id, span, source, key, keySpan, type, text, csl, authors, problems } = this;
    const plain: ReferenceEntry = { id, span, source, key, keySpan, type, text, csl, authors, problems };
    const optional = this.#optionalValues();
    for (const name of OPTIONAL_PROPERTIES) if (Object.hasOwn(optional, name)) (plain as unknown as Record<string, unknown>)[name] = optional[name];
    return plain;
  }

  /**
   * The authors, date and title, as the properties give them, but without filling the entry when it is not filled yet:
   * a search reads these of every entry, and keeping each entry's other properties too would hold much memory.
   */
  searched(): SearchedProperties {
    if (this.#optional || this.#authors !== UNREAD) return { authors: this.authors, date: this.date, title: this.title };
    const { entry, inheritance } = this.#input;
    return searchedProperties({ entry, fields: inheritance.fieldsOf(entry) });
  }

  toJSON(): ReferenceEntry {
    return this.plain();
  }

  #fill(): MappedEntry {
    if (this.#mapped) return this.#mapped;
    const optional: OptionalProperties = {};
    const { entry, inheritance } = this.#input;
    this.#mapped = fillOptionalProperties(optional, { entry, fields: inheritance.fieldsOf(entry) });
    this.#optional = optional;
    return this.#mapped;
  }

  #optionalValues(): OptionalProperties {
    if (!this.#optional) this.#fill();
    return this.#optional!;
  }
}

/**
 * A plain copy of an entry with every property it has, for adding to or changing without changing the entry; object
 * spread copies only a linked BibTeX entry's own properties.
 */
export function copyEntry(entry: ReferenceEntry): ReferenceEntry {
  return entry instanceof LinkedBibtexEntry ? entry.plain() : { ...entry };
}
