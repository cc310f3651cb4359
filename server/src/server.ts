// LSP wiring: declares the capabilities and routes each request to a core feature, converting at the edges.
// Every handler is guarded: a failure is logged and answered with an empty result, and the server keeps serving.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineTable } from './lineTable';
import { AnalysisCache, entryOf, resolveFacts, type Analysis, type OpenDocument } from './core/index/analysis';
import { complete, completionDocumentation, completionTriggers } from './core/features/completion';
import { citationDiagnostics, diagnoseNamedBibliographies, styleDiagnostics, type CoreDiagnostic } from './core/features/diagnostics';
import { hover } from './core/features/hover';
import { definition } from './core/features/definition';
import { citationsOf, references } from './core/features/references';
import { documentSymbols } from './core/features/documentSymbols';
import { quickFixes } from './core/features/codeActions';
import { sortReferences, SORT_REFERENCES_TITLE } from './core/features/sortReferences';
import { formatOfPath } from './core/index/project';
import { workspaceSymbols } from './core/features/workspaceSymbols';
import { documentLinks } from './core/features/documentLinks';
import { citationLenses } from './core/features/citationLenses';
import { documentSummary } from './core/features/documentSummary';
import { entryOverview } from './core/features/entryOverview';
import { addCitedEntryActions } from './core/features/addCitedEntry';
import { generateReferences } from './core/features/generateReferences';
import { convertCitationActions } from './core/features/convertCitation';
import { formattedEntry } from './core/features/formattedEntry';
import { readmeHelp } from './diagnosticHelp';
import { Worker } from 'node:worker_threads';
import { EntryFormatter } from './core/render/format';
import { BackgroundFormatter } from './backgroundFormatter';
import { withFormattedEntries as formattedAnswer, type FormatPatience } from './formattedAnswers';
import { IdlePreparation } from './idlePreparation';
import { STYLE_ENGINE_ROLE } from './styleEngineWorker';
import type { EntryRenderer } from './core/features/entryText';
import type { DocumentFacts, Span } from './core/types';
import type { Bibliography } from './core/index/bibliography';
import {
  asksForKind,
  GENERATE_REFERENCES_KIND,
  SORT_REFERENCES_KIND,
  toCodeAction,
  toCodeLens,
  toCompletionList,
  toRangeIn,
  heldLines,
  type CompletionSupport,
  toDiagnostic,
  toDocumentLink,
  toDocumentSymbol,
  toFileDiagnostic,
  toHover,
  toLocation,
  toOffset,
  toRange,
  toSourceAction,
  toSymbolInformation,
  type CompletionData,
  type RangeInFile,
} from './convert';
import { defaultSettings, readSettings, type Settings } from './settings';
import { uriToPath, Workspace } from './workspace';
import { StyleRegistry } from './styles';
import { BibliographyReader } from './core/index/readBibliographies';
import { bibliographyDiagnostics, duplicateKeysAcrossFiles, entryProblemsRead } from './core/features/bibliographyDiagnostics';
import { uncitedBibliographyEntries } from './core/features/uncitedBibliographyEntries';
import { DOCUMENT_GLOB, WorkspaceDocuments } from './workspaceDocuments';
import { registerRename, type UnopenedDocument } from './renameRequests';
import { SHOW_PROGRESS_AFTER_MS, workDoneProgressOfReading } from './workDoneProgress';
import { readBackgroundReading, type BackgroundReadingOptions } from './readInSlices';
import { withoutHeldDiagnostics } from './core/features/heldWhileLoading';

/** Bibliography files larger than this are read in the background, a slice at a time. */
const BACKGROUND_READ_BYTES = 1048576;
/** How long to wait after the last keystroke before recomputing diagnostics. */
const DIAGNOSTICS_DELAY_MS = 120;
/** Problems shown in bibliography files are gathered over all documents, a little after the documents' own. */
const BIBLIOGRAPHY_DELAY_MS = 300;
/** A document longer than this (about 30,000 words) has its style findings published just after its first
 * diagnostics when it is opened. */
const STYLES_LATER_CHARS = 200_000;
/** A file with more entries than this has its entries' problems read in idle slices before they are shown. */
const ENTRIES_READ_AT_ONCE = 2000;
/** How long the server must have been quiet (no document opened or changed, no request) before it builds the style engine. */
const STYLE_WARM_UP_DELAY_MS = 200;
/** The request the client's status bar sends for the active document: how many entries it sees and cites. */
const DOCUMENT_SUMMARY_REQUEST = 'citewise/documentSummary';
/** The entries of a document with their citation counts, for the editor's side view. */
const ENTRIES_REQUEST = 'citewise/entries';

