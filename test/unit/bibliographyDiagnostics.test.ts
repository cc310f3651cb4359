// Problems shown inside bibliography files: reading problems, and keys defined in two files that one document uses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeBibliography } from '../../server/src/core/index/bibliography';
import { bibliographyDiagnostics, duplicateKeysAcrossFiles, entryProblemsRead, readEntryProblems } from '../../server/src/core/features/bibliographyDiagnostics';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { defaultDiagnosticSettings, type ReferenceEntry } from '../../server/src/core/types';

function entry(source: string, key: string, start: number): ReferenceEntry {
  return { id: `${source}#${key}`, source, key, keySpan: { start, end: start + key.length }, span: { start: start - 9, end: start + 60 }, text: '', authors: [], problems: [] };
}

test('a key defined in two files that a document sees is marked in both, each pointing at the other', () => {
  const bibliography = mergeBibliography([
    { source: 'file:///a.bib', version: '1', entries: [entry('file:///a.bib', 'oke1982', 9), entry('file:///a.bib', 'only', 90)], problems: [] },
    { source: 'file:///b.bib', version: '1', entries: [entry('file:///b.bib', 'oke1982', 30)], problems: [] },
  ]);
  const bySource = duplicateKeysAcrossFiles([bibliography, bibliography], defaultDiagnosticSettings);
  const [inA] = bySource.get('file:///a.bib')!;
  assert.equal(inA.message, 'The key "oke1982" is also defined in another file that the same documents use.');
  assert.deepEqual(inA.span, { start: 9, end: 16 });
  assert.deepEqual(inA.related, [{ source: 'file:///b.bib', span: { start: 30, end: 37 }, message: '"oke1982" is defined here too' }]);
  assert.equal(bySource.get('file:///b.bib')!.length, 1, 'reported once although two documents see the same files');
  assert.equal(duplicateKeysAcrossFiles([bibliography], { ...defaultDiagnosticSettings, duplicateKey: 'off' }).size, 0);
});

test('reading problems of a file become bibliography-syntax diagnostics; its own duplicate keys keep their code', () => {
  const source = {
    source: 'file:///a.bib',
    version: '1',
    entries: [{ ...entry('file:///a.bib', 'x', 9), problems: [{ span: { start: 9, end: 10 }, code: 'duplicate-key', message: 'Defined twice.' }] }],
    problems: [{ span: { start: 0, end: 5 }, code: 'bib-unclosed-entry', message: 'Not closed.' }],
  };
  assert.deepEqual(bibliographyDiagnostics(source, defaultDiagnosticSettings).map((d) => [d.code, d.severity]), [
    ['bibliography-syntax', 'error'],
    ['duplicate-key', 'warning'],
  ]);
});

test('the entries\' problems of a large file can be read a slice at a time, and then give the same diagnostics', () => {
  const entries = Array.from({ length: 500 }, (_, i) => `@article{k${i}, title = {T${i}}, journal = ${i % 50 === 0 ? 'undefinedmacro' : '{J}'}, year = 2000}`);
  const text = entries.join('\n');
  const read = () => new BibliographyReader().read([{ source: 'file:///big.bib', path: 'big.bib', text, version: '1' }])[0];
  const sliced = read();
  let looks = 0;
  let slices = 1;
  assert.equal(entryProblemsRead(sliced), false);
  while (!readEntryProblems(sliced, () => ++looks % 2 === 0)) slices++;
  assert.ok(slices > 1, 'it stopped when asked');
  assert.equal(entryProblemsRead(sliced), true);
  const diagnostics = bibliographyDiagnostics(sliced, defaultDiagnosticSettings);
  assert.equal(diagnostics.length, 10);
  assert.deepEqual(diagnostics, bibliographyDiagnostics(read(), defaultDiagnosticSettings));
});
