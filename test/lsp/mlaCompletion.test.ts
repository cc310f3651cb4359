// MLA completion over stdio: an editor that takes snippets gets "Author ${1:page}" as a snippet, one that does not gets
// the author alone as plain text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { startServer } from '../support/lspClient';

const URI = 'file:///essay/mla.md';
const TEXT = 'Memory is social (Halb\n\n## Works Cited\n\nHalbwachs, Maurice. *On Collective Memory*. University of Chicago Press, 1992.\n';
const CURSOR = { line: 0, character: 'Memory is social (Halb'.length };

async function completionWith(snippetSupport: boolean): Promise<{ newText: string; format: InsertTextFormat | undefined }> {
  const capabilities = { textDocument: { completion: { completionItem: { snippetSupport } } } };
  const server = await startServer({ settings: { citationStyle: 'mla9' } }, { capabilities });
  try {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: TEXT } });
    const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: CURSOR })) as CompletionList;
    const item = list.items.find((i) => i.label === 'Halbwachs');
    assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));
    return { newText: (item.textEdit as TextEdit).newText, format: item.insertTextFormat };
  } finally {
    await server.stop();
  }
}

test('MLA completion in parentheses is a snippet with a page placeholder when the editor takes snippets', async () => {
  assert.deepEqual(await completionWith(true), { newText: 'Halbwachs ${1:page}', format: InsertTextFormat.Snippet });
});

test('MLA completion is the author alone, as plain text, when the editor takes no snippets', async () => {
  assert.deepEqual(await completionWith(false), { newText: 'Halbwachs', format: InsertTextFormat.PlainText });
});
