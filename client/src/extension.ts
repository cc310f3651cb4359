// The VS Code client: starts the bundled language server and hands it the documents of the configured languages.
// All citation logic lives in the server.

import * as path from 'node:path';
import { commands, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

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
      { scheme: 'vscode-remote', language },
    ]),
    synchronize: { configurationSection: 'citewise' },
  };
  return new LanguageClient('citewise', 'Citewise', serverOptions, clientOptions);
}

export async function activate(context: ExtensionContext): Promise<void> {
  client = createClient(context);
  context.subscriptions.push(
    commands.registerCommand('citewise.restartServer', async () => {
      await client?.stop();
      client = createClient(context);
      await client.start();
    }),
    workspace.onDidChangeConfiguration(async (event) => {
      // The document selector is fixed when the client starts, so a change of languages needs a new client.
      if (event.affectsConfiguration('citewise.languages')) await commands.executeCommand('citewise.restartServer');
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
