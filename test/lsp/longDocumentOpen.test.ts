// Opening a long document over stdio: its citation problems are published first and its style findings just after,
// in a second list that holds both; a short document gets everything in its first list.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer } from '../support/lspClient';

const REFERENCES = '## References\n\nOke, T. R., & Smith, J. (2019). Urban heat. *Climate*, 1, 1–2.\n\nQerimi, A. (2023). Memory. *Journal*, 2, 3–4.\n';
/** A citation without an entry (missing-entry) and one that joins two authors with "and" in parentheses (apa-ampersand). */
const CITING = 'Cities warm (Nobody, 2001). Trees cool them (Oke and Smith, 2019). Memory fades (Qerimi, 2023).\n\n';
const FILLER = 'Street trees shade the pavement and cool the air around them in the long afternoons of summer.\n\n';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

async function openAndCollect(text: string): Promise<Diagnostic[][]> {
  const server = await startServer();
  const uri = 'file:///thesis/long.md';
  try {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.diagnostics(uri, (ds) => ds.some((d) => d.code === 'apa-ampersand'), 30_000);
    return server.published(uri);
  } finally {
    await server.stop();
  }
}

test('a long document shows its citation problems first, then the same with its style findings', async () => {
  const text = `# Thesis\n\n${CITING}${FILLER.repeat(2500)}${REFERENCES}`;
  assert.ok(text.length > 200_000);
  const [first, second] = await openAndCollect(text);
  assert.deepEqual(codes(first), ['missing-entry']);
  assert.deepEqual(codes(second), ['apa-ampersand', 'missing-entry']);
});

test('a short document shows its citation problems and style findings together', async () => {
  const [first] = await openAndCollect(`# Essay\n\n${CITING}${REFERENCES}`);
  assert.deepEqual(codes(first), ['apa-ampersand', 'missing-entry']);
});