/** The request of the client's "copy the formatted entry" command: the entry at a position, formatted in the style. */
const FORMATTED_ENTRY_REQUEST = 'citewise/formattedEntry';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  const formatter = new EntryFormatter();
  const reader = new BibliographyReader();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bibliography files that currently carry diagnostics, so that they can be cleared when fixed. */
  const bibliographyDiagnosticUris = new Set<string>();
  let bibliographyTimer: ReturnType<typeof setTimeout> | undefined;
  /** When a document was last opened or changed, or a piece of work ended: the style engine is built once all is quiet. */
  let lastActivity = 0;
  const workspaceDocuments = new WorkspaceDocuments(() => roots);
  /** Line tables of bibliography file texts, for turning offsets into positions. */
  const fileLines = new Map<string, LineTable>();
  let settings: Settings = defaultSettings;
  let canPullConfiguration = false;
  /** Whether the editor accepts snippets in completion items. */
  let snippetSupport = false;
  const completionSupport: CompletionSupport = { labelDetails: false };
  /** Whether the client shows progress the server starts (window/workDoneProgress/create). */
  let canShowProgress = false;
  /** How large files are read in the background; an editor (or a test) may slow it down or show progress sooner. */
  let backgroundReading: BackgroundReadingOptions = { showProgressAfterMs: SHOW_PROGRESS_AFTER_MS, pauseBetweenSlicesMs: 0 };
  let roots: string[] = [];
  /** VS Code says whether the workspace is trusted; other editors have no such notion and are trusted. */
  let trusted = true;

  const log = (message: string) => connection.console.log(message);
  const help = readmeHelp();

  const workspace = new Workspace({
    roots: () => roots,
    settingPaths: () => settings.bibliography,
    maxFileBytes: () => settings.maxFileSizeMB * 1048576,
    parse: (files) => reader.read(files),
    backgroundBytes: BACKGROUND_READ_BYTES,
    readingProgress: workDoneProgressOfReading(connection, () => canShowProgress, () => backgroundReading.showProgressAfterMs),
    slicePauseMs: () => backgroundReading.pauseBetweenSlicesMs,
    trusted: () => trusted,
    allowOutside: () => settings.allowBibliographiesOutsideWorkspace,
    log,
    onChange: () => scheduleAll(),
  });

  /** Runs one piece of the server's work (a request, a check of a document); a failure gives the fallback. */
  function guard<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`citewise: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    } finally {
      lastActivity = Date.now();
    }
  }

  /**
   * Answers a request about one document from its analysis, guarded: an unknown document, a language Citewise does not
   * check, or a failure gives the fallback. The URI is read inside the guard, since a malformed request may lack it.
   */
  function onDocument<T>(name: string, fallback: T, uriOf: () => string, run: (document: TextDocument, analysis: Analysis) => T): T {
    return guard(name, fallback, () => {
      const uri = uriOf();
      const document = documents.get(uri);
      const analysis = analysisOf(uri);
      return document && analysis ? run(document, analysis) : fallback;
    });
  }

  /**
   * Whether Citewise checks the document as one that cites. A bibliography file never is, whatever its language: an
   * editor without a BibTeX mode opens a .bib file as plain text.
   */
  function isChecked(document: TextDocument): boolean {
    return settings.languages.includes(document.languageId) && !formatOfPath(uriToPath(document.uri) ?? '');
  }

  function analysisOf(uri: string): Analysis | undefined {
    const document = documents.get(uri);
    if (!document || !isChecked(document)) return undefined;
    const text = document.getText();
    const facts = analyses.facts(uri, text, document.languageId, document.version);
    const bibliography = workspace.bibliographyFor(uri, facts.bibliographies);
    return analyses.get(uri, text, document.languageId, document.version, bibliography);
  }

  /** The resolution of each unopened document's facts, kept while the document and its bibliography stay the same. */
  const unopenedAnalyses = new WeakMap<DocumentFacts, { bibliography: Bibliography; analysis: Analysis }>();

  /** The documents of the workspace that are not open, read from disk and resolved against the files they see. */
  function unopenedDocuments(): UnopenedDocument[] {
    return workspaceDocuments.list(new Set(documents.all().map((d) => d.uri))).map((d) => {
      const bibliography = workspace.bibliographyFor(d.uri, d.facts.bibliographies);
      let held = unopenedAnalyses.get(d.facts);
      if (!held || held.bibliography !== bibliography) {
        held = { bibliography, analysis: resolveFacts(d.text, d.facts, bibliography) };
        unopenedAnalyses.set(d.facts, held);
      }
      return { uri: d.uri, text: d.text, analysis: held.analysis };
    });
  }

  /** The open documents Citewise checks, with their analyses. */
  function openDocuments(): OpenDocument[] {
    return documents.all().flatMap((document) => {
      const analysis = analysisOf(document.uri);
      return analysis ? [{ uri: document.uri, analysis }] : [];
    });
  }

  /** The range of a span in a bibliography file, from the text the workspace read (which the span was found in). */
  const rangeInFile: RangeInFile = (source: string, span: Span): Range | undefined => {
    const file = uriToPath(source);
    const text = (file ? workspace.textOf(file) : undefined) ?? documents.get(source)?.getText();
    if (text === undefined) return undefined;
    // Line offsets are computed once per file version, not once per diagnostic.
    return toRangeIn(heldLines(fileLines, source, text), span);
  };

  const styleEngine = new BackgroundFormatter(() => new Worker(__filename, { workerData: STYLE_ENGINE_ROLE }), log);
  // A custom style is checked here, where its problem can be reported, and registered with the engine's thread too.
  const styleChecker = {
    registerStyle(name: string, xml: string): string | undefined {
      const problem = formatter.registerStyle(name, xml);
      if (!problem) styleEngine.registerStyle(name, xml);
      return problem;
    },
  };
  const styles = new StyleRegistry(styleChecker, () => roots, () => trusted, log);

  /** An answer showing entries formatted in the document's style, as `formattedAnswers.ts` computes it. */
  function withFormattedEntries<T>(patience: FormatPatience, compute: (render: EntryRenderer) => T): T | Promise<T> {
    return formattedAnswer(styleEngine, styles.nameFor(settings.style), patience, compute, (fallback, again) => guard('formatted answer', fallback, again));
  }

  function publish(uri: string): void {
    pending.delete(uri);
    const document = documents.get(uri);
    // A bibliography file open for renaming a key has its problems published with the other files'.
    if (!document || !isChecked(document)) return;
    const analysis = guard('analysis', undefined, () => analysisOf(uri));
    // A long document just opened shows its citation problems first and its style findings a moment later: the style
    // rules' first run over thousands of citations is slow, as nothing of them is compiled yet.
    const stylesLater = firstChecks.delete(uri) && document.getText().length > STYLES_LATER_CHARS;
    const cited = guard('diagnostics', [], () => (analysis ? withoutHeldDiagnostics(citationDiagnostics(analysis, settings.diagnostics, settings.citationStyle), analysis.bibliography) : []));
    const named = guard('diagnostics', [], () => (analysis ? diagnoseNamedBibliographies(workspace.namedProblems(uri, analysis.facts.bibliographies), settings.diagnostics) : []));
    const styleFindings = () => guard('style rules', [], () => (analysis ? styleDiagnostics(analysis, settings.diagnostics, settings.citationStyle) : []));
    const publishWith = (findings: CoreDiagnostic[]) => {
      const own = [...cited, ...findings].sort((a, b) => a.span.start - b.span.start);
      const diagnostics = guard('diagnostics', [], () => [...own, ...named].map((d) => toDiagnostic(document, d, rangeInFile, help)));
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    };
    if (!stylesLater) publishWith(styleFindings());
    else {
      publishWith([]);
      const version = document.version;
      setImmediate(() => {
        // An edit made meanwhile has its own check coming, which runs the style rules.
        if (documents.get(uri)?.version === version && !pending.has(uri)) publishWith(styleFindings());
      });
    }
    scheduleBibliographyProblems();
    idlePreparation.schedule();
  }

  // Its slices do not go through `guard`, which would count each as activity and hold the next one back.
  const idlePreparation = new IdlePreparation({
    busy: () => pending.size > 0,
    lastActivity: () => lastActivity,
    bibliographies: () => openDocuments().map(({ analysis }) => analysis.bibliography),
    countLines: (source) => void rangeInFile(source, { start: 0, end: 0 }),
    problemsRead: () => scheduleBibliographyProblems(),
    logError: (message) => connection.console.error(message),
  });

  /**
   * Problems inside the bibliography files themselves (syntax errors, duplicate keys) are shown in those files, with,
   * when the setting asks for it, the entries that no document of the workspace cites. Recomputed shortly after the
   * documents' diagnostics, once for all files.
   */
  function publishBibliographyProblems(): void {
    bibliographyTimer = undefined;
    const open = openDocuments().map((d) => d.analysis);
    const uncitedSeverity = settings.diagnostics.uncitedBibliographyEntry;
    const others =
      uncitedSeverity === 'off'
        ? []
        : unopenedDocuments().map((d) => d.analysis);
    const uncited = uncitedBibliographyEntries([...open, ...others], uncitedSeverity);
    const sources = new Map(open.flatMap((a) => a.bibliography.sources.map((s) => [s.source, s] as const)));
    const duplicates = duplicateKeysAcrossFiles([...new Set(open.map((a) => a.bibliography))], settings.diagnostics);
    const published = new Set<string>();
    for (const source of sources.values()) {
      // A file still being read keeps the problems it had; its own are published once it is read. So does a large
      // file whose entries' problems are still being read while the server is idle (idlePreparation.ts).
      if (source.loading || (source.entries.length > ENTRIES_READ_AT_ONCE && !entryProblemsRead(source))) {
        if (bibliographyDiagnosticUris.has(source.source)) published.add(source.source);
        if (!source.loading) idlePreparation.schedule();
        continue;
      }
      const core = [...bibliographyDiagnostics(source, settings.diagnostics), ...(duplicates.get(source.source) ?? []), ...(uncited.get(source.source) ?? [])];
      const diagnostics = core.flatMap((d) => {
        const range = rangeInFile(source.source, d.span);
        return range ? [toFileDiagnostic(source.source, range, d, rangeInFile, help)] : [];
      });
      published.add(source.source);
      void connection.sendDiagnostics({ uri: source.source, diagnostics });
    }
    // A file no open document uses any more keeps no stale problems.
    for (const uri of bibliographyDiagnosticUris) if (!published.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    bibliographyDiagnosticUris.clear();
    // Texts of bibliography files no open document uses any more are not kept for turning offsets into positions.
    for (const uri of fileLines.keys()) if (!sources.has(uri)) fileLines.delete(uri);
    for (const uri of published) bibliographyDiagnosticUris.add(uri);
  }

  function scheduleBibliographyProblems(): void {
    if (bibliographyTimer) clearTimeout(bibliographyTimer);
    bibliographyTimer = setTimeout(() => guard('bibliography diagnostics', undefined, publishBibliographyProblems), BIBLIOGRAPHY_DELAY_MS);
  }

  function schedule(uri: string, delay: number): void {
    lastActivity = Date.now();
    const previous = pending.get(uri);
    if (previous) clearTimeout(previous);
    pending.set(uri, setTimeout(() => publish(uri), delay));
  }

  /** Something every document may depend on changed (a bibliography file, the settings): check them all again. */
  function scheduleAll(): void {
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  async function refreshSettings(): Promise<void> {
    if (canPullConfiguration) {
      const raw = await connection.workspace.getConfiguration('citewise').then(undefined, () => undefined);
      settings = readSettings(raw);
    }
    // The bibliography setting and the permission to read outside the workspace decide which files documents see.
    workspace.forgetWhereFilesAre();
    scheduleAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    completionSupport.labelDetails = params.capabilities.textDocument?.completion?.completionItem?.labelDetailsSupport === true;
    canShowProgress = !!params.capabilities.window?.workDoneProgress;
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) roots = [uriToPath(params.rootUri)].filter((p): p is string => !!p);
    const options = params.initializationOptions as { settings?: unknown; trusted?: boolean; backgroundReading?: unknown } | undefined;
    if (options?.settings) settings = readSettings(options.settings);
    backgroundReading = readBackgroundReading(options?.backgroundReading, backgroundReading);
    trusted = options?.trusted !== false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, SORT_REFERENCES_KIND, GENERATE_REFERENCES_KIND] },
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: completionTriggers, resolveProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'citewise', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'citewise' }).then(undefined, () => undefined);
      void refreshSettings();
    }
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{bib,bibtex,biblatex,json,yaml,yml,ris}' },
          { globPattern: '**/_quarto.yml' },
          // Only whether documents come and go: an unopened document's changes are seen by its modification time.
          { globPattern: DOCUMENT_GLOB, kind: WatchKind.Create | WatchKind.Delete },
        ],
      })
      .then(() => (workspaceDocuments.keepFileList = true), () => undefined);
    // Build the citation style engine early, on its own thread, so that hovers soon show entries in the style; but only
    // once no document has been opened or changed and no request answered for a while, since the build takes a second
    // of a processor the first check of a document may need. Before any document is open there is nothing to hover.
    const warmUpWhenQuiet = (): void => {
      setTimeout(() => {
        if (pending.size > 0 || documents.all().length === 0 || Date.now() - lastActivity < STYLE_WARM_UP_DELAY_MS) warmUpWhenQuiet();
        else guard('style warm-up', undefined, () => styleEngine.warmUp(styles.nameFor(settings.style)));
      }, STYLE_WARM_UP_DELAY_MS);
    };
    warmUpWhenQuiet();
  });

  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) settings = readSettings((change.settings as { citewise?: unknown } | undefined)?.citewise);
    void refreshSettings();
  });

  connection.onDidChangeWatchedFiles((params) => {
    // A bibliography or project file that was created, deleted or rewritten may change what a document sees, even when
    // it was never read before; a document created or deleted changes which entries the workspace cites.
    for (const event of params.changes) {
      const file = uriToPath(event.uri);
      if (!file) continue;
      if (WorkspaceDocuments.isDocument(file)) workspaceDocuments.forgetFileList();
      else workspace.invalidate(file);
    }
    if (params.changes.length > 0) scheduleAll();
  });

  // Opening a document also reports a change of its content; only later changes are typing, which waits for a pause.
  const opening = new Set<string>();
  /** Documents opened and not checked yet. */
  const firstChecks = new Set<string>();
  documents.onDidOpen((event) => {
    opening.add(event.document.uri);
    firstChecks.add(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    schedule(uri, opening.delete(uri) ? 0 : DIAGNOSTICS_DELAY_MS);
  });
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(event.document.uri);
    opening.delete(event.document.uri);
    firstChecks.delete(event.document.uri);
    analyses.forget(event.document.uri);
    if (isChecked(event.document)) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    // A bibliography file that no open document uses any more keeps no problems in the Problems panel.
    scheduleBibliographyProblems();
  });

  connection.onHover((params) =>
    onDocument('hover', null, () => params.textDocument.uri, (document, analysis) =>
      withFormattedEntries('quick', (render) => {
        const result = hover(analysis, toOffset(document, params.position), render, settings.citationStyle);
        return result ? toHover(document, result, rangeInFile) : null;
      }),
    ),
  );

  connection.onCompletion((params) =>
    onDocument('completion', [], () => params.textDocument.uri, (document, analysis) => {
      const result = complete(analysis, toOffset(document, params.position), settings.citationStyle, { snippets: snippetSupport });
      return result ? toCompletionList(document, result, completionSupport) : [];
    }),
  );

  connection.onCompletionResolve((item) =>
    guard('completion details', item, () => {
      const data = item.data as CompletionData | undefined;
      const analysis = data && analysisOf(data.uri);
      if (!analysis) return item;
      return withFormattedEntries('quick', (render) => {
        const markdown = completionDocumentation(analysis, data.entryId, render);
        return markdown ? { ...item, documentation: { kind: 'markdown' as const, value: markdown } } : item;
      });
    }),
  );

  connection.onDefinition((params) =>
    onDocument('definition', null, () => params.textDocument.uri, (document, analysis) => {
      const targets = definition(analysis, toOffset(document, params.position));
      const locations = targets.flatMap((t) => toLocation(document, t, rangeInFile));
      return locations.length ? locations : null;
    }),
  );

  connection.onReferences((params) =>
    onDocument('references', [], () => params.textDocument.uri, (document, analysis) => {
      const found = references(analysis, toOffset(document, params.position));
      if (found.entryIds.length === 0) return [];
      const ids = new Set(found.entryIds);
      const locations = found.spans.map((span) => ({ uri: document.uri, range: toRange(document, span) }));
      // Entries of a bibliography file are shared: the other open documents that cite them count too.
      const shared = found.entryIds.some((id) => analysis.bibliography.byId.has(id));
      if (shared) {
        for (const other of documents.all()) {
          if (other.uri === document.uri) continue;
          const otherAnalysis = analysisOf(other.uri);
          if (otherAnalysis) for (const span of citationsOf(otherAnalysis, ids)) locations.push({ uri: other.uri, range: toRange(other, span) });
        }
      }
      if (params.context.includeDeclaration) {
        for (const id of found.entryIds) {
          const entry = entryOf(analysis, id);
          if (entry) locations.push(...toLocation(document, { source: entry.source, span: entry.keySpan ?? entry.span }, rangeInFile));
        }
      }
      return locations;
    }),
  );

  connection.onDocumentSymbol((params) =>
    onDocument('document symbols', [], () => params.textDocument.uri, (document, analysis) =>
      documentSymbols(analysis).map((symbol) => toDocumentSymbol(document, symbol)),
    ),
  );

  connection.onCodeAction((params) =>
    onDocument('code actions', [], () => params.textDocument.uri, (document, analysis) => withFormattedEntries('command', (render) => {
      const range = { start: toOffset(document, params.range.start), end: toOffset(document, params.range.end) };
      const only = params.context.only;
      const actions = asksForKind(only, CodeActionKind.QuickFix)
        ? [
            ...quickFixes(analysis, range, document.languageId, settings.citationStyle).map((fix) => toCodeAction(document, fix, params.context.diagnostics)),
            ...addCitedEntryActions(analysis, range, document.languageId, render).map((a) => toSourceAction(document, a.title, CodeActionKind.QuickFix, a.edits)),
          ]
        : [];
      if (asksForKind(only, CodeActionKind.RefactorRewrite)) {
        actions.push(...convertCitationActions(analysis, range).map((a) => toSourceAction(document, a.title, CodeActionKind.RefactorRewrite, a.edits)));
      }
      const sorting = asksForKind(only, SORT_REFERENCES_KIND) ? sortReferences(analysis) : [];
      if (sorting.length) actions.push(toSourceAction(document, SORT_REFERENCES_TITLE, SORT_REFERENCES_KIND, sorting));
      const generated = asksForKind(only, GENERATE_REFERENCES_KIND) ? generateReferences(analysis, document.languageId, render) : undefined;
      if (generated) actions.push(toSourceAction(document, generated.title, GENERATE_REFERENCES_KIND, generated.edits));
      return actions;
    })),
  );

  registerRename(connection, {
    documents,
    isChecked,
    openDocuments,
    unopenedDocuments,
    bibliographyText: (file) => workspace.textOf(file),
    guard,
    onDocument,
  });

  connection.onWorkspaceSymbol((params) =>
    guard('workspace symbols', [], () => workspaceSymbols(params.query, openDocuments()).flatMap((symbol) => toSymbolInformation(symbol, (uri) => documents.get(uri), rangeInFile))),
  );

  connection.onDocumentLinks((params) =>
    onDocument('document links', [], () => params.textDocument.uri, (document, analysis) => documentLinks(analysis).map((link) => toDocumentLink(document, link))),
  );

  connection.onCodeLens((params) =>
    onDocument('code lenses', [], () => params.textDocument.uri, (document, analysis) => citationLenses(analysis, settings.citationStyle).map((lens) => toCodeLens(document, lens))),
  );

  connection.onRequest(DOCUMENT_SUMMARY_REQUEST, (params: { uri: string }) =>
    onDocument('document summary', null, () => params.uri, (_document, analysis) => documentSummary(analysis, settings.citationStyle)),
  );

  connection.onRequest(ENTRIES_REQUEST, (params: { uri: string }) =>
    onDocument('entries', null, () => params.uri, (document, analysis) =>
      entryOverview(analysis, settings.citationStyle).flatMap((item) => {
        const [location] = toLocation(document, { source: item.source, span: item.span }, rangeInFile);
        return location ? [{ label: item.label, title: item.title, citedCount: item.citedCount, location }] : [];
      }),
    ),
  );

  connection.onRequest(FORMATTED_ENTRY_REQUEST, (params: { uri: string; position: Position }) =>
    onDocument('formatted entry', null, () => params.uri, (document, analysis) =>
      withFormattedEntries('command', (render) => formattedEntry(analysis, toOffset(document, params.position), render) ?? null),
    ),
  );

  connection.onShutdown(() => {
    workspace.dispose();
    styleEngine.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

