// A pandoc document and a LaTeX document with their .bib files, driven over stdio: keyed citations resolve against the
// files, problems inside a .bib file show in that file, and a file rewritten on disk is picked up without a reload.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Diagnostic, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { repositoryRoot, startServer, type TestServer } from '../support/lspClient';
import { styledHoverText } from '../support/styledHover';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-bib-'));
cpSync(path.join(repositoryRoot, 'test', 'fixtures', 'pandoc'), path.join(folder, 'pandoc'), { recursive: true });
cpSync(path.join(repositoryRoot, 'test', 'fixtures', 'latex'), path.join(folder, 'latex'), { recursive: true });

function open(relative: string, languageId: string) {
  const file = path.join(folder, relative);
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  return { file, uri, text, document: TextDocument.create(uri, languageId, 1, text), languageId };
}

const paper = open('pandoc/paper.md', 'markdown');
const thesis = open('latex/thesis.tex', 'latex');
const refsUri = pathToFileURL(path.join(folder, 'pandoc', 'refs.bib')).toString();

function at(doc: { text: string; document: TextDocument }, needle: string, delta = 0) {
  const offset = doc.text.indexOf(needle);
  assert.ok(offset >= 0, `the document contains ${needle}`);
  return doc.document.positionAt(offset + delta);
}

const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

let server: TestServer;

before(async () => {
  server = await startServer();
  for (const doc of [paper, thesis]) {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: doc.languageId, version: 1, text: doc.text } });
  }
});

after(async () => {
  await server.stop();
});

test('an unknown key is the only problem in the pandoc paper; cross-references and e-mail addresses are not citations', async () => {
  const diagnostics = await server.diagnostics(paper.uri);
  assert.deepEqual(diagnostics.map((d) => [d.code, message(d)]), [['unknown-key', 'No bibliography entry has the key "smith2099".']]);
  assert.deepEqual(diagnostics[0].range.start, at(paper, 'smith2099'));
});

test('a broken entry in the .bib file is reported there, at its line, and the entries after it still work', async () => {
  const diagnostics = await server.diagnostics(refsUri, (ds) => ds.length > 0);
  const bib = readFileSync(path.join(folder, 'pandoc', 'refs.bib'), 'utf8');
  const brokenLine = bib.slice(0, bib.indexOf('@book{broken2001')).split('\n').length - 1;
  assert.ok(diagnostics.some((d) => d.code === 'bibliography-syntax' && d.range.start.line === brokenLine), JSON.stringify(diagnostics));
  const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: paper.uri }, position: at(paper, '@oke1982', 1) })) as CompletionList;
  assert.ok(list.items.some((i) => i.label === 'gago2013'), list.items.map((i) => i.label).join(' '));
});

test('hovering a key shows the entry formatted in APA, its key, DOI and a link that opens it in its file', async () => {
  const formattedInApa = /^Oke, T\. R\. \(1982\)\. The energetic basis of the urban heat island\. \*Quarterly Journal of the Royal Meteorological Society\*, \*108\*\(455\), 1–24\./;
  const value = (await styledHoverText(server, paper.uri, at(paper, '@oke1982', 2), formattedInApa)) ?? '';
  assert.match(value, formattedInApa);
  assert.match(value, /`oke1982`/);
  assert.match(value, /\[doi:10\.1002\/qj\.49710845502\]\(https:\/\/doi\.org\/10\.1002\/qj\.49710845502\)/);
  assert.match(value, new RegExp(`\\[Open in refs\\.bib\\]\\(${refsUri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L4\\)`));
});

test('completion after "@" is filtered by title words and documents the formatted entry', async () => {
  const edited = paper.text.replace('[@smith2099]', '[@canopy heat');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: paper.uri, version: 2 }, contentChanges: [{ text: edited }] });
  const document = TextDocument.create(paper.uri, 'markdown', 2, edited);
  const position = document.positionAt(edited.indexOf('[@canopy') + 2 + 'canopy'.length);
  const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: paper.uri }, position })) as CompletionList;
  assert.deepEqual(list.items.map((i) => i.label), ['ziter2019']);
  const resolved = (await server.connection.sendRequest('completionItem/resolve', list.items[0])) as CompletionItem;
  assert.match((resolved.documentation as MarkupContent).value, /^Ziter, C\. D\., Pedersen, E\. J\., Kucharik, C\. J\., & Turner, M\. G\. \(2019\)\./);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: paper.uri, version: 3 }, contentChanges: [{ text: paper.text }] });
});

test('go to definition jumps from a key to its entry in the .bib file', async () => {
  const locations = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: paper.uri }, position: at(paper, '@bowler2010', 3) })) as Location[];
  assert.equal(locations.length, 1);
  assert.equal(locations[0].uri, refsUri);
  const bib = readFileSync(path.join(folder, 'pandoc', 'refs.bib'), 'utf8');
  assert.equal(locations[0].range.start.line, bib.slice(0, bib.indexOf('bowler2010,')).split('\n').length - 1);
});

