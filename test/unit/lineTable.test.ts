// Offsets and LSP positions: the server's line table gives exactly what a TextDocument gives, for every offset and
// position of texts with "\n", "\r\n" and lone "\r" line breaks, including offsets inside a line break and positions
// past a line's end or the last line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineTable } from '../../server/src/lineTable';

const textWithBreaks = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', '😀'), maxLength: 60 });

test('every offset gives the position a TextDocument gives', () => {
  fc.assert(
    fc.property(textWithBreaks, (text) => {
      const document = TextDocument.create('file:///t.md', 'markdown', 1, text);
      const table = new LineTable(text);
      assert.equal(table.lineCount, document.lineCount);
      for (let offset = -2; offset <= text.length + 2; offset++) assert.deepEqual(table.positionAt(offset), document.positionAt(offset), `offset ${offset}`);
    }),
    { numRuns: 2000 },
  );
});

test('every position gives the offset a TextDocument gives', () => {
  fc.assert(
    fc.property(textWithBreaks, (text) => {
      const document = TextDocument.create('file:///t.md', 'markdown', 1, text);
      const table = new LineTable(text);
      for (let line = -1; line <= document.lineCount + 1; line++) {
        for (let character = -1; character <= 8; character++) assert.equal(table.offsetAt({ line, character }), document.offsetAt({ line, character }), `${line}:${character}`);
      }
    }),
    { numRuns: 2000 },
  );
});

test('a CRLF document: the second line starts after the pair, and an offset between "\\r" and "\\n" ends the first', () => {
  const table = new LineTable('ab\r\ncd');
  assert.deepEqual(table.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(table.positionAt(3), { line: 0, character: 2 });
  assert.equal(table.offsetAt({ line: 1, character: 1 }), 5);
});
