// Drives the built server over stdio with the seed essay, and checks what an editor would show.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { repositoryRoot, startServer, type TestServer } from '../support/lspClient';

const seedPath = path.join(repositoryRoot, 'test', 'fixtures', 'seed-essay.md');
const seed = readFileSync(seedPath, 'utf8');
const uri = 'file:///essays/seed-essay.md';
const document = TextDocument.create(uri, 'markdown', 1, seed);

/** The position of the n-th character of `needle` in the seed, plus `delta`. */
function positionOf(needle: string, delta = 0) {
  const offset = seed.indexOf(needle);
  assert.ok(offset >= 0, `the seed contains ${needle}`);
  return document.positionAt(offset + delta);
}

let server: TestServer;

/** LSP 3.18 allows Markdown messages; this server sends plain strings. */
function messageText(message: string | MarkupContent): string {
  return typeof message === 'string' ? message : message.value;
}

before(async () => {
  server = await startServer();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: seed } });
});

after(async () => {
  await server.stop();
});

test('the Problems panel lists exactly the citations without an entry and the entries never cited', async () => {
  const diagnostics = await server.diagnostics(uri);
  const missing = diagnostics.filter((d) => d.code === 'missing-entry').map((d) => messageText(d.message)).sort();
  const uncited = diagnostics.filter((d) => d.code === 'uncited-entry').map((d) => messageText(d.message)).sort();
  assert.deepEqual(missing, [
    'No reference entry for "New U.S. anti-personnel landmine" (2022).',
    'No reference entry for Cluster Munition Coalition (2024).',
    'No reference entry for Human Rights Watch (2023).',
    'No reference entry for Ingebritsen (2002).',
  ]);
  assert.deepEqual(uncited, [
    "O'Brien (2009) is never cited.",
    'Petrova (2016) is never cited.',
    'Rutherford (2004) is never cited.',
    'United Nations (2018) is never cited.',
    'United Nations (2023) is never cited.',
    'van den Boogard (2024) is never cited.',
  ]);
  assert.equal(diagnostics.length, missing.length + uncited.length, JSON.stringify(diagnostics, null, 1));
  for (const d of diagnostics) assert.equal(d.source, 'citewise');
  const ingebritsen = diagnostics.find((d) => messageText(d.message).includes('Ingebritsen'))!;
  assert.deepEqual(ingebritsen.range, { start: positionOf('Ingebritsen (2002)'), end: positionOf('Ingebritsen (2002)', 'Ingebritsen (2002)'.length) });
  assert.equal(ingebritsen.severity, 1);
});

test('hovering a resolved citation shows its full reference entry with the DOI as a link', async () => {
  const hover = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: positionOf('(Qerimi, 2023)', 3),
  })) as Hover;
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /Qerimi, Q\. \(2023\)\. Controlling lethal autonomous weapons systems/);
  assert.match(value, /\(https:\/\/doi\.org\/10\.1016\/j\.clsr\.2023\.105854\)/);
});

test('hovering a citation without an entry says so', async () => {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf('Ingebritsen (2002)', 2) })) as Hover;
  assert.match((hover.contents as MarkupContent).value, /No reference entry for Ingebritsen \(2002\)/);
});

test('typing "(Qer" offers "Qerimi, 2023" and inserts it in parenthetical form', async () => {
  const edited = seed.replace('small group of states (Qerimi, 2023).', 'small group of states (Qer');
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: edited }],
  });
  const editedDocument = TextDocument.create(uri, 'markdown', 2, edited);
  const position = editedDocument.positionAt(edited.indexOf('(Qer') + 4);
  const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
  const items = list.items;
  assert.equal(list.isIncomplete, true, "the server filters again as the person types");
  const qerimi = items.find((i) => i.label === 'Qerimi, 2023');
  assert.ok(qerimi, `labels: ${items.map((i) => i.label).join(' | ')}`);
  assert.equal((qerimi.textEdit as { newText: string }).newText, 'Qerimi, 2023');
  assert.match((qerimi.documentation as MarkupContent).value, /Controlling lethal autonomous weapons systems/);
});

test('adding the missing entry clears its diagnostic as the person types', async () => {
  const withEntry = seed.replace('O\'Brien, T. (2009).', 'Ingebritsen, C. (2002). Norm entrepreneurs: Scandinavia\'s role in world politics. *Cooperation and Conflict*, 37(1), 11–23.\n\nO\'Brien, T. (2009).');
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ text: withEntry }],
  });
  const diagnostics = await server.diagnostics(uri, (ds) => !ds.some((d) => messageText(d.message).includes('Ingebritsen')) && ds.length > 0);
  assert.ok(diagnostics.some((d) => messageText(d.message).includes('Human Rights Watch')), 'the other missing entries remain');
});

test('incremental edits are applied: deleting a citation makes its entry uncited', async () => {
  const current = TextDocument.create(uri, 'markdown', 3, seed.replace('O\'Brien, T. (2009).', 'Ingebritsen, C. (2002). Norm entrepreneurs: Scandinavia\'s role in world politics. *Cooperation and Conflict*, 37(1), 11–23.\n\nO\'Brien, T. (2009).'));
  const text = current.getText();
  const start = current.positionAt(text.indexOf(' (Thorhallsson, 2019)'));
  const end = current.positionAt(text.indexOf(' (Thorhallsson, 2019)') + ' (Thorhallsson, 2019)'.length);
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 4 },
    contentChanges: [{ range: { start, end }, text: '' }],
  });
  const diagnostics = await server.diagnostics(uri, (ds) => ds.some((d) => messageText(d.message) === 'Thorhallsson (2019) is never cited.'));
  assert.ok(diagnostics.length > 0);
});

test('requests for unknown documents get empty answers and the server keeps serving', async () => {
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } });
  assert.equal(hover, null);
  const items = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 5, character: 500 } });
  assert.deepEqual(items, []);
  const again = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf('(Stop Killer Robots, 2024)', 2) })) as Hover | null;
  assert.ok(again);
});

test('a request that makes a handler fail is answered empty, logged, and the server keeps serving', async () => {
  const logged: string[] = [];
  const listener = server.connection.onNotification('window/logMessage', (params: { message: string }) => {
    logged.push(params.message);
  });
  const broken = await server.connection.sendRequest('textDocument/hover', { textDocument: null, position: null });
  assert.equal(broken, null);
  const brokenCompletion = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: null });
  assert.deepEqual(brokenCompletion, []);
  const again = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf('(Stop Killer Robots, 2024)', 2) });
  assert.ok(again);
  assert.ok(logged.some((m) => m.includes('hover failed')), logged.join('\n'));
  listener.dispose();
});

test('a 5 MB single-line document and 100,000 open parentheses are answered', async () => {
  const hugeUri = 'file:///essays/huge.md';
  const huge = 'word (Smith, 2019) '.repeat(260_000) + '('.repeat(100_000);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: hugeUri, languageId: 'markdown', version: 1, text: huge } });
  const diagnostics = await server.diagnostics(hugeUri, () => true, 60_000);
  assert.ok(Array.isArray(diagnostics));
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: hugeUri }, position: { line: 0, character: 8 } });
  assert.ok(hover === null || typeof hover === 'object');
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: hugeUri } });
});