test('LaTeX: keys split over lines resolve, a commented-out key is ignored, an unknown key names the nearest', async () => {
  const diagnostics = await server.diagnostics(thesis.uri);
  assert.deepEqual(diagnostics.map((d) => [d.code, message(d)]), [['unknown-key', 'No bibliography entry has the key "oke1928". Did you mean "oke1982"?']]);
  const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: thesis.uri }, position: at(thesis, 'ziter2019}', 0) })) as CompletionList;
  assert.ok(list.items.some((i) => i.label === 'ziter2019'));
});

test('a .bib file rewritten on disk is picked up without a reload', async () => {
  const file = path.join(folder, 'pandoc', 'refs.bib');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n@misc{smith2099,\n  author = {Smith, Jane},\n  title = {A report from the future},\n  year = {2099}\n}\n`);
  const diagnostics = await server.diagnostics(paper.uri, (ds) => !ds.some((d) => message(d).includes('smith2099')), 10_000);
  assert.deepEqual(diagnostics, []);
});

test('with the setting on, entries that no document of the workspace cites are shown in the .bib file', async () => {
  const own = await startServer({ settings: { diagnostics: { uncitedBibliographyEntry: 'information' } } });
  try {
    const folderUri = pathToFileURL(path.join(folder, 'latex')).toString();
    await own.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: thesis.uri, languageId: 'latex', version: 1, text: thesis.text } });
    const libraryUri = `${folderUri}/library.bib`;
    const diagnostics = await own.diagnostics(libraryUri, (ds) => ds.length > 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, message(d)]), [
      ['uncited-entry', 3, '"gago2013", Gago et al. (2013), is not cited by any document that uses this file.'],
    ]);
  } finally {
    await own.stop();
  }
});

test('a quick fix changes an unknown key to the nearest one, as an edit of this version of the document', async () => {
  const start = at(thesis, 'oke1928');
  const diagnostics = await server.diagnostics(thesis.uri);
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: thesis.uri },
    range: { start, end: start },
    context: { diagnostics },
  })) as { title: string; isPreferred?: boolean; diagnostics: Diagnostic[]; edit: { documentChanges: { textDocument: { uri: string; version: number }; edits: { range: unknown; newText: string }[] }[] } }[];
  assert.equal(actions[0].title, 'Change to "oke1982"');
  assert.equal(actions[0].isPreferred, true);
  assert.equal(actions[0].diagnostics[0].code, 'unknown-key');
  const [change] = actions[0].edit.documentChanges;
  assert.deepEqual(change.textDocument, { uri: thesis.uri, version: 1 });
  assert.deepEqual(change.edits, [{ range: { start, end: at(thesis, 'oke1928', 7) }, newText: 'oke1982' }]);
});

test('find references on a key lists its citations in every open document that uses the same file, and its entry', async () => {
  const locations = (await server.connection.sendRequest('textDocument/references', {
    textDocument: { uri: paper.uri },
    position: at(paper, '@oke1982', 2),
    context: { includeDeclaration: true },
  })) as Location[];
  assert.deepEqual(locations.map((l) => [l.uri, l.range.start]), [
    [paper.uri, at(paper, 'oke1982')],
    [refsUri, { line: 3, character: 9 }],
  ]);
});

test('citewise/entries lists the cited entries of the bibliography file with their counts and places', async () => {
  const items = (await server.connection.sendRequest('citewise/entries', { uri: paper.uri })) as { label: string; citedCount: number; location: Location }[];
  const oke = items.find((i) => i.label === 'Oke (1982)');
  assert.ok(oke, JSON.stringify(items.map((i) => i.label)));
  assert.equal(oke.citedCount, 1);
  assert.equal(oke.location.uri, refsUri);
  assert.deepEqual(oke.location.range.start, { line: 3, character: 9 });
  assert.ok(!items.some((i) => i.label.startsWith('Gago')), 'uncited entries of a file are not listed');
});

test('a bibliography file created after the document named it is picked up when the editor reports it', async () => {
  const uri = pathToFileURL(path.join(folder, 'pandoc', 'later.md')).toString();
  const text = '---\nbibliography: later.bib\n---\n\nAs shown [@later2020].\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await server.diagnostics(uri, (ds) => ds.some((d) => d.code === 'bibliography-not-found'));
  const file = path.join(folder, 'pandoc', 'later.bib');
  writeFileSync(file, '@book{later2020, author = {Later, Lee}, title = {Written afterwards}, year = 2020}\n');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 1 }] });
  const diagnostics = await server.diagnostics(uri, (ds) => !ds.some((d) => d.code === 'bibliography-not-found'));
  assert.deepEqual(diagnostics, []);
});
