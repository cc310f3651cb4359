// Starts the built language server over stdio, as an editor does, and speaks LSP to it.

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
export const serverPath = path.join(repositoryRoot, 'dist', 'server.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Waits until the server publishes diagnostics for the uri that satisfy the predicate. */
  diagnostics(uri: string, until?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Every list of diagnostics published for the uri so far, oldest first. */
  published(uri: string): Diagnostic[][];
  stderr(): string;
  stop(): Promise<void>;
}

/** What the editor tells the server about itself at start: its workspace folder and what it can do. */
export interface EditorSetup {
  rootUri?: string;
  capabilities?: ClientCapabilities;
}

export async function startServer(initializationOptions?: unknown, editor: EditorSetup = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += String(chunk)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const history = new Map<string, Diagnostic[][]>();
  const waiters: (() => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    latest.set(params.uri, params.diagnostics);
    history.set(params.uri, [...(history.get(params.uri) ?? []), params.diagnostics]);
    for (const wake of waiters.splice(0)) wake();
  });
  connection.listen();
  const rootUri = editor.rootUri ?? null;
  const workspaceFolders = editor.rootUri ? [{ uri: editor.rootUri, name: 'workspace' }] : null;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders, capabilities: editor.capabilities ?? {}, initializationOptions });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    stderr: () => errors,
    published: (uri) => history.get(uri) ?? [],
    async diagnostics(uri, until = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = latest.get(uri);
        if (current && until(current)) return current;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(current)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // The server may already be gone; killing it below is enough.
      }
      connection.dispose();
      child.kill();
    },
  };
}
