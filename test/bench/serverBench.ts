// The language server as an editor starts it: the time to answer "initialize", and the time until the first
// diagnostics of a long thesis opened over LSP (its citation problems), then until its style findings are shown too.
// Needs the bundled server (npm run build).

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverPath, startServer, type TestServer } from '../support/lspClient';
import { millisecondsSince, summarise, type Timing } from './measure';
import type { Row } from './report';

const STARTS = 5;

export async function serverRows(folder: string, thesis: string): Promise<Row[]> {
  if (!existsSync(serverPath)) return [{ what: 'server start-up', size: '', notes: 'dist/server.js is missing: run npm run build' }];
  // A folder of its own: bibliography files next to a document are read with it, and the benchmark's bibliographies are not its own.
  const thesisPath = path.join(folder, 'thesis', 'thesis.md');
  mkdirSync(path.dirname(thesisPath));
  writeFileSync(thesisPath, thesis);
  const uri = pathToFileURL(thesisPath).href;
  const initialize: number[] = [];
  const firstDiagnostics: number[] = [];
  const withStyleFindings: number[] = [];
  for (let run = 0; run < STARTS; run++) {
    const started = process.hrtime.bigint();
    const server: TestServer = await startServer();
    initialize.push(millisecondsSince(started));
    const opened = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: thesis } });
    await server.diagnostics(uri, () => true, 60_000);
    firstDiagnostics.push(millisecondsSince(opened));
    // The thesis has one APA finding; in a document this long it is published just after the citation problems.
    await server.diagnostics(uri, (diagnostics) => diagnostics.some((d) => String(d.code).startsWith('apa-')), 60_000);
    withStyleFindings.push(millisecondsSince(opened));
    await server.stop();
  }
  const initialized: Timing = summarise(initialize);
  return [
    { what: 'server: spawn → initialize response', size: `${STARTS} starts`, timing: initialized, notes: 'node dist/server.js --stdio' },
    { what: 'server: open thesis → first diagnostics', size: `${STARTS} starts`, timing: summarise(firstDiagnostics), notes: 'didOpen to publishDiagnostics over LSP: the citation problems' },
    { what: 'server: open thesis → with style findings', size: `${STARTS} starts`, timing: summarise(withStyleFindings), notes: 'the next publishDiagnostics, with the APA findings too' },
  ];
}
