// Completion rows over stdio: an editor that shows label details (LSP 3.17) gets each key's author, year and title in
// every row of the list; one that does not gets them in the item's detail alone, as before.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { repositoryRoot, startServer } from '../support/lspClient';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-labels-'));
cpSync(path.join(repositoryRoot, 'test', 'fixtures', 'pandoc'), folder, { recursive: true });
const file = path.join(folder, 'paper.md');
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).toString();

async function okeItem(labelDetailsSupport: boolean): Promise<CompletionItem> {
  const capabilities = { textDocument: { completion: { completionItem: { labelDetailsSupport } } } };
  const server = await startServer(undefined, { capabilities });
  try {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.diagnostics(uri);
    const before = text.slice(0, text.indexOf('@oke1982') + 1);
    const position = { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
    const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
    const item = list.items.find((i) => i.label === 'oke1982');
    assert.ok(item, list.items.map((i) => i.label).join(' '));
    return item;
  } finally {
    await server.stop();
  }
}

test('a key item shows its author and year after the key and its title at the right when the editor can', async () => {
  const item = await okeItem(true);
  assert.deepEqual(item.labelDetails, { detail: ' Oke (1982)', description: 'The energetic basis of the urban heat island' });
  assert.equal(item.detail, 'Oke (1982) The energetic basis of the urban heat island');
});

test('an editor without label details gets the same words in the detail only', async () => {
  const item = await okeItem(false);
  assert.equal(item.labelDetails, undefined);
  assert.equal(item.detail, 'Oke (1982) The energetic basis of the urban heat island');
});
