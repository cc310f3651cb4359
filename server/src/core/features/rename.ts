// Renaming a citation key, from a key cited in a document or from the key of an entry in a bibliography file (BibTeX,
// CSL-JSON "id", CSL-YAML id, RIS ID): the key of the entry (in its file, or in the document's own `thebibliography`)
// and every citation of that entry in the documents given change together. Which documents those are (open in the
// editor, or read from disk) is the caller's business; each one's edits say which text their offsets are in.

import { entryOf, type Analysis, type OpenDocument } from '../index/analysis';
import type { ReferenceEntry, Span } from '../types';
import { keyAt } from './locate';
import { keyCitationsOf } from './references';
import type { TextEdit } from './codeActions';

/** The edits in one document or file. */
export interface FileEdits {
  uri: string;
  /** True: the offsets are in the open document's text at the version analysed. False: in the file as read from disk. */
  open: boolean;
  edits: TextEdit[];
}

/** Why a key cannot be renamed, or a new name cannot be a key, as a sentence for the editor to show. */
export interface RenameRefusal {
  refused: string;
}

export interface KeyToRename {
  key: string;
  /** Where the key is written at the offset. */
  span: Span;
  entry: ReferenceEntry;
  /** Where the entry writes its key. */
  definition: Span;
}

/** A document that may cite the key; `open` is false for a document read from disk (true when absent). */
export interface CitingDocument extends OpenDocument {
  open?: boolean;
}

/** A bibliography file as read: the text its entries' offsets are in. */
export interface BibliographyFileText {
  uri: string;
  text: string;
  entries: ReferenceEntry[];
}

/** The text of a bibliography file as read, by URI, when it is known. */
export type FileText = (uri: string) => string | undefined;

