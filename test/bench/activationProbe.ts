// Run as its own process by the benchmark, so that loading the client bundle is timed cold, as in a fresh editor
// window: loads dist/extension.js with the stand-in `vscode` module, calls activate() and waits until the language
// client has started the real server and finished the initialize handshake. Prints the milliseconds as JSON.

import Module from 'node:module';
import * as path from 'node:path';
import { repositoryRoot } from '../support/lspClient';

export interface ActivationReport {
  loadMs: number;
  activateMs: number;
  /** What the server or the client logged, when activation did not get as far as a running server. */
  failure?: string;
}

const standIn = path.join(__dirname, 'vscodeStandIn.js');

/** Makes `require('vscode')` find the stand-in, as the editor's own module loader does for the real one. */
function provideVscode(): void {
  const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? standIn : resolve.call(this, request, ...rest);
  };
}

function extensionContext(): unknown {
  const memento = { get: (_key: string, fallback?: unknown) => fallback, update: () => Promise.resolve(), keys: () => [] };
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath: repositoryRoot,
    asAbsolutePath: (relative: string) => path.join(repositoryRoot, relative),
    globalState: memento,
    workspaceState: memento,
    extensionMode: 1,
  };
}

async function probe(): Promise<ActivationReport> {
  provideVscode();
  const started = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(path.join(repositoryRoot, 'dist', 'extension.js')) as { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };
  const loaded = process.hrtime.bigint();
  await extension.activate(extensionContext());
  const activated = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { outputLines } = require(standIn) as { outputLines: string[] };
  const failure = outputLines.find((line) => /could not start|error/i.test(line));
  await extension.deactivate();
  return { loadMs: Number(loaded - started) / 1e6, activateMs: Number(activated - loaded) / 1e6, failure };
}

if (require.main === module) {
  probe().then(
    (report) => {
      process.stdout.write(JSON.stringify(report));
      process.exit(0);
    },
    (error: unknown) => {
      process.stdout.write(JSON.stringify({ loadMs: 0, activateMs: 0, failure: String(error) }));
      process.exit(0);
    },
  );
}
