#!/usr/bin/env node
// The language server's process entry. Editors start it as `citewise-ls --stdio` (or over IPC from VS Code).

import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { runStyleEngine, STYLE_ENGINE_ROLE } from './styleEngineWorker';

if (!isMainThread && workerData === STYLE_ENGINE_ROLE) {
  // The server starts this same file as the thread that builds the citation style engine.
  runStyleEngine();
} else {
  if (process.argv.includes('--version')) {
    process.stdout.write('citewise-ls 0.1.0\n');
    process.exit(0);
  }

  // Log, never die, on an error no handler caught: one bad request must not take the server down.
  process.on('uncaughtException', (error) => process.stderr.write(`citewise: uncaught: ${error.stack ?? error.message}\n`));
  process.on('unhandledRejection', (reason) => process.stderr.write(`citewise: unhandled rejection: ${String(reason)}\n`));

  startServer(createConnection(ProposedFeatures.all));
}
