// The VS Code client: starts the bundled language server and hands it the documents of the configured languages.
// All citation logic lives in the server.

import * as path from 'node:path';
import { commands, env, languages, Position, StatusBarAlignment, Uri, window, workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { EntriesView } from './entriesView';
import { showProblems, SHOW_PROBLEMS_COMMAND } from './problemsPicker';
import { RestartPolicy } from './restartPolicy';
import { CHECKED_SCHEMES, checksAnOpenDocument, startWhenChecked, type DocumentEvents } from './serverStart';

let client: LanguageClient | undefined;
/** Starts and restarts run one after another: stopping a client that is still starting fails and leaves it running. */
let lifecycle: Promise<void> = Promise.resolve();
/** Kept across clients: a restart after a crash makes a new client, and the crashes before it still count. */
const restarts = new RestartPolicy();

/** The answer of the server's `citewise/documentSummary` request for one document. */
interface DocumentSummary {
  references: number;
  cited: number;
}

function checkedLanguages(): string[] {
  return workspace.getConfiguration('citewise').get<string[]>('languages') ?? ['markdown', 'plaintext'];
}

/** The editor's documents as the start rule reads them. */
const editorDocuments: DocumentEvents = {
  openDocuments: () => workspace.textDocuments,
  onDidOpen: (listener) => workspace.onDidOpenTextDocument(listener),
  checkedLanguages,
};

function createClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...checkedLanguages().flatMap((language) => CHECKED_SCHEMES.map((scheme) => ({ scheme, language }))),
      // Bibliography files are sent too, so that a key can be renamed from its entry.
      { scheme: 'file', pattern: '**/*.{bib,bibtex,biblatex,ris,json,yaml,yml}' },
    ],
    // In Restricted Mode the server reads no file that settings point at, and none outside the workspace folders.
    initializationOptions: { trusted: workspace.isTrusted },
    errorHandler: crashHandler(context),
  };
  return new LanguageClient('citewise', 'Citewise', serverOptions, clientOptions);
}

