// Faults an editor and a file system produce: requests for documents the server never saw, positions past the end,
// malformed parameters, and a bibliography file that disappears, turns into binary junk or an empty file, or is
// rewritten while requests are in flight. Every request gets an answer and the server keeps serving.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';
import { trackDiagnostics, type VersionedDiagnostics } from '../support/versionedDiagnostics';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-faults-'));
const bibFile = path.join(folder, 'refs.bib');
const bibText = '@article{oke1982, author = {Oke, T. R.}, title = {The energetic basis}, journal = {QJRMS}, year = 1982}\n@book{bowler2010, author = {Bowler, D.}, title = {Urban greening}, year = 2010}\n';
const paperText = '---\nbibliography: refs.bib\n---\n\nHeat islands [@oke1982; @bowler2010, p. 4].\n';
const paperUri = pathToFileURL(path.join(folder, 'paper.md')).toString();
const KEYS = ['oke1982', 'bowler2010'];

let server: TestServer;
let published: VersionedDiagnostics;
let version = 1;

const keyPosition = TextDocument.create(paperUri, 'markdown', 1, paperText).positionAt(paperText.indexOf('@oke1982') + 2);

/** Touches the document so that the server analyses it again, and waits for the diagnostics of that version. */
async function editAndWait(): Promise<Diagnostic[]> {
  version++;
  const text = `${paperText}${' '.repeat(version)}`;
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: paperUri, version }, contentChanges: [{ text }] });
  return published.at(paperUri, version);
}

const unknownKeys = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'unknown-key').length;

before(async () => {
  writeFileSync(bibFile, bibText);
  server = await startServer();
  published = trackDiagnostics(server);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: paperUri, languageId: 'markdown', version, text: paperText } });
  assert.equal(unknownKeys(await published.at(paperUri, version)), 0, 'both keys resolve at first');
});

after(async () => {
  assert.equal(server.process.exitCode, null, 'the server process is still running');
  assert.doesNotMatch(server.stderr(), /uncaught|unhandled rejection/i);
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

const position = { line: 0, character: 0 };
const unknown = { uri: 'file:///nowhere/unknown.md' };
const known = { uri: paperUri };
const pastTheEnd = { line: 9_999, character: 9_999 };

/** Parameters that a client should never send, or sends about a document it closed, for each request. */
const faultyRequests: [string, unknown][] = [
  ...['textDocument/hover', 'textDocument/completion', 'textDocument/definition'].flatMap((method): [string, unknown][] => [
    [method, { textDocument: unknown, position }],
    [method, { textDocument: known, position: pastTheEnd }],
    [method, { textDocument: known, position: { line: -1, character: -5 } }],
    [method, { textDocument: null, position }],
    [method, { textDocument: known }],
    [method, {}],
  ]),
  ['textDocument/references', { textDocument: unknown, position, context: { includeDeclaration: true } }],
  ['textDocument/references', { textDocument: known, position: pastTheEnd, context: { includeDeclaration: true } }],
  ['textDocument/references', { textDocument: known, position: keyPosition }],
  ['textDocument/references', { textDocument: null, position, context: { includeDeclaration: false } }],
  ['textDocument/documentSymbol', { textDocument: unknown }],
  ['textDocument/documentSymbol', { textDocument: null }],
  ['textDocument/documentSymbol', {}],
  ['textDocument/codeAction', { textDocument: unknown, range: { start: position, end: position }, context: { diagnostics: [] } }],
  ['textDocument/codeAction', { textDocument: known, range: { start: pastTheEnd, end: position }, context: { diagnostics: [] } }],
  ['textDocument/codeAction', { textDocument: known, range: null, context: null }],
  ['textDocument/codeAction', { textDocument: known }],
  ['completionItem/resolve', { label: 'x' }],
  ['completionItem/resolve', { label: 'x', data: { uri: unknown.uri, entryId: 'nothing' } }],
  ['completionItem/resolve', { label: 'x', data: { uri: null, entryId: null } }],
  ['completionItem/resolve', { label: 'x', data: 'not an object' }],
];

test('malformed and stale requests are each answered with an empty result, and the server keeps serving', async () => {
  for (const [method, params] of faultyRequests) {
    const answer = await server.connection.sendRequest(method, params);
    const empty = answer === null || Array.isArray(answer) || (method === 'completionItem/resolve' && typeof answer === 'object');
    assert.ok(empty, `${method} ${JSON.stringify(params)} answered ${JSON.stringify(answer)}`);
  }
  assert.ok(await server.connection.sendRequest('textDocument/hover', { textDocument: known, position: keyPosition }), 'a good hover still works');
});

test('a bibliography file deleted between two edits is reported as not found and its keys stop resolving, without a crash', async () => {
  rmSync(bibFile);
  const diagnostics = await editAndWait();
  // A document that sees no bibliography file gets the one diagnostic about the file, not one per key.
  assert.deepEqual(diagnostics.map((d) => d.code), ['bibliography-not-found'], JSON.stringify(diagnostics));
  const hover = JSON.stringify(await server.connection.sendRequest('textDocument/hover', { textDocument: known, position: keyPosition }));
  assert.doesNotMatch(hover, /energetic basis/, 'the deleted entry is no longer shown');
  writeFileSync(bibFile, bibText);
  assert.equal(unknownKeys(await editAndWait()), 0, 'the keys resolve again once the file is back');
});

test('a bibliography file replaced by binary junk or by an empty file gives unknown keys, without a crash', async () => {
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  for (const content of [junk, Buffer.alloc(0)]) {
    writeFileSync(bibFile, content);
    assert.equal(unknownKeys(await editAndWait()), KEYS.length, `${content.length} bytes of content`);
    assert.ok(await server.connection.sendRequest('textDocument/completion', { textDocument: known, position: keyPosition }));
  }
  writeFileSync(bibFile, bibText);
  assert.equal(unknownKeys(await editAndWait()), 0);
});

test('hovers in flight while the bibliography is rewritten on disk are all answered', async () => {
  const answers: Promise<unknown>[] = [];
  for (let round = 0; round < 20; round++) {
    // Alternate between a file with both entries, a truncated one and one with an extra entry, so the size changes.
    const text = round % 3 === 0 ? bibText : round % 3 === 1 ? bibText.slice(0, 60) : `${bibText}@misc{extra${round}, title = {X}, year = 2000}\n`;
    writeFileSync(bibFile, text);
    for (let i = 0; i < 5; i++) answers.push(server.connection.sendRequest('textDocument/hover', { textDocument: known, position: keyPosition }));
    answers.push(server.connection.sendRequest('textDocument/completion', { textDocument: known, position: keyPosition }));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const settled = await Promise.allSettled(answers);
  assert.deepEqual(settled.filter((s) => s.status === 'rejected'), [], 'no request failed');
  writeFileSync(bibFile, bibText);
  assert.equal(unknownKeys(await editAndWait()), 0, 'the final file is read');
});
