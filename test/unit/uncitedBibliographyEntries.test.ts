// Entries of a shared bibliography file count as cited when any document that uses the file cites them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { mergeBibliography } from '../../server/src/core/index/bibliography';
import { uncitedBibliographyEntries } from '../../server/src/core/features/uncitedBibliographyEntries';
import type { ReferenceEntry } from '../../server/src/core/types';

function entry(key: string, family: string, year: number, start: number): ReferenceEntry {
  return { id: `file:///lib.bib#${key}`, source: 'file:///lib.bib', key, keySpan: { start, end: start + key.length }, span: { start, end: start + 40 }, text: '', authors: [{ family }], date: { text: String(year), year }, problems: [] };
}

const library = mergeBibliography([{ source: 'file:///lib.bib', version: '1', entries: [entry('a', 'Able', 2001, 0), entry('b', 'Baker', 2002, 50), entry('c', 'Cole', 2003, 100)], problems: [] }]);

test('an entry cited by one of two documents is cited; the one neither cites is reported at its key', () => {
  const first = analyse('As shown [@a].', 'markdown', 1, library);
  const second = analyse('Baker (2002) agrees.', 'markdown', 1, library);
  const [[source, diagnostics]] = [...uncitedBibliographyEntries([first, second], 'information')];
  assert.equal(source, 'file:///lib.bib');
  assert.deepEqual(diagnostics.map((d) => [d.span, d.message]), [[{ start: 100, end: 101 }, '"c", Cole (2003), is not cited by any document that uses this file.']]);
});

test('\\nocite{*} cites every entry, and the rule is silent when off', () => {
  const all = analyse('\\nocite{*}', 'latex', 1, library);
  assert.deepEqual([...uncitedBibliographyEntries([all], 'information').values()], [[]]);
  assert.equal(uncitedBibliographyEntries([analyse('Nothing.', 'markdown', 1, library)], 'off').size, 0);
});
