import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collapseWhitespace, isWhitespace } from '../../server/src/core/text/whitespace';

const spaces = [' ', '  ', '\t', '\n', '\r\n', '\f', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u2028'];

test('collapsing white space leaves one space between words and none at the ends', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'Bc', '.', 'é', '😀', ...spaces), { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(collapseWhitespace(text), text.replace(/\s+/gu, ' ').trim(), JSON.stringify(text));
    }),
    { numRuns: 2000, seed: 3 },
  );
  assert.equal(collapseWhitespace('  Smith,\tJ.\n\n(2019). '), 'Smith, J. (2019).');
});

test('a text that is already collapsed comes back as it is', () => {
  const text = 'Smith, J. (2019). A title.';
  assert.equal(collapseWhitespace(text), text);
});

test('white space is told the way patterns tell it', () => {
  for (let code = 0; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    assert.equal(isWhitespace(ch), /^\s$/u.test(ch), `U+${code.toString(16)}`);
  }
});
