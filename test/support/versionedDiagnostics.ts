// Keeps the latest diagnostics the server published for each document together with the document version they were
// computed for, so that a test can wait for the diagnostics of one exact version. It takes over the connection's
// publishDiagnostics handler: use it instead of TestServer.diagnostics in the same test file.

import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { TestServer } from './lspClient';

export interface VersionedDiagnostics {
  /** Resolves with the first diagnostics published for the uri at this version (or a later one). */
  at(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Resolves with the first diagnostics published for the uri that satisfy the predicate. */
  until(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
}

export function trackDiagnostics(server: TestServer): VersionedDiagnostics {
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters = new Set<() => void>();
  server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    latest.set(params.uri, params);
    for (const wake of waiters) wake();
  });

  async function until(uri: string, accept: (params: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = latest.get(uri);
      if (current && accept(current)) return current.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(current)}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        waiters.add(wake);
      });
    }
  }

  return {
    at: (uri, version, timeoutMs = 10_000) => until(uri, (p) => (p.version ?? -1) >= version, timeoutMs),
    until: (uri, accept, timeoutMs = 10_000) => until(uri, (p) => accept(p.diagnostics), timeoutMs),
  };
}
