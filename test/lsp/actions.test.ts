// Quick fixes, refactors, source actions and the formatted-entry request, driven over stdio as an editor drives them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { repositoryRoot, startServer, type TestServer } from '../support/lspClient';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-actions-'));
cpSync(path.join(repositoryRoot, 'test', 'fixtures', 'pandoc'), path.join(folder, 'pandoc'), { recursive: true });

const paperFile = path.join(folder, 'pandoc', 'paper.md');
const paper = { uri: pathToFileURL(paperFile).toString(), text: readFileSync(paperFile, 'utf8') };

const essay = {
  uri: pathToFileURL(path.join(folder, 'essay.md')).toString(),
  text: [
    'Beta came first (Smith, 2019), as Qerimi (2023, p. 4) and Nobody (2001) said.',
    '',
    '## References',
    '',
    'Qerimi, A. (2023). One author. *Journal*, 4, 10–19.',
    '',
    'Smith, J. (2019). The beta study. *Journal*, 3, 1–9.',
    '',
    'Smith, J. (2019). An alpha study. *Journal*, 4, 10–19.',
    '',
  ].join('\n'),
};

function positionOf(doc: { uri: string; text: string }, needle: string): Position {
  const offset = doc.text.indexOf(needle);
  assert.ok(offset >= 0, `the document contains ${needle}`);
  return TextDocument.create(doc.uri, 'markdown', 1, doc.text).positionAt(offset);
}

async function codeActions(doc: { uri: string; text: string }, needle: string, only?: string[], diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
  const at = positionOf(doc, needle);
  return (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: doc.uri },
    range: { start: at, end: at },
    context: { diagnostics, only },
  })) as CodeAction[];
}

/** The document's text after the action's versioned edit, which must be for version 1 of the document. */
function applied(doc: { uri: string; text: string }, action: CodeAction): string {
  const [change] = action.edit!.documentChanges as TextDocumentEdit[];
  assert.deepEqual(change.textDocument, { uri: doc.uri, version: 1 });
  return TextDocument.applyEdits(TextDocument.create(doc.uri, 'markdown', 1, doc.text), change.edits as TextEdit[]);
}

let server: TestServer;

before(async () => {
  server = await startServer();
  for (const doc of [paper, essay]) {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'markdown', version: 1, text: doc.text } });
  }
});

after(async () => {
  await server.stop();
});

test('every diagnostic links to its section of the README', async () => {
  const diagnostics = await server.diagnostics(essay.uri, (ds) => ds.some((d) => d.code === 'missing-entry'));
  const missing = diagnostics.find((d) => d.code === 'missing-entry')!;
  assert.match(missing.codeDescription?.href ?? '', /README\.md#missing-entry$/);
  assert.ok(diagnostics.every((d) => d.codeDescription?.href.includes('README.md#')), JSON.stringify(diagnostics));
});

test('the suffix fix on an entry adds "a" and "b" to both entries in title order', async () => {
  const diagnostics = await server.diagnostics(essay.uri);
  const actions = await codeActions(essay, 'Smith, J. (2019). The beta', ['quickfix'], diagnostics);
  const fix = actions.find((a) => a.title.startsWith('Add a/b suffixes'));
  assert.ok(fix, actions.map((a) => a.title).join(' | '));
  assert.ok(fix.diagnostics?.some((d) => d.code === 'ambiguous-entry'));
  assert.equal(applied(essay, fix), essay.text.replace('(2019). The beta', '(2019b). The beta').replace('(2019). An alpha', '(2019a). An alpha'));
});

test('a narrative citation is rewritten as parenthetical, keeping its locator', async () => {
  const actions = await codeActions(essay, 'Qerimi (2023', ['refactor.rewrite']);
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Write as a parenthetical citation: (Qerimi, 2023, p. 4)', 'refactor.rewrite']]);
  assert.equal(applied(essay, actions[0]), essay.text.replace('Qerimi (2023, p. 4)', '(Qerimi, 2023, p. 4)'));
});

test('the pandoc paper gets a reference list of the works it cites, in APA order', async () => {
  const actions = await codeActions(paper, 'Introduction', ['source.generateReferences']);
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Insert a reference list of the cited works', 'source.generateReferences']]);
  const after = applied(paper, actions[0]);
  assert.ok(after.startsWith(paper.text));
  const added = after.slice(paper.text.length);
  assert.match(added, /^\n## References\n\nBowler, D\. E\./);
  const order = ['Bowler', 'Oke', 'Santamouris', 'Ziter'].map((name) => added.indexOf(`\n\n${name}, `));
  assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), added);
});

test('the formatted entry under the cursor comes as Markdown and as plain text', async () => {
  const found = (await server.connection.sendRequest('citewise/formattedEntry', { uri: paper.uri, position: positionOf(paper, 'oke1982') })) as { text: string; markdown: string };
  assert.match(found.markdown, /^Oke, T\. R\. \(1982\)\. The energetic basis of the urban heat island\. \*Quarterly Journal/);
  assert.match(found.text, /^Oke, T\. R\. \(1982\)\. The energetic basis of the urban heat island\. Quarterly Journal of the Royal Meteorological Society, 108\(455\), 1–24\./);
  const nothing = await server.connection.sendRequest('citewise/formattedEntry', { uri: paper.uri, position: positionOf(paper, 'Introduction') });
  assert.equal(nothing, null);
});
