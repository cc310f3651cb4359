// A document whose bibliography is a large BibTeX file (about 15 MB), driven over stdio: the server shows its reading
// as work-done progress, answers a hover while the file is still being read, holds unknown-key diagnostics until the
// whole file is read, and ends with the same diagnostics as the command-line checker, which reads the file at once.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, MarkupContent, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { repositoryRoot, startServer, type TestServer } from '../support/lspClient';
import { bibtexText, syntheticWorks } from '../bench/syntheticBibliography';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-large-'));
const works = syntheticWorks(20_000);
const libraryPath = path.join(folder, 'library.bib');
writeFileSync(libraryPath, bibtexText(works));
// A broken entry at the very end: its problem can only be known once the whole file is read.
appendFileSync(libraryPath, '\n@misc{brokenAtTheEnd,\n  title = {Never closed\n');
const libraryUri = pathToFileURL(libraryPath).toString();

const first = works[0].key;
const last = works[works.length - 1].key;
const paperPath = path.join(folder, 'paper.md');
const paperText = `---\nbibliography: library.bib\n---\n\nEarly [@${first}], late [@${last}], and unknown [@nosuchkey2099].\n`;
writeFileSync(paperPath, paperText);
const paperUri = pathToFileURL(paperPath).toString();
const paper = TextDocument.create(paperUri, 'markdown', 1, paperText);

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
/** A diagnostic as the command-line checker prints it. */
const asCliLine = (file: string, d: Diagnostic) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${message(d)}`;

/** The line of the library where `needle` is written. */
function libraryLineOf(needle: string): number {
  const text = readFileSync(libraryPath, 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

let server: TestServer;
/** Everything that happened, in order: progress notifications and answers to requests. */
const events: { kind: string; value?: unknown }[] = [];
const created: unknown[] = [];

function waitFor(kind: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (events.some((event) => event.kind === kind)) resolve();
      else if (Date.now() > deadline) reject(new Error(`no "${kind}" within ${timeoutMs} ms; saw ${events.map((e) => e.kind).join(' ')}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

before(async () => {
  // The reading is slowed down so that a hover surely lands while it runs, however fast this machine reads.
  server = await startServer({ backgroundReading: { showProgressAfterMs: 0, pauseBetweenSlicesMs: 25 } }, { capabilities: { window: { workDoneProgress: true } } });
  server.connection.onRequest('window/workDoneProgress/create', (params: { token: unknown }) => {
    created.push(params.token);
    return null;
  });
  server.connection.onNotification('$/progress', (params: { token: unknown; value: Progress }) => {
    events.push({ kind: params.value.kind, value: params.value });
  });
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: paperUri, languageId: 'markdown', version: 1, text: paperText } });
});

after(async () => {
  await server.stop();
});

test('reading the large file shows progress; a hover made meanwhile is answered from the entries read so far', async () => {
  await waitFor('begin');
  const begin = events.find((event) => event.kind === 'begin')!.value as WorkDoneProgressBegin;
  assert.equal(begin.title, 'Citewise: reading library.bib');
  assert.equal(created.length, 1);

  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: paperUri }, position: paper.positionAt(paperText.indexOf(first) + 2) })) as Hover | null;
  events.push({ kind: 'hover' });
  assert.ok(hover, 'the hover has an answer');
  assert.match((hover.contents as MarkupContent).value, new RegExp(`\`${first}\``));
  // Diagnostics published while reading say nothing of keys, which may yet come.
  const whileReading = await server.diagnostics(paperUri);
  events.push({ kind: 'diagnostics' });
  assert.deepEqual(whileReading.filter((d) => d.code === 'unknown-key'), []);

  await waitFor('end');
  assert.deepEqual(events.map((event) => event.kind).filter((kind) => kind !== 'report'), ['begin', 'hover', 'diagnostics', 'end']);
  const percentages = events.flatMap((event) => (event.kind === 'report' ? [(event.value as WorkDoneProgressReport).percentage!] : []));
  assert.ok(percentages.length > 0, 'some progress was reported');
  assert.deepEqual([...percentages].sort((a, b) => a - b), percentages);
  assert.ok(percentages.every((p) => p >= (begin.percentage ?? 0) && p <= 100), percentages.join(' '));
});

test('once the file is read, the diagnostics equal those of the command-line checker, in the document and in the file', async () => {
  await waitFor('end');
  const inPaper = await server.diagnostics(paperUri, (ds) => ds.some((d) => d.code === 'unknown-key'), 30_000);
  assert.deepEqual(inPaper.map((d) => [d.code, message(d)]), [['unknown-key', 'No bibliography entry has the key "nosuchkey2099".']]);
  const inLibrary = await server.diagnostics(libraryUri, (ds) => ds.length > 0, 30_000);
  const cli = spawnSync(process.execPath, [path.join(repositoryRoot, 'dist', 'cli.js'), 'check', '--exit-zero', 'paper.md'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(cli.status, 0, cli.stderr);
  const lines = cli.stdout.trim().split('\n');
  assert.deepEqual([...inPaper.map((d) => asCliLine('paper.md', d)), ...inLibrary.map((d) => asCliLine('library.bib', d))].sort(), [...lines].sort());
  const brokenLine = libraryLineOf('@misc{brokenAtTheEnd');
  assert.ok(inLibrary.some((d) => d.range.start.line === brokenLine), JSON.stringify(inLibrary));
});

test('a client that cannot show progress started by the server is not asked to', async () => {
  const quiet = await startServer();
  const asked: unknown[] = [];
  quiet.connection.onRequest('window/workDoneProgress/create', (params: unknown) => {
    asked.push(params);
    return null;
  });
  try {
    await quiet.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: paperUri, languageId: 'markdown', version: 1, text: paperText } });
    await quiet.diagnostics(paperUri, (ds) => ds.some((d) => d.code === 'unknown-key'), 60_000);
    assert.deepEqual(asked, []);
  } finally {
    await quiet.stop();
  }
});
