// The only place that turns the core's offsets into LSP positions and ranges, and core results into LSP types.

import {
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
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

export function toDiagnostic(document: TextDocument, diagnostic: CoreDiagnostic): Diagnostic {
  return {
    range: toRange(document, diagnostic.span),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'citewise',
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.map((r) => ({
      location: { uri: document.uri, range: toRange(document, r.span) },
      message: r.message,
    })),
  };
}

export function toHover(document: TextDocument, result: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(document, result.span) };
}

export function toCompletionItems(document: TextDocument, result: CompletionResult): CompletionItem[] {
  const range = toRange(document, result.replace);
  return result.items.map((item) => ({
    label: item.label,
    kind: CompletionItemKind.Reference,
    detail: item.detail,
    documentation: { kind: MarkupKind.Markdown, value: item.documentation },
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText: item.insertText },
  }));
}