/** Characters that end a key in at least one citation syntax (BibTeX, pandoc, LaTeX, Typst). */
const NOT_IN_KEY = /[,{}%#"'()=\\@;[\]<>]/u;

export function isRefusal(value: object): value is RenameRefusal {
  return 'refused' in value;
}

/** The key under the offset and the one entry that defines it, or why it cannot be renamed. */
export function keyToRename(analysis: Analysis, offset: number): KeyToRename | RenameRefusal {
  const found = keyAt(analysis.facts, offset);
  if (!found) return { refused: 'Only a citation key can be renamed.' };
  const { key } = found.cited;
  const resolution = analysis.resolution.byKeyedCitation[found.citationIndex]?.[found.keyIndex];
  if (resolution?.status === 'duplicate') return { refused: duplicateReason(key, resolution.entryIds.length) };
  const entry = resolution?.status === 'resolved' ? entryOf(analysis, resolution.entryId) : undefined;
  if (!entry?.keySpan) return { refused: `No bibliography entry has the key "${key}".` };
  return { key, span: found.cited.span, entry, definition: entry.keySpan };
}

/** The key of the entry under the offset in a bibliography file, or why it cannot be renamed. */
export function bibliographyKeyToRename(file: BibliographyFileText, offset: number): KeyToRename | RenameRefusal {
  const entry = file.entries.find((e) => e.keySpan && e.keySpan.start <= offset && offset <= e.keySpan.end);
  if (!entry?.key || !entry.keySpan) return { refused: 'Only the key of an entry can be renamed.' };
  const written = unwrittenKeyReason(entry, file.text);
  if (written) return { refused: written };
  const twins = file.entries.filter((e) => e.key === entry.key).length;
  if (twins > 1) return { refused: duplicateReason(entry.key, twins) };
  return { key: entry.key, span: entry.keySpan, entry, definition: entry.keySpan };
}

function duplicateReason(key: string, count: number): string {
  return `"${key}" is defined by ${count} entries; rename them in their files first.`;
}

/** An entry of a CSL file without an id gets a key made up from its authors and year, which the file does not hold. */
function unwrittenKeyReason(entry: ReferenceEntry, text: string): string | undefined {
  const span = entry.keySpan!;
  return text.slice(span.start, span.end) === entry.key ? undefined : `The key "${entry.key}" is not written in the file (the entry has no id), so it cannot be renamed there.`;
}

/** Why a name cannot be a key, or nothing when it can. */
export function invalidKeyReason(name: string): string | undefined {
  if (name === '') return 'A key cannot be empty.';
  if (/\s/u.test(name)) return 'A key cannot contain spaces.';
  const bad = NOT_IN_KEY.exec(name);
  return bad ? `A key cannot contain "${bad[0]}".` : undefined;
}

function isTaken(analysis: Analysis, name: string): boolean {
  return analysis.bibliography.byKey.has(name) || (analysis.facts.referenceList?.entries.some((e) => e.key === name) ?? false);
}

/**
 * The edits that rename the key under the offset in `document`: the entry's key and its citations in this document
 * and, for an entry of a bibliography file, in the other documents that cite the same entry. With `fileText`, a key
 * that its file does not hold as written is refused rather than overwritten.
 */
export function renameKey(document: OpenDocument, offset: number, newName: string, others: CitingDocument[], fileText?: FileText): FileEdits[] | RenameRefusal {
  const target = keyToRename(document.analysis, offset);
  if (isRefusal(target)) return target;
  const invalid = invalidKeyReason(newName);
  if (invalid) return { refused: invalid };
  if (newName === target.key) return [];
  if (isTaken(document.analysis, newName)) return { refused: `Another entry already has the key "${newName}".` };
  const { entry, definition } = target;
  const rename = (span: Span): TextEdit => ({ span, newText: newName });
  const here = keyCitationsOf(document.analysis, new Set([entry.id])).map(rename);
  if (!entry.source) return [{ uri: document.uri, open: true, edits: [rename(definition), ...here] }];
  const text = fileText?.(entry.source);
  if (text !== undefined) {
    const unwritten = unwrittenKeyReason(entry, text);
    if (unwritten) return { refused: unwritten };
  }
  const definitionEdit = { uri: entry.source, open: false, edits: [{ span: definition, newText: keyAsWritten(entry.source, text, definition, newName) }] };
  return [definitionEdit, { uri: document.uri, open: true, edits: here }, ...citationEdits(entry, newName, others)];
}

/** The edits that rename the key of the entry under the offset in a bibliography file, and its citations in `documents`. */
export function renameBibliographyKey(file: BibliographyFileText, offset: number, newName: string, documents: CitingDocument[]): FileEdits[] | RenameRefusal {
  const target = bibliographyKeyToRename(file, offset);
  if (isRefusal(target)) return target;
  const invalid = invalidKeyReason(newName);
  if (invalid) return { refused: invalid };
  if (newName === target.key) return [];
  const taken = file.entries.some((e) => e.key === newName) || documents.some((d) => d.analysis.bibliography.byKey.has(newName));
  if (taken) return { refused: `Another entry already has the key "${newName}".` };
  const definition = { span: target.definition, newText: keyAsWritten(file.uri, file.text, target.definition, newName) };
  return [{ uri: file.uri, open: false, edits: [definition] }, ...citationEdits(target.entry, newName, documents)];
}

/**
 * The citations of a bibliography entry in each document. Ids of typed entries repeat from one document to the next; a
 * bibliography entry's id names its file, so it is the same entry wherever a document cites it.
 */
function citationEdits(entry: ReferenceEntry, newName: string, documents: CitingDocument[]): FileEdits[] {
  const ids = new Set([entry.id]);
  return documents.flatMap((document): FileEdits[] => {
    const edits = keyCitationsOf(document.analysis, ids).map((span) => ({ span, newText: newName }));
    return edits.length ? [{ uri: document.uri, open: document.open ?? true, edits }] : [];
  });
}

/** YAML reads a plain value that starts with one of these as something other than text. */
const YAML_INDICATOR = /^[-?:!&*|>`]/u;

/**
 * The new key as its file must write it: a number id of CSL-JSON, and a YAML value that would not read as plain text,
 * become strings in double quotes (which JSON and YAML read alike, and which a key never needs to escape).
 */
function keyAsWritten(uri: string, text: string | undefined, definition: Span, newName: string): string {
  if (text === undefined) return newName;
  const quoted = text[definition.start - 1] === '"' || text[definition.start - 1] === "'";
  if (quoted) return newName;
  if (/\.json$/iu.test(uri)) return `"${newName}"`;
  if (/\.ya?ml$/iu.test(uri) && YAML_INDICATOR.test(newName)) return `"${newName}"`;
  return newName;
}
