// Renaming a key across a workspace over stdio: from the key of an entry in a .bib file and from a citation, the edit
// reaches the .bib file, the open chapter (at its version) and a chapter that is not open (version null, read from
// disk). A .bib file open with unsaved changes is refused, and opening or closing one leaves its problems in place.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, ResponseError, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-rename-'));

const REFS = [
  '@article{oke1982,',
  '  author = {Oke, Timothy R.},',
  '  title = {The energetic basis of the urban heat island},',
  '  year = {1982}',
  '}',
  '',
  '@article{bowler2010,',
  '  author = {Bowler, Diana E.},',
  '  title = {Urban greening to cool towns and cities},',
  '  year = {2010}',
  '}',
  '',
  '@article{broken,',
  '  title = {Never closed',
  '',
].join('\n');
const OPEN_CHAPTER = '---\nbibliography: refs.bib\n---\n\nHeat islands [@oke1982; @bowler2010].\n';
const UNOPENED_CHAPTER = '---\nbibliography: refs.bib\n---\n\nAs @oke1982 showed, and again [see @oke1982, p. 4].\n';
const UNRELATED = '---\nbibliography: refs.bib\n---\n\nOnly [@bowler2010].\n';
writeFileSync(path.join(folder, 'refs.bib'), REFS);
writeFileSync(path.join(folder, 'chapter1.md'), OPEN_CHAPTER);
writeFileSync(path.join(folder, 'chapter2.md'), UNOPENED_CHAPTER);
writeFileSync(path.join(folder, 'chapter3.md'), UNRELATED);

const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
const refsUri = uriOf('refs.bib');
const openUri = uriOf('chapter1.md');
const unopenedUri = uriOf('chapter2.md');

function positionIn(text: string, needle: string, delta = 0, occurrence = 0) {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `the text contains ${needle}`);
  return TextDocument.create('file:///x', 'plaintext', 0, text).positionAt(offset + delta);
}

function rangeOf(text: string, needle: string, occurrence = 0): Range {
  return { start: positionIn(text, needle, 0, occurrence), end: positionIn(text, needle, needle.length, occurrence) };
}

let server: TestServer;

before(async () => {
  server = await startServer(undefined, { rootUri: pathToFileURL(folder).toString() });
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'markdown', version: 3, text: OPEN_CHAPTER } });
  await server.diagnostics(openUri);
  // The broken entry's problem is published in the .bib file once the chapter has been checked.
  await server.diagnostics(refsUri, (ds) => ds.length > 0);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: refsUri, languageId: 'bibtex', version: 5, text: REFS } });
});

after(async () => {
  await server.stop();
});

test('prepare rename on the key of a .bib entry answers its range and key; elsewhere in the file it refuses', async () => {
  const prepared = await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: refsUri }, position: positionIn(REFS, 'oke1982', 2) });
  assert.deepEqual(prepared, { range: rangeOf(REFS, 'oke1982'), placeholder: 'oke1982' });
  await assert.rejects(server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: refsUri }, position: positionIn(REFS, 'energetic') }), (error: ResponseError) => {
    assert.equal(error.message, 'Only the key of an entry can be renamed.');
    return true;
  });
});

test('renaming from the .bib edits the entry, the open chapter at its version and the unopened chapter at version null', async () => {
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: refsUri }, position: positionIn(REFS, 'oke1982', 2), newName: 'oke1982heat' })) as WorkspaceEdit;
  const changes = edit.documentChanges as TextDocumentEdit[];
  const byUri = Object.fromEntries(changes.map((c) => [c.textDocument.uri, c]));
  assert.deepEqual(Object.keys(byUri).sort(), [refsUri, openUri, unopenedUri].sort(), 'the unrelated chapter is not edited');
  assert.deepEqual(byUri[refsUri], { textDocument: { uri: refsUri, version: 5 }, edits: [{ range: rangeOf(REFS, 'oke1982'), newText: 'oke1982heat' }] });
  assert.deepEqual(byUri[openUri], { textDocument: { uri: openUri, version: 3 }, edits: [{ range: rangeOf(OPEN_CHAPTER, 'oke1982'), newText: 'oke1982heat' }] });
  assert.deepEqual(byUri[unopenedUri], {
    textDocument: { uri: unopenedUri, version: null },
    edits: [0, 1].map((occurrence) => ({ range: rangeOf(UNOPENED_CHAPTER, 'oke1982', occurrence), newText: 'oke1982heat' })),
  });
});

test('renaming from a citation reaches the unopened chapter too', async () => {
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: openUri }, position: positionIn(OPEN_CHAPTER, 'oke1982', 2), newName: 'oke82' })) as WorkspaceEdit;
  const changes = edit.documentChanges as TextDocumentEdit[];
  assert.deepEqual(changes.map((c) => [c.textDocument.uri, c.textDocument.version, c.edits.length]), [
    [refsUri, 5, 1],
    [openUri, 3, 1],
    [unopenedUri, null, 2],
  ]);
});

test('closing and opening the .bib file in the editor leaves the problems published in it', async () => {
  await server.diagnostics(refsUri, (ds) => ds.length > 0);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: refsUri } });
  // Opened as plain text this time, as an editor without a BibTeX mode opens it: it is still no document that cites.
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: refsUri, languageId: 'plaintext', version: 5, text: REFS } });
  // A request answered after both notifications, and a moment for anything they scheduled at once, well before the
  // bibliography problems would be published again.
  await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: refsUri }, position: positionIn(REFS, 'oke1982', 2) });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const problems = await server.diagnostics(refsUri, (ds) => ds.length > 0, 0);
  assert.ok(problems.some((d) => d.source === 'citewise' && d.range.start.line === 12), JSON.stringify(problems));
});

test('a .bib file (open as plain text) with unsaved changes in the editor is refused, since the key is renamed as the file on disk writes it', async () => {
  const edited = REFS.replace('@article{oke1982,', '@article{oke1982,\n  note = {typed, not saved},');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: refsUri, version: 6 }, contentChanges: [{ text: edited }] });
  await assert.rejects(server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: refsUri }, position: positionIn(edited, 'oke1982', 2) }), (error: ResponseError) => {
    assert.match(error.message, /^Save the bibliography file first/);
    return true;
  });
});
