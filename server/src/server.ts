// LSP wiring: declares the capabilities and routes each request to a core feature, converting at the edges.
// Every handler is guarded: a failure is logged and answered with an empty result, and the server keeps serving.

import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type Analysis } from './core/index/analysis';
import { complete, completionTriggers } from './core/features/completion';
import { diagnose } from './core/features/diagnostics';
import { hover } from './core/features/hover';
import { toCompletionItems, toDiagnostic, toHover, toOffset } from './convert';
import { defaultSettings, readSettings, type Settings } from './settings';

/** How long to wait after the last keystroke before recomputing diagnostics. */
const DIAGNOSTICS_DELAY_MS = 120;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let settings: Settings = defaultSettings;
  let canPullConfiguration = false;

  function guard<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`citewise: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  function analysisOf(uri: string): Analysis | undefined {
    const document = documents.get(uri);
    if (!document || !settings.languages.includes(document.languageId)) return undefined;
    return analyses.get(uri, document.getText(), document.languageId, document.version);
  }

  function publish(uri: string): void {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const diagnostics = guard('diagnostics', [], () => {
      const analysis = analysisOf(uri);
      return analysis ? diagnose(analysis, settings.diagnostics).map((d) => toDiagnostic(document, d)) : [];
    });
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    const previous = pending.get(uri);
    if (previous) clearTimeout(previous);
    pending.set(uri, setTimeout(() => publish(uri), delay));
  }

  async function refreshSettings(): Promise<void> {
    if (canPullConfiguration) {
      const raw = await connection.workspace.getConfiguration('citewise').then(undefined, () => undefined);
      settings = readSettings(raw);
    }
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) settings = readSettings(options.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: completionTriggers, resolveProvider: false },
      },
      serverInfo: { name: 'citewise', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'citewise' }).then(undefined, () => undefined);
      void refreshSettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) settings = readSettings((change.settings as { citewise?: unknown } | undefined)?.citewise);
    void refreshSettings();
  });

  documents.onDidOpen((event) => schedule(event.document.uri, 0));
  documents.onDidChangeContent((event) => schedule(event.document.uri, DIAGNOSTICS_DELAY_MS));
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(event.document.uri);
    analyses.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover((params) =>
    guard('hover', null, () => {
      const document = documents.get(params.textDocument.uri);
      const analysis = analysisOf(params.textDocument.uri);
      if (!document || !analysis) return null;
      const result = hover(analysis, toOffset(document, params.position));
      return result ? toHover(document, result) : null;
    }),
  );

  connection.onCompletion((params) =>
    guard('completion', [], () => {
      const document = documents.get(params.textDocument.uri);
      const analysis = analysisOf(params.textDocument.uri);
      if (!document || !analysis) return [];
      const result = complete(analysis, toOffset(document, params.position));
      return result ? toCompletionItems(document, result) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}
