// CSL-YAML text that would make the yaml package slow is refused before it is parsed, and in a list written one "- "
// line per item only the item at fault is refused: the others are read as usual.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCslYaml } from '../../server/src/core/syntax/bib/cslYaml';
import { refusedYaml } from '../../server/src/core/syntax/yamlGuard';
import { readQuartoBibliographies } from '../../server/src/workspace';

const SOURCE = 'file:///refs.yaml';

const item = (id: string, extra = '') => `- id: ${id}\n  title: Title of ${id}\n  issued: {date-parts: [[2019, 3]]}\n${extra}`;

function read(text: string) {
  const result = parseCslYaml(text, SOURCE);
  return { keys: result.entries.map((entry) => entry.key), problems: result.problems.map((problem) => [problem.code, text.slice(problem.span.start, problem.span.end).slice(0, 20)]) };
}

test('an item nesting brackets far deeper than any bibliography is refused alone', () => {
  const deep = `- id: deep\n  note: ${'['.repeat(20)}x${']'.repeat(20)}\n`;
  assert.deepEqual(read(`references:\n${item('before')}${deep}${item('after')}`), {
    keys: ['before', 'after'],
    problems: [['yaml-too-deep', '  note: [[[[[[[[[[[[']],
  });
});

test('a collection in brackets longer than any item is refused alone, and so is an item too long to be one', () => {
  const longFlow = `- id: long\n  keyword: [${'word, '.repeat(7000)}end]\n`;
  const longBlock = `- id: huge\n  abstract: >\n${'    a line of a very long abstract\n'.repeat(2200)}`;
  const result = read(`${item('first')}${longFlow}${item('middle')}${longBlock}${item('last')}`);
  assert.deepEqual(result.keys, ['first', 'middle', 'last']);
  assert.deepEqual(result.problems, [
    ['yaml-too-large', '[word, word, word, w'],
    ['yaml-too-large', '- id: huge'],
  ]);
});

test('a broken item costs only itself: the items after it are read', () => {
  const result = read(`references:\n${item('good')}- id: bad\n  title: "never closed\n${item('later')}`);
  assert.deepEqual(result.keys, ['good', 'bad', 'later']);
  assert.deepEqual(result.problems.map(([code]) => code), ['yaml-syntax']);
});

test('brackets in quoted strings and inside plain text are not collections', () => {
  const text = `- id: a\n  title: "${'[['.repeat(40)}"\n  note: Vol. ${'['.repeat(40)}3\n- id: b\n`;
  assert.equal(refusedYaml(text), undefined);
  assert.deepEqual(read(text), { keys: ['a', 'b'], problems: [] });
});

test('a file that is not a list of items is checked as a whole', () => {
  const deep = `title: x\nnote: ${'{a: '.repeat(20)}1${'}'.repeat(20)}\n`;
  assert.deepEqual(read(deep).problems.map(([code]) => code), ['yaml-too-deep']);
  // Anchors tie items together, so such a list is read as a whole, and refused as a whole.
  const anchored = `references:\n- &one\n  id: a\n- id: b\n  note: ${'['.repeat(20)}${']'.repeat(20)}\n`;
  assert.deepEqual(read(anchored), { keys: [], problems: [['yaml-too-deep', '  note: [[[[[[[[[[[[']] });
});

test('a Quarto project file that would make the yaml package slow names no bibliography', () => {
  assert.deepEqual(readQuartoBibliographies('bibliography: refs.bib\n'), ['refs.bib']);
  assert.deepEqual(readQuartoBibliographies(`bibliography: refs.bib\nformat: ${'['.repeat(30)}\n`), []);
});
