import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DATE_SOURCE, parseWorkDate } from '../../server/src/core/syntax/dates';

/** Every match of a pattern in a text, with its position and groups. */
function allMatches(pattern: RegExp, text: string): unknown[] {
  const matches: unknown[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) matches.push([match.index, ...match]);
  return matches;
}

const datePieces = [
  '1970', '2019', '1300', '2100', '(', ')', ' ', ',', '.', '/', '-', 'a', 'B', 'n', 'N', 'd', 'D', 'x', 'é',
  'ſ', '\u212a', '\u0345', 'in', 'IN', ' press', ' PRESS', ' preſs', 'forthcoming', 'FORTHCOMING', 'May', 'MAY',
  'Sept.', 'SEPT.', 'auguſt', 'Winter', 'n.d.', 'N. D.',
];

test('the date pattern reads the same with and without the case-insensitive flag', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...datePieces), { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(allMatches(new RegExp(DATE_SOURCE, 'gu'), text), allMatches(new RegExp(DATE_SOURCE, 'giu'), text), text);
    }),
    { numRuns: 2000, seed: 5 },
  );
});

test('dates are read in any letter case', () => {
  assert.deepEqual(parseWorkDate('2004, MARCH 17'), { text: '2004, MARCH 17', year: 2004, month: 'March', day: 17 });
  assert.deepEqual(parseWorkDate('2010, AUGUST'), { text: '2010, AUGUST', year: 2010, month: 'August' });
  assert.deepEqual(parseWorkDate('2019B'), { text: '2019B', year: 2019, suffix: 'b' });
  assert.deepEqual(parseWorkDate('N.D.-C'), { text: 'N.D.-C', noDate: true, suffix: 'c' });
  assert.deepEqual(parseWorkDate('IN PRESS'), { text: 'IN PRESS', inPress: true });
  assert.deepEqual(parseWorkDate('Forthcoming'), { text: 'Forthcoming', inPress: true });
  assert.equal(parseWorkDate('2019x1'), undefined);
  assert.equal(parseWorkDate('1300'), undefined);
});
