// The only place that turns the core's offsets into LSP positions and ranges, and core results into LSP types.

import {
  CodeActionKind,
  CompletionItemKind,
  SymbolKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CodeAction,
  type CodeLens,
  type DocumentLink,
  type DocumentSymbol,
  type Location,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
  type SymbolInformation,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineTable } from './lineTable';
import type { Span } from './core/types';
import type { CoreDiagnostic } from './core/features/diagnostics';
import type { CompletionResult } from './core/features/completion';
import type { HoverResult } from './core/features/hover';
import type { DefinitionTarget } from './core/features/definition';
import type { OutlineSymbol } from './core/features/documentSymbols';
import type { QuickFix, TextEdit } from './core/features/codeActions';
import type { FileEdits } from './core/features/rename';
import type { EntrySymbol } from './core/features/workspaceSymbols';
import type { EntryLink } from './core/features/documentLinks';
import type { CitationLens } from './core/features/citationLenses';

/** The line table of each open document, for the text it was made from (see lineTable.ts for why not its own). */
const lineTables = new WeakMap<TextDocument, LineTable>();

function linesOf(document: TextDocument): LineTable {
  return heldLines(lineTables, document, document.getText());
}

/** The line table kept under a key for a text, made again when the text is another. */
export function heldLines<K extends object | string>(tables: { get(key: K): LineTable | undefined; set(key: K, table: LineTable): unknown }, key: K, text: string): LineTable {
  const held = tables.get(key);
  if (held && held.text === text) return held;
  const table = new LineTable(text);
  tables.set(key, table);
  return table;
}

export function toRange(document: TextDocument, span: Span): Range {
  return toRangeIn(linesOf(document), span);
}

/** The range of a span in a text that is not an open document (a bibliography file), from its line table. */
export function toRangeIn(lines: LineTable, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toOffset(document: TextDocument, position: Position): number {
  return linesOf(document).offsetAt(position);
}

const SEVERITY: Record<CoreDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Finds the range of a span in another file (a bibliography), or nothing when that file is not at hand. */
export type RangeInFile = (source: string, span: Span) => Range | undefined;

/** The page that explains a diagnostic code, when there is one. */
export type HelpLink = (code: string) => string | undefined;

function codeDescription(code: string, help: HelpLink): Diagnostic['codeDescription'] {
  const href = help(code);
  return href ? { href } : undefined;
}

/** A diagnostic at a range of `uri`; `locate` finds the related places, which may lie in other files. */
function diagnosticAt(uri: string, range: Range, diagnostic: CoreDiagnostic, locate: (source: string | undefined, span: Span) => Range | undefined, help: HelpLink): Diagnostic {
  return {
    range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: codeDescription(diagnostic.code, help),
    source: 'citewise',
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.flatMap((r) => {
      const relatedRange = locate(r.source, r.span);
      return relatedRange ? [{ location: { uri: r.source ?? uri, range: relatedRange }, message: r.message }] : [];
    }),
  };
}

export function toDiagnostic(document: TextDocument, diagnostic: CoreDiagnostic, rangeInFile: RangeInFile = () => undefined, help: HelpLink = () => undefined): Diagnostic {
  const locate = (source: string | undefined, span: Span) => (source ? rangeInFile(source, span) : toRange(document, span));
  return diagnosticAt(document.uri, toRange(document, diagnostic.span), diagnostic, locate, help);
}

/** A diagnostic in a bibliography file, whose text the server read (it need not be open in the editor). */
export function toFileDiagnostic(uri: string, range: Range, diagnostic: CoreDiagnostic, rangeInFile: RangeInFile, help: HelpLink = () => undefined): Diagnostic {
  return diagnosticAt(uri, range, diagnostic, (source, span) => rangeInFile(source ?? uri, span), help);
}

/** A Markdown link that opens a file at a line: VS Code and most LSP clients follow "#L<line>" fragments. */
function openLink(source: string, range: Range): string {
  const name = decodeURIComponent(source.slice(source.lastIndexOf('/') + 1));
  return `[Open in ${name.replace(/([\\[\]])/g, '\\$1')}](${source}#L${range.start.line + 1})`;
}

export function toHover(document: TextDocument, result: HoverResult, rangeInFile: RangeInFile = () => undefined): Hover {
  const links = result.locations.flatMap((l) => {
    const range = rangeInFile(l.source, l.span);
    return range ? [openLink(l.source, range)] : [];
  });
  const value = links.length ? `${result.markdown}\n\n${links.join(' · ')}` : result.markdown;
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(document, result.span) };
}

/** A definition target as an LSP location: in the document itself, or in a bibliography file. */
export function toLocation(document: TextDocument, target: DefinitionTarget, rangeInFile: RangeInFile): Location[] {
  if (!target.source) return [{ uri: document.uri, range: toRange(document, target.span) }];
  const range = rangeInFile(target.source, target.span);
  return range ? [{ uri: target.source, range }] : [];
}

/** What a completion item carries to `completionItem/resolve`, which renders its documentation. */
export interface CompletionData {
  uri: string;
  entryId: string;
}

/** What the editor can show of a completion item. */
export interface CompletionSupport {
  /** Author, year and title in every row of the list (LSP 3.17 `labelDetails`), not only in the chosen one's `detail`. */
  labelDetails: boolean;
}

