// Entries no document of the workspace cites, over stdio, as documents come and go: the server keeps the list of the
// workspace's documents while the editor reports documents created and deleted, and walks the folders again after
// such a report, so a chapter written after start-up counts at once and a deleted one stops counting.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-uncited-'));
const REFS = [
  '@article{oke1982,', '  author = {Oke, Timothy R.},', '  title = {The energetic basis of the urban heat island},', '  year = {1982}', '}', '',
  '@article{bowler2010,', '  author = {Bowler, Diana E.},', '  title = {Urban greening to cool towns and cities},', '  year = {2010}', '}', '',
].join('\n');
const PAPER = '---\nbibliography: refs.bib\n---\n\nHeat islands [@oke1982].\n';
const LATER_CHAPTER = '---\nbibliography: refs.bib\n---\n\nGreening cools [@bowler2010].\n';
writeFileSync(path.join(folder, 'refs.bib'), REFS);
writeFileSync(path.join(folder, 'paper.md'), PAPER);

const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
const uncitedKeys = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'uncited-entry').map((d) => String(d.message).match(/^"([^"]+)"/)?.[1]);

let server: TestServer;
let registrations = 0;

before(async () => {
  server = await startServer(
    { settings: { diagnostics: { uncitedBibliographyEntry: 'information' } } },
    { rootUri: pathToFileURL(folder).toString(), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } },
  );
  // As an editor does: the server's file watchers are registered, so the server may rely on their reports.
  server.connection.onRequest('client/registerCapability', () => {
    registrations++;
    return null;
  });
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('paper.md'), languageId: 'markdown', version: 1, text: PAPER } });
});

after(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('a chapter created after start-up cites its entry as soon as the editor reports it, and stops when deleted', async () => {
  const refsUri = uriOf('refs.bib');
  let diagnostics = await server.diagnostics(refsUri, (ds) => uncitedKeys(ds).length > 0);
  assert.deepEqual(uncitedKeys(diagnostics), ['bowler2010']);
  assert.ok(registrations > 0, 'the server registered its file watchers');

  writeFileSync(path.join(folder, 'chapter.md'), LATER_CHAPTER);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('chapter.md'), type: 1 }] });
  diagnostics = await server.diagnostics(refsUri, (ds) => uncitedKeys(ds).length === 0, 10_000);
  assert.deepEqual(uncitedKeys(diagnostics), []);

  rmSync(path.join(folder, 'chapter.md'));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('chapter.md'), type: 3 }] });
  diagnostics = await server.diagnostics(refsUri, (ds) => uncitedKeys(ds).length > 0, 10_000);
  assert.deepEqual(uncitedKeys(diagnostics), ['bowler2010']);
});
