// A stand-in for the `vscode` module, enough for the bundled client to activate and its language client to start the
// real server in plain Node: no editor is drawn, one Markdown document counts as open, and every setting keeps its
// default. The parts the client only registers (providers, commands, views) answer with something that can be
// disposed; anything not written out here is a permissive placeholder, so that a feature the language client sets up
// does not stop it.

/* eslint-disable @typescript-eslint/no-explicit-any */

type Listener = (value: unknown) => void;

export class Disposable {
  constructor(private readonly onDispose: () => void = () => undefined) {}
  static from(...disposables: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => disposables.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter {
  private readonly listeners = new Set<Listener>();
  readonly event = (listener: Listener): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(value?: unknown): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/** An event nothing ever fires. */
const never = (): Disposable => new Disposable();

export class CancellationError extends Error {}

export class CancellationTokenSource {
  private readonly cancelled = new EventEmitter();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.cancelled.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.cancelled.fire();
  }
  dispose(): void {
    this.cancelled.dispose();
  }
}

class StandInUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.scheme === 'file' ? `file://${encodeURI(this.path)}` : `${this.scheme}:${this.path}`;
  }
  with(change: { scheme?: string; path?: string }): StandInUri {
    return new StandInUri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
}

export const Uri = {
  file: (path: string) => new StandInUri('file', path),
  parse: (value: string) => {
    const colon = value.indexOf(':');
    const scheme = value.slice(0, colon);
    return new StandInUri(scheme, decodeURI(value.slice(colon + 1).replace(/^\/\//, '')));
  },
};

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

/** A class the client only constructs: it keeps what it was given. */
function recordingClass(): new (...args: unknown[]) => { args: unknown[] } {
  return class {
    readonly args: unknown[];
    constructor(...args: unknown[]) {
      this.args = args;
    }
  };
}

export const Diagnostic = recordingClass();
export const CodeAction = recordingClass();
export const TreeItem = recordingClass();
export const ThemeIcon = recordingClass();
export const TabInputText = recordingClass();
export const TabInputTextDiff = recordingClass();
export const TabInputNotebook = recordingClass();
export const TabInputCustom = recordingClass();
// The language client extends these when it is loaded.
export const CallHierarchyItem = recordingClass();
export const CodeLens = recordingClass();
export const CompletionItem = recordingClass();
export const DocumentLink = recordingClass();
export const InlayHint = recordingClass();
export const SymbolInformation = recordingClass();
export const TypeHierarchyItem = recordingClass();

/** An enumeration the client reads when it converts messages: each name stands for its position. */
function enumeration(...names: string[]): Record<string, number> {
  return Object.fromEntries(names.map((name, i) => [name, i + 1]));
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Refactor = new CodeActionKind('refactor');
  static readonly RefactorExtract = new CodeActionKind('refactor.extract');
  static readonly RefactorInline = new CodeActionKind('refactor.inline');
  static readonly RefactorRewrite = new CodeActionKind('refactor.rewrite');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceOrganizeImports = new CodeActionKind('source.organizeImports');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
}

export const CodeActionTriggerKind = enumeration('Invoke', 'Automatic');
export const CompletionItemKind = enumeration('Text');
export const CompletionItemTag = enumeration('Deprecated');
export const CompletionTriggerKind = enumeration('Invoke', 'TriggerCharacter', 'TriggerForIncompleteCompletions');
export const DiagnosticSeverity = enumeration('Error', 'Warning', 'Information', 'Hint');
export const DiagnosticTag = enumeration('Unnecessary', 'Deprecated');
export const DocumentHighlightKind = enumeration('Text', 'Read', 'Write');
export const FileType = enumeration('File', 'Directory');
export const FoldingRangeKind = enumeration('Comment', 'Imports', 'Region');
export const InlineCompletionTriggerKind = enumeration('Invoke', 'Automatic');
export const SignatureHelpTriggerKind = enumeration('Invoke', 'TriggerCharacter', 'ContentChange');
export const SymbolKind = enumeration('Property', 'TypeParameter');
export const SymbolTag = enumeration('Deprecated');
export const TextDocumentSaveReason = enumeration('Manual', 'AfterDelay', 'FocusOut');
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
export const LogLevel = { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 };
export const NotebookCellKind = { Markup: 1, Code: 2 };
export const version = '1.91.0';

/** What the server logs, kept so that the probe can show it when the server fails to start. */
export const outputLines: string[] = [];

function outputChannel(name: string): Record<string, unknown> {
  const write = (line: string) => void outputLines.push(line);
  return {
    name,
    logLevel: LogLevel.Info,
    onDidChangeLogLevel: never,
    append: write,
    appendLine: write,
    replace: write,
    trace: write,
    debug: write,
    info: write,
    warn: write,
    error: (line: unknown) => write(String(line)),
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  };
}

function configuration(): Record<string, unknown> {
  return {
    get: (_key: string, fallback?: unknown) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: () => Promise.resolve(),
  };
}

/** A namespace whose functions not written out register something: they give back a disposable. */
function namespace(members: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(members, {
    get: (target, name) => (typeof name === 'string' && !(name in target) ? (name.startsWith('on') ? never : () => new Disposable()) : target[name as string]),
  });
}

/** The document whose opening woke the extension: the client starts its server only when a checked document is open.
 * The language client does not send it to the server, since `languages.match` here matches nothing. */
const openedDocument = { uri: Uri.file('/essay.md'), languageId: 'markdown', version: 1, getText: () => '' };

export const workspace = namespace({
  getConfiguration: configuration,
  textDocuments: [openedDocument],
  notebookDocuments: [],
  workspaceFolders: undefined,
  isTrusted: true,
  createFileSystemWatcher: () => ({ onDidCreate: never, onDidChange: never, onDidDelete: never, dispose: () => undefined }),
  applyEdit: () => Promise.resolve(true),
});

export const window = namespace({
  activeTextEditor: undefined,
  visibleTextEditors: [],
  tabGroups: { all: [], onDidChangeTabs: never, onDidChangeTabGroups: never },
  createOutputChannel: outputChannel,
  createStatusBarItem: () => ({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
  showErrorMessage: (message: string) => (outputLines.push(`error shown: ${message}`), Promise.resolve(undefined)),
  showWarningMessage: () => Promise.resolve(undefined),
  showInformationMessage: () => Promise.resolve(undefined),
  showTextDocument: () => Promise.resolve(undefined),
  withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => unknown) => task({ report: () => undefined }, new CancellationTokenSource().token),
});

export const languages = namespace({
  match: () => 0,
  getDiagnostics: () => [],
  createDiagnosticCollection: (name: string) => ({
    name,
    set: () => undefined,
    delete: () => undefined,
    clear: () => undefined,
    forEach: () => undefined,
    get: () => undefined,
    has: () => false,
    dispose: () => undefined,
  }),
});

export const commands = namespace({
  executeCommand: () => Promise.resolve(undefined),
});

export const env = {
  appName: 'Stand-in',
  language: 'en',
  machineId: 'stand-in',
  clipboard: { readText: () => Promise.resolve(''), writeText: () => Promise.resolve() },
  openExternal: () => Promise.resolve(true),
};
