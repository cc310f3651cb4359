// The VS Code client: starts the bundled language server and hands it the documents of the configured languages.
// All citation logic lives in the server.

import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
/** Starts and restarts run one after another: stopping a client that is still starting fails and leaves it running. */
let lifecycle: Promise<void> = Promise.resolve();

function languages(): string[] {
  return workspace.getConfiguration('citewise').get<string[]>('languages') ?? ['markdown', 'plaintext'];
}

function createClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages().flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'citewise' },
    // In Restricted Mode the server reads no file that settings point at, and none outside the workspace folders.
    initializationOptions: { trusted: workspace.isTrusted },
  };
  return new LanguageClient('citewise', 'Citewise', serverOptions, clientOptions);
}

function queue(context: ExtensionContext, step: 'start' | 'restart'): Promise<void> {
  lifecycle = lifecycle.then(async () => {
    try {
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
  context.subscriptions.push(
    commands.registerCommand('citewise.restartServer', () => queue(context, 'restart')),
    // Trust granted later: start again so that the server may read what the settings point at.
    workspace.onDidGrantWorkspaceTrust(() => void queue(context, 'restart')),
    workspace.onDidChangeConfiguration((event) => {
      // The document selector is fixed when the client starts, so a change of languages needs a new client.
      if (event.affectsConfiguration('citewise.languages')) void queue(context, 'restart');
    }),
  );
  await queue(context, 'start');
}

export async function deactivate(): Promise<void> {
  await lifecycle;
  await client?.stop();
}