export function toCompletionList(document: TextDocument, result: CompletionResult, support: CompletionSupport = { labelDetails: false }): CompletionList {
  const range = toRange(document, result.replace);
  const items = result.items.map((item): CompletionItem => ({
    label: item.label,
    labelDetails: support.labelDetails && (item.labelDetail || item.labelDescription) ? { detail: item.labelDetail, description: item.labelDescription } : undefined,
    kind: CompletionItemKind.Reference,
    detail: item.detail,
    documentation: item.documentation === undefined ? undefined : { kind: MarkupKind.Markdown, value: item.documentation },
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: item.insertText },
    data: item.documentation === undefined ? ({ uri: document.uri, entryId: item.entryId } satisfies CompletionData) : undefined,
  }));
  return { isIncomplete: result.isIncomplete, items };
}

export function toDocumentSymbol(document: TextDocument, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name || ' ',
    detail: symbol.detail,
    kind: symbol.children ? SymbolKind.Namespace : SymbolKind.Field,
    range: toRange(document, symbol.span),
    selectionRange: toRange(document, symbol.selection),
    children: symbol.children?.map((child) => toDocumentSymbol(document, child)),
  };
}

function rangesOverlap(a: Range, b: Range): boolean {
  const before = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Edits of the analysed version of an open document: an editor applies them only to that version. */
function versionedEdit(document: TextDocument, edits: TextEdit[]): TextDocumentEdit {
  return {
    textDocument: { uri: document.uri, version: document.version },
    edits: edits.map((e) => ({ range: toRange(document, e.span), newText: e.newText })),
  };
}

/** A quick fix as a versioned edit, so that a fix computed for an older version is refused, not misapplied. */
export function toCodeAction(document: TextDocument, fix: QuickFix, diagnostics: Diagnostic[]): CodeAction {
  const target = toRange(document, fix.diagnosticSpan);
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    isPreferred: fix.preferred,
    diagnostics: diagnostics.filter((d) => d.code === fix.code && rangesOverlap(d.range, target)),
    edit: { documentChanges: [versionedEdit(document, fix.edits)] },
  };
}

/** The kind of the action that sorts the reference list: a source action, offered for the whole document. */
export const SORT_REFERENCES_KIND: CodeActionKind = `${CodeActionKind.Source}.sortReferences`;

/** The kind of the action that writes the reference list of the cited works. */
export const GENERATE_REFERENCES_KIND: CodeActionKind = `${CodeActionKind.Source}.generateReferences`;

/** Whether a request for code actions of the `only` kinds (all kinds when absent) asks for actions of `kind`. */
export function asksForKind(only: CodeActionKind[] | undefined, kind: CodeActionKind): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

export function toSourceAction(document: TextDocument, title: string, kind: CodeActionKind, edits: TextEdit[]): CodeAction {
  return { title, kind, edit: { documentChanges: [versionedEdit(document, edits)] } };
}

/**
 * Edits across files as one workspace edit: open documents at their analysed version, bibliography files with no
 * version (they are edited as read). Nothing when a file's text is not at hand, since a partial rename breaks keys.
 */
/**
 * The edits of a rename as versioned document edits. An open document's edits carry its version. A file read from disk
 * (`textOf` gives the text its offsets are in) is edited at version null, or at the open version when the editor has it
 * open with the same text; open with other, unsaved text, the offsets would miss, so there is no edit at all.
 */
export function toWorkspaceEdit(changes: FileEdits[], openDocument: (uri: string) => TextDocument | undefined, textOf: (uri: string) => string | undefined): WorkspaceEdit | undefined {
  const documentChanges: TextDocumentEdit[] = [];
  for (const change of changes) {
    const document = openDocument(change.uri);
    if (change.open) {
      if (!document) return undefined;
      documentChanges.push(versionedEdit(document, change.edits));
      continue;
    }
    const text = textOf(change.uri);
    if (text === undefined) return undefined;
    if (document) {
      if (document.getText() !== text) return undefined;
      documentChanges.push(versionedEdit(document, change.edits));
      continue;
    }
    const lines = new LineTable(text);
    documentChanges.push({ textDocument: { uri: change.uri, version: null }, edits: change.edits.map((e) => ({ range: toRangeIn(lines, e.span), newText: e.newText })) });
  }
  return { documentChanges };
}

export function toSymbolInformation(symbol: EntrySymbol, openDocument: (uri: string) => TextDocument | undefined, rangeInFile: RangeInFile): SymbolInformation[] {
  const document = symbol.inDocument ? openDocument(symbol.uri) : undefined;
  const range = document ? toRange(document, symbol.span) : symbol.inDocument ? undefined : rangeInFile(symbol.uri, symbol.span);
  return range ? [{ name: symbol.name, kind: SymbolKind.Field, containerName: symbol.container, location: { uri: symbol.uri, range } }] : [];
}

export function toDocumentLink(document: TextDocument, link: EntryLink): DocumentLink {
  return { range: toRange(document, link.span), target: link.target, tooltip: 'Open the DOI' };
}

/** The client command that lists the citations of the entry at a position (VS Code needs its own types for that). */
export const SHOW_CITATIONS_COMMAND = 'citewise.showCitations';

/** A lens over the entry's first line; an entry nothing cites gets a lens with a title only, which does nothing. */
export function toCodeLens(document: TextDocument, lens: CitationLens): CodeLens {
  const position = linesOf(document).positionAt(lens.at);
  const range = { start: position, end: position };
  if (lens.cited === 0) return { range, command: { title: lens.title, command: '' } };
  return { range, command: { title: lens.title, command: SHOW_CITATIONS_COMMAND, arguments: [document.uri, position] } };
}
