// The server keeps documents with incremental sync: the editor sends range edits, not the whole text. After a seeded
// sequence of random edits (citation fragments inserted, stretches deleted, across line breaks and CRLF), the
// diagnostics the server publishes for the last version must equal what the core computes from the final text.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { repositoryRoot, startServer, type TestServer } from '../support/lspClient';
import { trackDiagnostics, type VersionedDiagnostics } from '../support/versionedDiagnostics';

const SEED = 4242;
const EDITS = 30;
const LSP_SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** What a person types and deletes around citations, line breaks of both kinds included. */
const TYPED = ['(', ')', '[', ']', ';', ', ', ' ', '\n', '\n\n', '\r\n', '\r\n\r\n', ' (Smith, 2019)', '(Oke, 1982, p. 4; ', 'Smith and Jones (2019)', ' et al.', '2019a', 'n.d.', '[@oke1982]', '@key', '& ', '"', '# References\n', '- ', 'Smith, J. (2019). Title. *Journal*.\n'];

const editSequence = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    deleted: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
    inserted: fc.oneof(fc.constant(''), fc.constantFrom(...TYPED)),
    /** Sent in the same notification as the edit before it. */
    batched: fc.boolean(),
  }),
  { minLength: EDITS, maxLength: EDITS },
);

/** An offset between "\r" and "\n" names no position in LSP; the edit starts before the "\r" instead. */
function outsideLineBreak(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

function expectedDiagnostics(document: TextDocument) {
  const analysis = analyse(document.getText(), document.languageId, document.version);
  return diagnose(analysis, defaultDiagnosticSettings).map((d) => ({
    range: { start: document.positionAt(d.span.start), end: document.positionAt(d.span.end) },
    severity: LSP_SEVERITY[d.severity],
    code: d.code,
    message: d.message,
  }));
}

function comparable(diagnostics: Diagnostic[]) {
  return diagnostics.map(({ range, severity, code, message }) => ({ range, severity, code, message }));
}

let server: TestServer;
let published: VersionedDiagnostics;

before(async () => {
  server = await startServer();
  published = trackDiagnostics(server);
});

after(async () => {
  await server.stop();
});

async function checkIncrementalEdits(name: string, text: string, seed: number): Promise<void> {
  const uri = `file:///incremental/${name}`;
  let replica = TextDocument.create(uri, 'markdown', 1, text);
  let expectedText = text;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const [edits] = fc.sample(editSequence, { seed, numRuns: 1 });
  let batch: TextDocumentContentChangeEvent[] = [];
  const send = async () => {
    if (batch.length === 0) return;
    const version = replica.version + 1;
    replica = TextDocument.update(replica, batch, version);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: batch });
    batch = [];
    assert.equal(replica.getText(), expectedText, 'the ranges sent mean the edits intended');
  };
  for (const edit of edits) {
    if (!edit.batched) await send();
    // Ranges in one notification apply one after another, so each is computed on the text the previous ones left.
    const current = TextDocument.create(uri, 'markdown', 0, expectedText);
    const start = outsideLineBreak(expectedText, Math.floor(edit.at * expectedText.length));
    const end = Math.max(start, outsideLineBreak(expectedText, Math.min(expectedText.length, start + edit.deleted)));
    batch.push({ range: { start: current.positionAt(start), end: current.positionAt(end) }, text: edit.inserted });
    expectedText = expectedText.slice(0, start) + edit.inserted + expectedText.slice(end);
  }
  await send();
  const diagnostics = await published.at(uri, replica.version);
  assert.deepEqual(comparable(diagnostics), expectedDiagnostics(replica));
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

test('after random range edits of the seed essay, the server publishes what the core computes from the final text', async () => {
  const seedEssay = readFileSync(path.join(repositoryRoot, 'test', 'fixtures', 'seed-essay.md'), 'utf8');
  for (const seed of [SEED, SEED + 1, SEED + 2]) await checkIncrementalEdits(`seed-essay-${seed}.md`, seedEssay, seed);
});

test('the same holds for real essays from the corpus, one of them with CRLF line breaks', async (t) => {
  const corpus = path.resolve(repositoryRoot, '..', 'shared', 'corpus');
  const essays = ['binf6110-salmonella-assembly.md', 'falconua-can-computers-think.md'].filter((name) => existsSync(path.join(corpus, name)));
  if (essays.length === 0) return t.skip('the corpus is not next to the repository');
  for (const [index, name] of essays.entries()) {
    const text = readFileSync(path.join(corpus, name), 'utf8');
    await checkIncrementalEdits(name, index === 0 ? text.replace(/\r?\n/g, '\r\n') : text, SEED + 10 + index);
  }
});
