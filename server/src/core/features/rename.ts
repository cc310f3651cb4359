// Renaming a citation key: from a key cited in a document, the key of its entry (in the bibliography file, or in the
// document's own `thebibliography`) and every citation of that entry in the open documents change together.

import { entryOf, type Analysis, type OpenDocument } from '../index/analysis';
import type { ReferenceEntry, Span } from '../types';
import { keyAt } from './locate';
import { keyCitationsOf } from './references';
import type { TextEdit } from './codeActions';

/** The edits in one document or file. */
export interface FileEdits {
  uri: string;
  /** An open document is edited at the version analysed; a bibliography file as it was read. */
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
  if (resolution?.status === 'duplicate') return { refused: `"${key}" is defined by ${resolution.entryIds.length} entries; rename them in their files first.` };
  const entry = resolution?.status === 'resolved' ? entryOf(analysis, resolution.entryId) : undefined;
  if (!entry?.keySpan) return { refused: `No bibliography entry has the key "${key}".` };
  return { key, span: found.cited.span, entry, definition: entry.keySpan };
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
 * and, for an entry of a bibliography file, in the other open documents that cite the same entry.
 */
export function renameKey(document: OpenDocument, offset: number, newName: string, others: OpenDocument[]): FileEdits[] | RenameRefusal {
  const target = keyToRename(document.analysis, offset);
  if (isRefusal(target)) return target;
  const invalid = invalidKeyReason(newName);
  if (invalid) return { refused: invalid };
  if (newName === target.key) return [];
  if (isTaken(document.analysis, newName)) return { refused: `Another entry already has the key "${newName}".` };
  const { entry, definition } = target;
  const ids = new Set([entry.id]);
  const rename = (span: Span): TextEdit => ({ span, newText: newName });
  const here = keyCitationsOf(document.analysis, ids).map(rename);
  if (!entry.source) return [{ uri: document.uri, open: true, edits: [rename(definition), ...here] }];
  // Ids of typed entries repeat from one document to the next; a bibliography entry's id names its file, so it is the
  // same entry wherever another document cites it.
  const elsewhere = others.flatMap((other): FileEdits[] => {
    const edits = keyCitationsOf(other.analysis, ids).map(rename);
    return edits.length ? [{ uri: other.uri, open: true, edits }] : [];
  });
  return [{ uri: entry.source, open: false, edits: [rename(definition)] }, { uri: document.uri, open: true, edits: here }, ...elsewhere];
}
