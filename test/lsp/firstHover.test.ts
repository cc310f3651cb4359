// The first hover after a document is opened is answered at once, before the citation style engine (a second to
// build) exists: it shows the entry's plain summary, and hovers once the engine is built show the entry in the style.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repositoryRoot, startServer, type TestServer } from '../support/lspClient';
import { hoverText, styledHoverText } from '../support/styledHover';

const folder = mkdtempSync(path.join(tmpdir(), 'citewise-first-hover-'));
cpSync(path.join(repositoryRoot, 'test', 'fixtures', 'pandoc'), path.join(folder, 'pandoc'), { recursive: true });
const file = path.join(folder, 'pandoc', 'paper.md');
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).toString();
const position = TextDocument.create(uri, 'markdown', 1, text).positionAt(text.indexOf('@oke1982') + 2);
const formattedInApa = /^Oke, T\. R\. \(1982\)\. The energetic basis of the urban heat island\. \*Quarterly Journal of the Royal Meteorological Society\*, \*108\*\(455\), 1–24\./;

let server: TestServer | undefined;

after(async () => {
  await server?.stop();
});

test('a hover sent with the opening shows the plain summary; once the style engine is built, hovers show the entry in APA', async () => {
  server = await startServer();
  // Sent together, so that the server has not been quiet long enough to start building the style engine in between.
  void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const first = await hoverText(server, uri, position);
  assert.ok(first, 'the hover has an answer');
  assert.doesNotMatch(first, formattedInApa, 'the first hover does not wait for the style engine');
  assert.match(first, /Oke/);
  assert.match(first, /The energetic basis of the urban heat island/);
  assert.match(first, /`oke1982`/);
  assert.match(first, /\[doi:10\.1002\/qj\.49710845502\]/);

  const later = await styledHoverText(server, uri, position, formattedInApa);
  assert.ok(later, 'the later hover has an answer');
  assert.match(later, formattedInApa, 'a later hover is formatted in the style');
  assert.match(later, /`oke1982`/);
});
