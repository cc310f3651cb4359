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
  type DocumentSymbol,
  type Location,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from './core/types';
import type { CoreDiagnostic } from './core/features/diagnostics';
import type { CompletionResult } from './core/features/completion';
import type { HoverResult } from './core/features/hover';
import type { DefinitionTarget } from './core/features/definition';
import type { OutlineSymbol } from './core/features/documentSymbols';
import type { QuickFix } from './core/features/codeActions';

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}

const SEVERITY: Record<CoreDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Finds the range of a span in another file (a bibliography), or nothing when that file is not at hand. */
export type RangeInFile = (source: string, span: Span) => Range | undefined;

export function toDiagnostic(document: TextDocument, diagnostic: CoreDiagnostic, rangeInFile: RangeInFile = () => undefined): Diagnostic {
  return {
    range: toRange(document, diagnostic.span),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'citewise',
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.flatMap((r) => {
      const range = r.source ? rangeInFile(r.source, r.span) : toRange(document, r.span);
      return range ? [{ location: { uri: r.source ?? document.uri, range }, message: r.message }] : [];
    }),
  };
}

/** A diagnostic in a bibliography file, whose text the server read (it need not be open in the editor). */
export function toFileDiagnostic(uri: string, range: Range, diagnostic: CoreDiagnostic, rangeInFile: RangeInFile): Diagnostic {
  return {
    range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'citewise',
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.flatMap((r) => {
      const relatedRange = rangeInFile(r.source ?? uri, r.span);
      return relatedRange ? [{ location: { uri: r.source ?? uri, range: relatedRange }, message: r.message }] : [];
    }),
  };
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

export function toCompletionList(document: TextDocument, result: CompletionResult): CompletionList {
  const range = toRange(document, result.replace);
  const items = result.items.map((item): CompletionItem => ({
    label: item.label,
    kind: CompletionItemKind.Reference,
    detail: item.detail,
    documentation: item.documentation === undefined ? undefined : { kind: MarkupKind.Markdown, value: item.documentation },
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
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

/** A quick fix as a versioned edit: an editor applies it only to the version it was computed for. */
export function toCodeAction(document: TextDocument, fix: QuickFix, diagnostics: Diagnostic[]): CodeAction {
  const target = toRange(document, fix.diagnosticSpan);
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    isPreferred: fix.preferred,
    diagnostics: diagnostics.filter((d) => d.code === fix.code && rangesOverlap(d.range, target)),
    edit: {
      documentChanges: [
        {
          textDocument: { uri: document.uri, version: document.version },
          edits: fix.edits.map((e) => ({ range: toRange(document, e.span), newText: e.newText })),
        },
      ],
    },
  };
}
