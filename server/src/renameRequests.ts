// The rename requests: a key is renamed from a citation in a document or from the key of an entry in a bibliography
// file open in the editor, in its entry and in every document of the workspace that cites it, open or not. The core
// (features/rename.ts) decides the edits; this finds the documents and files, and turns the edits into versioned ones.

import { LSPErrorCodes, ResponseError, type Connection, type Position, type PrepareRenameResult, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, OpenDocument } from './core/index/analysis';
import { formatOfPath } from './core/index/project';
import { BibliographyReader } from './core/index/readBibliographies';
import {
  bibliographyKeyToRename,
  isRefusal,
  keyToRename,
  renameBibliographyKey,
  renameKey,
  type BibliographyFileText,
  type CitingDocument,
  type FileEdits,
  type RenameRefusal,
} from './core/features/rename';
import { toOffset, toRange, toWorkspaceEdit } from './convert';
import { uriToPath } from './workspace';

/** A document of the workspace read from disk: the text its offsets are in, and its analysis. */
export interface UnopenedDocument {
  uri: string;
  text: string;
  analysis: Analysis;
}

export interface RenameContext {
  documents: TextDocuments<TextDocument>;
  /** Whether an open document is one Citewise checks (a bibliography file never is). */
  isChecked(document: TextDocument): boolean;
  openDocuments(): OpenDocument[];
  unopenedDocuments(): UnopenedDocument[];
  /** The text of a bibliography file as the workspace read it, by path. */
  bibliographyText(file: string): string | undefined;
  guard<T>(name: string, fallback: T, run: () => T): T;
  onDocument<T>(name: string, fallback: T, uriOf: () => string, run: (document: TextDocument, analysis: Analysis) => T): T;
}

/** A rename the core refuses, answered as an error whose message the editor shows. */
function refusal(reason: RenameRefusal): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, reason.refused);
}

type TextOf = (uri: string) => string | undefined;

export function registerRename(connection: Connection, context: RenameContext): void {
  const { documents, isChecked, guard, onDocument } = context;

  /** The documents that may cite a key, open or read from disk, and the texts that offsets in files read from disk are in. */
  function citingDocuments(): { citing: CitingDocument[]; textOf: TextOf } {
    const unopened = context.unopenedDocuments();
    const texts = new Map(unopened.map((d) => [d.uri, d.text]));
    const textOf: TextOf = (uri) => {
      const file = uriToPath(uri);
      return texts.get(uri) ?? (file ? context.bibliographyText(file) : undefined);
    };
    const fromDisk = unopened.map((d): CitingDocument => ({ uri: d.uri, analysis: d.analysis, open: false }));
    return { citing: [...context.openDocuments(), ...fromDisk], textOf };
  }

  /**
   * A bibliography file open in the editor, with its entries as the documents that use it see them; a file that no
   * document uses is read from the editor's text. Refused when the editor holds other text than the file on disk, as
   * the entries' offsets are in the file's text.
   */
  function bibliographyFileOf(document: TextDocument, citing: CitingDocument[]): BibliographyFileText | RenameRefusal | undefined {
    const file = uriToPath(document.uri);
    if (!file || !formatOfPath(file)) return undefined;
    for (const { analysis } of citing) {
      const source = analysis.bibliography.sources.find((s) => uriToPath(s.source) === file);
      const text = source && context.bibliographyText(file);
      if (!source || text === undefined) continue;
      if (text !== document.getText()) return { refused: 'Save the bibliography file first: its key is renamed as the file on disk writes it.' };
      return { uri: source.source, text, entries: source.entries };
    }
    const text = document.getText();
    const [source] = new BibliographyReader().read([{ source: document.uri, path: file, text, version: String(document.version) }]);
    return source ? { uri: document.uri, text, entries: source.entries } : undefined;
  }

  /** Prepare rename in a bibliography file: the key under the cursor; the open documents are enough to find the file. */
  function prepareInBibliography(document: TextDocument, position: Position): PrepareRenameResult | ResponseError<void> | null {
    const file = bibliographyFileOf(document, context.openDocuments());
    if (!file) return null;
    if (isRefusal(file)) return refusal(file);
    const target = bibliographyKeyToRename(file, toOffset(document, position));
    return isRefusal(target) ? refusal(target) : { range: toRange(document, target.span), placeholder: target.key };
  }

  function renameInBibliography(document: TextDocument, position: Position, newName: string): WorkspaceEdit | ResponseError<void> | null {
    const { citing, textOf } = citingDocuments();
    const file = bibliographyFileOf(document, citing);
    if (!file) return null;
    if (isRefusal(file)) return refusal(file);
    const changes = renameBibliographyKey(file, toOffset(document, position), newName, citing);
    return editOf(changes, (uri) => (uri === file.uri ? file.text : textOf(uri)));
  }

  function editOf(changes: FileEdits[] | RenameRefusal, textOf: TextOf): WorkspaceEdit | ResponseError<void> {
    if (isRefusal(changes)) return refusal(changes);
    return toWorkspaceEdit(changes, (uri) => documents.get(uri), textOf) ?? refusal({ refused: 'A file to edit has changed in the editor since it was saved; save it and rename again.' });
  }

  /** An open bibliography file, which is no document Citewise checks. */
  function openBibliography(uri: string): TextDocument | undefined {
    const document = documents.get(uri);
    return document && !isChecked(document) ? document : undefined;
  }

  connection.onPrepareRename((params) => {
    const bibliography = openBibliography(params.textDocument.uri);
    if (bibliography) return guard('prepare rename', null, () => prepareInBibliography(bibliography, params.position));
    return onDocument<PrepareRenameResult | ResponseError<void> | null>('prepare rename', null, () => params.textDocument.uri, (document, analysis) => {
      const target = keyToRename(analysis, toOffset(document, params.position));
      return isRefusal(target) ? refusal(target) : { range: toRange(document, target.span), placeholder: target.key };
    });
  });

  connection.onRenameRequest((params) => {
    const bibliography = openBibliography(params.textDocument.uri);
    if (bibliography) return guard('rename', null, () => renameInBibliography(bibliography, params.position, params.newName));
    return onDocument<WorkspaceEdit | ResponseError<void> | null>('rename', null, () => params.textDocument.uri, (document, analysis) => {
      const { citing, textOf } = citingDocuments();
      const others = citing.filter((other) => other.uri !== document.uri);
      return editOf(renameKey({ uri: document.uri, analysis }, toOffset(document, params.position), params.newName, others, textOf), textOf);
    });
  });
}
