// The edit distance that near-miss suggestions rest on ("Slovik" for "Slovic", a key one letter off): exact whenever it
// is within the limit asked for, and one more than the limit otherwise.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance } from '../../server/src/core/text/normalize';

/** The whole Levenshtein table, as the textbook writes it. */
function fullDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length];
}

test('names a letter or two apart are within the limit; others are one past it', () => {
  assert.equal(editDistance('slovik', 'slovic', 1), 1);
  assert.equal(editDistance('vercelloti', 'vercellotti', 2), 1);
  assert.equal(editDistance('muller', 'mueller', 1), 1);
  assert.equal(editDistance('smith', 'jones', 2), 3);
  assert.equal(editDistance('oke', 'oke', 0), 0);
});

test('the distance equals the full table within the limit, and is one past the limit beyond it', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é'), maxLength: 90 });
  fc.assert(
    fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
      const full = fullDistance(a, b);
      assert.equal(editDistance(a, b, limit), full <= limit ? full : limit + 1);
    }),
    { numRuns: 3000 },
  );
});
