// The editor features over stdio: sorting the reference list, renaming a key across a document and its .bib file,
// workspace symbols, DOI links, code lenses with citation counts and the summary behind the status bar.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, DocumentLink, Range, ResponseError, SymbolInformation, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { repositoryRoot, startServer, type TestServer } from '../support/lspClient';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-editor-'));
cpSync(path.join(repositoryRoot, 'test', 'fixtures', 'pandoc'), path.join(folder, 'pandoc'), { recursive: true });
mkdirSync(path.join(folder, 'essay'));

const ESSAY = [
  'Risk is felt (Slovic, 1987), heat rises (Zhao, 2014; Zhao, 2014), and van den Boogard (2024) agrees.',
  '',
  '## References',
  '',
  'Zhao, L. (2014). Heat. *Nature*, 511, 216–219. doi:10.1038/nature13462',
  '',
  'van den Boogard, J. (2024). Particles first. *Journal*, 1, 1–2.',
  '',
  'Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285.',
  '',
  'Adams, B. (2019). Never cited. *Journal*, 1, 1–2.',
  '',
].join('\r\n');
writeFileSync(path.join(folder, 'essay', 'essay.md'), ESSAY);

function open(relative: string, languageId: string) {
  const file = path.join(folder, relative);
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  return { uri, text, document: TextDocument.create(uri, languageId, 1, text), languageId };
}

const essay = open('essay/essay.md', 'markdown');
const paper = open('pandoc/paper.md', 'markdown');
const refsUri = pathToFileURL(path.join(folder, 'pandoc', 'refs.bib')).toString();
const refs = readFileSync(path.join(folder, 'pandoc', 'refs.bib'), 'utf8');

function at(doc: { text: string; document: TextDocument }, needle: string, delta = 0) {
  const offset = doc.text.indexOf(needle);
  assert.ok(offset >= 0, `the document contains ${needle}`);
  return doc.document.positionAt(offset + delta);
}

let server: TestServer;

before(async () => {
  server = await startServer();
  for (const doc of [essay, paper]) {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: doc.languageId, version: 1, text: doc.text } });
  }
  // The bibliography files are read once the documents have been checked.
  await server.diagnostics(paper.uri);
});

after(async () => {
  await server.stop();
});

test('a source action sorts the reference list in APA order, as an edit of this version that keeps CRLF line endings', async () => {
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: essay.uri },
    range: { start: at(essay, 'Risk'), end: at(essay, 'Risk') },
    context: { diagnostics: [], only: ['source'] },
  })) as CodeAction[];
  const sort = actions.find((a) => a.kind === 'source.sortReferences');
  assert.ok(sort, JSON.stringify(actions));
  assert.equal(sort.title, 'Sort the reference list in APA order');
  const [change] = sort.edit!.documentChanges as TextDocumentEdit[];
  assert.deepEqual(change.textDocument, { uri: essay.uri, version: 1 });
  const sorted = TextDocument.applyEdits(essay.document, change.edits as TextEdit[]);
  assert.deepEqual(sorted.split('\r\n').filter((line) => /^\S+, [A-Z]\. \(/.test(line) || line.startsWith('van ')).map((line) => line.slice(0, 12)), [
    'Adams, B. (2',
    'Slovic, P. (',
    'van den Boog',
    'Zhao, L. (20',
  ]);
  assert.equal(sorted.replace(/\r\n/g, '').length, essay.text.replace(/\r\n/g, '').length);
  assert.equal(sorted.split('\r\n').length, essay.text.split('\r\n').length, 'every line ending is still CRLF');
  const quickFixesOnly = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: essay.uri },
    range: { start: at(essay, 'Risk'), end: at(essay, 'Risk') },
    context: { diagnostics: [], only: ['quickfix'] },
  })) as CodeAction[];
  assert.ok(!quickFixesOnly.some((a) => a.kind === 'source.sortReferences'));
});

