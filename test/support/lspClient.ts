// Starts the built language server over stdio, as an editor does, and speaks LSP to it.

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
export const serverPath = path.join(repositoryRoot, 'dist', 'server.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Waits until the server publishes diagnostics for the uri that satisfy the predicate. */
  diagnostics(uri: string, until?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts the server; with `rootUri`, as an editor does for a workspace folder. */
export async function startServer(initializationOptions?: unknown, rootUri: string | null = null): Promise<TestServer> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += String(chunk)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: (() => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    latest.set(params.uri, params.diagnostics);
    for (const wake of waiters.splice(0)) wake();
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: {}, initializationOptions });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    stderr: () => errors,
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
