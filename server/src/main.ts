#!/usr/bin/env node
// The language server's process entry. Editors start it as `citewise-ls --stdio` (or over IPC from VS Code).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write('citewise-ls 0.1.0\n');
  process.exit(0);
}

// Log, never die, on an error no handler caught: one bad request must not take the server down.
process.on('uncaughtException', (error) => process.stderr.write(`citewise: uncaught: ${error.stack ?? error.message}\n`));
process.on('unhandledRejection', (reason) => process.stderr.write(`citewise: unhandled rejection: ${String(reason)}\n`));

startServer(createConnection(ProposedFeatures.all));