test('renaming a key edits its entry in the .bib file (no version) and its citations in the document (this version)', async () => {
  const prepared = (await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: paper.uri }, position: at(paper, '@oke1982', 3) })) as { range: Range; placeholder: string };
  assert.deepEqual(prepared, { range: { start: at(paper, 'oke1982'), end: at(paper, 'oke1982', 7) }, placeholder: 'oke1982' });
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: paper.uri }, position: at(paper, '@oke1982', 3), newName: 'oke1982energy' })) as WorkspaceEdit;
  const changes = edit.documentChanges as TextDocumentEdit[];
  const bibLine = refs.slice(0, refs.indexOf('oke1982,')).split('\n').length - 1;
  assert.deepEqual(changes, [
    { textDocument: { uri: refsUri, version: null }, edits: [{ range: { start: { line: bibLine, character: 9 }, end: { line: bibLine, character: 16 } }, newText: 'oke1982energy' }] },
    { textDocument: { uri: paper.uri, version: 1 }, edits: [{ range: prepared.range, newText: 'oke1982energy' }] },
  ]);
});

test('renaming refuses a word that is not a key and a new name that cannot be a key, with the reason', async () => {
  await assert.rejects(server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: paper.uri }, position: at(paper, 'Urban heat') }), (error: ResponseError) => {
    assert.equal(error.message, 'Only a citation key can be renamed.');
    return true;
  });
  await assert.rejects(server.connection.sendRequest('textDocument/rename', { textDocument: { uri: paper.uri }, position: at(paper, '@oke1982', 3), newName: 'oke 1982' }), (error: ResponseError) => {
    assert.equal(error.message, 'A key cannot contain spaces.');
    return true;
  });
});

test('workspace symbols find entries of typed lists and of .bib files by title words, author and year', async () => {
  const energetic = (await server.connection.sendRequest('workspace/symbol', { query: 'energetic oke' })) as SymbolInformation[];
  assert.deepEqual(energetic.map((s) => [s.name, s.location.uri, s.containerName]), [['oke1982 Oke (1982) The energetic basis of the urban heat island', refsUri, 'refs.bib']]);
  const zhao = (await server.connection.sendRequest('workspace/symbol', { query: 'zhao heat' })) as SymbolInformation[];
  assert.deepEqual(zhao.map((s) => [s.name, s.location.uri, s.containerName]), [['Zhao (2014) Heat', essay.uri, 'essay.md']]);
  const slovic = (await server.connection.sendRequest('workspace/symbol', { query: 'slovic 1987' })) as SymbolInformation[];
  assert.deepEqual(slovic.map((s) => [s.name, s.location.range.start]), [['Slovic (1987) Perception of risk', at(essay, 'Slovic, P.')]]);
});

test('a DOI in the reference list is a link to doi.org', async () => {
  const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: essay.uri } })) as DocumentLink[];
  assert.deepEqual(links, [{ range: { start: at(essay, 'doi:10.1038'), end: at(essay, 'doi:10.1038', 'doi:10.1038/nature13462'.length) }, target: 'https://doi.org/10.1038/nature13462', tooltip: 'Open the DOI' }]);
});

test('a lens above each entry says how often it is cited and lists the citations when clicked', async () => {
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: essay.uri } })) as CodeLens[];
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [
    [4, 'cited 2 times', 'citewise.showCitations'],
    [6, 'cited once', 'citewise.showCitations'],
    [8, 'cited once', 'citewise.showCitations'],
    [10, 'not cited', ''],
  ]);
  assert.deepEqual(lenses[0].command?.arguments, [essay.uri, at(essay, 'Zhao, L.')]);
});

test('the document summary counts the entries a document sees and those it cites; other documents get null', async () => {
  assert.deepEqual(await server.connection.sendRequest('citewise/documentSummary', { uri: essay.uri }), { references: 4, cited: 3 });
  const summary = (await server.connection.sendRequest('citewise/documentSummary', { uri: paper.uri })) as { references: number; cited: number };
  assert.equal(summary.cited, 4);
  assert.equal(summary.references, (refs.match(/^@(?!string)\w+\{\w+,/gm) ?? []).length);
  assert.equal(await server.connection.sendRequest('citewise/documentSummary', { uri: 'file:///not/open.md' }), null);
});
