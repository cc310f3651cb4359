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
import { entryProblems, type LinkContext } from './bibtexProblems';
import type { BibtexEntry } from './bibtexScan';
import { summarise } from './bibtexSummary';

/** Marks a property not yet worked out; undefined may be assigned. */
const UNREAD: unique symbol = Symbol('unread');

/**
 * What an entry has worked out, or been given, so far. Made on the first read or assignment, so that an entry never
 * read (most of a large file) carries none of these.
 */
class WorkedOut {
  mapped: MappedEntry | undefined = undefined;
  /** The optional properties that have a value (or were assigned), once filled. */
  optional: OptionalProperties | undefined = undefined;
  text: string | typeof UNREAD = UNREAD;
  csl: Record<string, unknown> | undefined | typeof UNREAD = UNREAD;
  authors: PersonName[] | typeof UNREAD = UNREAD;
  problems: Problem[] | typeof UNREAD = UNREAD;
}

export class LinkedBibtexEntry implements ReferenceEntry {
  id: string;
  span: Span;
  source: string;
  key: string;
  keySpan: Span;
  type: string;
  readonly #entry: BibtexEntry;
  readonly #context: LinkContext;
  #worked: WorkedOut | undefined;

  constructor(source: string, entry: BibtexEntry, context: LinkContext) {
    this.id = `${source}#${entry.key}`;
    this.span = entry.span;
    this.source = source;
    this.key = entry.key;
    this.keySpan = entry.keySpan;
    this.type = entry.type;
    this.#entry = entry;
    this.#context = context;
  }

  get text(): string {
    const worked = this.#workedOut();
    return worked.text === UNREAD ? (worked.text = summarise(this)) : worked.text;
  }
  set text(value: string) {
    this.#workedOut().text = value;
  }

  get csl(): Record<string, unknown> | undefined {
    const worked = this.#workedOut();
    return worked.csl === UNREAD ? (worked.csl = cslItem(this.#fill().csl, this)) : worked.csl;
  }
  set csl(value: Record<string, unknown> | undefined) {
    this.#workedOut().csl = value;
  }

  get authors(): PersonName[] {
    const worked = this.#workedOut();
    return worked.authors === UNREAD ? (worked.authors = this.#fill().authors) : worked.authors;
  }
  set authors(value: PersonName[]) {
    this.#workedOut().authors = value;
  }

  get problems(): Problem[] {
    const worked = this.#workedOut();
    return worked.problems === UNREAD ? (worked.problems = entryProblems(this.#entry, this.#context)) : worked.problems;
  }
  set problems(value: Problem[]) {
    this.#workedOut().problems = value;
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
    const worked = this.#worked;
    if (worked && (worked.optional || worked.authors !== UNREAD)) return { authors: this.authors, date: this.date, title: this.title };
    const entry = this.#entry;
    return searchedProperties({ entry, fields: this.#context.inheritance.fieldsOf(entry) });
  }

  toJSON(): ReferenceEntry {
    return this.plain();
  }

  #workedOut(): WorkedOut {
    return (this.#worked ??= new WorkedOut());
  }

  #fill(): MappedEntry {
    const worked = this.#workedOut();
    if (worked.mapped) return worked.mapped;
    const optional: OptionalProperties = {};
    const entry = this.#entry;
    worked.mapped = fillOptionalProperties(optional, { entry, fields: this.#context.inheritance.fieldsOf(entry) });
    worked.optional = optional;
    return worked.mapped;
  }

  #optionalValues(): OptionalProperties {
    const worked = this.#workedOut();
    if (!worked.optional) this.#fill();
    return worked.optional!;
  }
}

/**
 * A plain copy of an entry with every property it has, for adding to or changing without changing the entry; object
 * spread copies only a linked BibTeX entry's own properties.
 */
export function copyEntry(entry: ReferenceEntry): ReferenceEntry {
  return entry instanceof LinkedBibtexEntry ? entry.plain() : { ...entry };
}