/** Restarts a crashed server as the restart policy says; when it says to give up, says so with a way to start again. */
function crashHandler(context: ExtensionContext): ErrorHandler {
  return {
    error: (_error, _message, count) => ({ action: restarts.keepAfterError(count) ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = restarts.crashed();
      if (decision.restart) return { action: CloseAction.Restart };
      void window.showErrorMessage(decision.message, 'Restart').then((choice) => {
        if (choice === 'Restart') void queue(context, 'restart');
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Shows "N references · M problems" for the active document while Citewise checks it, and hides itself otherwise. */
async function updateStatus(item: StatusBarItem): Promise<void> {
  const document = window.activeTextEditor?.document;
  const running = client?.isRunning() ? client : undefined;
  if (!document || !running || !checkedLanguages().includes(document.languageId)) {
    item.hide();
    return;
  }
  const uri = running.code2ProtocolConverter.asUri(document.uri);
  const summary = await running.sendRequest<DocumentSummary | null>('citewise/documentSummary', { uri }).then(undefined, () => null);
  // Another editor may have become active while the server answered: its own update decides what shows.
  if (window.activeTextEditor?.document !== document) return;
  if (!summary) {
    item.hide();
    return;
  }
  const problems = languages.getDiagnostics(document.uri).filter((d) => d.source === 'citewise').length;
  item.text = `$(book) ${counted(summary.references, 'reference')} · ${counted(problems, 'problem')}`;
  item.tooltip = `Cited: ${summary.cited} of ${counted(summary.references, 'reference')} this document sees. Click to list its problems.`;
  item.show();
}

/** Lists the citations of the reference entry at a position: the server's code lenses send the LSP URI and position. */
function showCitations(uri: string, position: { line: number; character: number }): Thenable<unknown> {
  return commands.executeCommand('editor.action.findReferences', Uri.parse(uri), new Position(position.line, position.character));
}

/** The answer of the server's `citewise/formattedEntry` request: the entry at a position, as plain text and Markdown. */
interface FormattedEntry {
  text: string;
  markdown: string;
}

/** Copies the entry under the cursor (of a citation or a typed entry), formatted in the current style, as plain text. */
async function copyEntry(): Promise<void> {
  const editor = window.activeTextEditor;
  const running = client?.isRunning() ? client : undefined;
  const formatted =
    editor && running
      ? await running
          .sendRequest<FormattedEntry | null>('citewise/formattedEntry', {
            uri: running.code2ProtocolConverter.asUri(editor.document.uri),
            position: running.code2ProtocolConverter.asPosition(editor.selection.active),
          })
          .then(undefined, () => null)
      : null;
  if (!formatted) {
    void window.showInformationMessage('No citation or entry here.');
    return;
  }
  await env.clipboard.writeText(formatted.text);
  const preview = formatted.text.length > 80 ? `${formatted.text.slice(0, 79)}…` : formatted.text;
  void window.showInformationMessage(`Copied ${preview}`);
}

function queue(context: ExtensionContext, step: 'start' | 'restart'): Promise<void> {
  lifecycle = lifecycle.then(async () => {
    try {
      // A restart asked for (by hand, or for new settings or trust) starts afresh: earlier crashes no longer count.
      if (step === 'restart') restarts.reset();
      if (step === 'restart' && client) await client.stop().catch(() => undefined);
      client = createClient(context);
      await client.start();
    } catch (error) {
      void window.showErrorMessage(`Citewise could not start its language server: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return lifecycle;
}

export async function activate(context: ExtensionContext): Promise<void> {
  const status = window.createStatusBarItem('citewise.status', StatusBarAlignment.Right, 100);
  status.name = 'Citewise';
  status.command = SHOW_PROBLEMS_COMMAND;
  const entries = new EntriesView(() => client, () => window.activeTextEditor?.document.uri);
  // The status bar and the Citations view show the same document's state: they are refreshed together, once typing
  // pauses, since diagnostics change on every keystroke and each refresh asks the server.
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshStatus = () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void updateStatus(status);
      entries.refresh();
    }, 250);
  };
  // Started once a document Citewise checks is open (see serverStart.ts); until then commands and settings changes
  // have no server to restart.
  let started = false;
  const startServer = async () => {
    if (started) return;
    started = true;
    // The Citations view is shown once the server runs (its "when" clause reads this key).
    void commands.executeCommand('setContext', 'citewise.active', true);
    await queue(context, 'start');
    refreshStatus();
  };
  const restartServer = () => (started ? queue(context, 'restart').then(refreshStatus) : startServer());
  context.subscriptions.push(
    status,
    window.registerTreeDataProvider('citewise.entries', entries),
    commands.registerCommand('citewise.restartServer', restartServer),
    commands.registerCommand('citewise.showCitations', showCitations),
    commands.registerCommand('citewise.copyEntry', copyEntry),
    commands.registerCommand(SHOW_PROBLEMS_COMMAND, showProblems),
    window.onDidChangeActiveTextEditor(refreshStatus),
    // The server publishes a document's diagnostics after every change: the counts are refreshed with them.
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) refreshStatus();
    }),
    // Trust granted later: start again so that the server may read what the settings point at.
    workspace.onDidGrantWorkspaceTrust(() => void (started && restartServer())),
    workspace.onDidChangeConfiguration((event) => {
      // The document selector is fixed when the client starts, so a change of languages needs a new client; a
      // language added may also be that of a document already open.
      if (!event.affectsConfiguration('citewise.languages')) return;
      if (started || checksAnOpenDocument(editorDocuments)) void restartServer();
    }),
    startWhenChecked(editorDocuments, () => void startServer()),
  );
  await lifecycle;
}

export async function deactivate(): Promise<void> {
  await lifecycle;
  await client?.stop();
}
