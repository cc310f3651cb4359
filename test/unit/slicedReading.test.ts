// Reading a bibliography file a slice at a time: the entries read so far are usable at every slice, and the finished
// reading gives exactly what reading the whole file at once gives, also where a slice boundary cuts through what an
// entry needs (a @string defined later, a crossref parent in a later slice, a key repeated across slices).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BibtexReading } from '../../server/src/core/index/bibtexReading';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { startReading, type SlicedReading } from '../../server/src/core/index/slicedReading';
import { CslJsonReading, parseCslJson } from '../../server/src/core/syntax/bib/cslJson';
import { CslYamlReading, parseCslYaml } from '../../server/src/core/syntax/bib/cslYaml';
import type { BibliographySource } from '../../server/src/core/index/bibliography';
import { dedent } from '../support/fixture';
import { bibtexText, cslJsonText, syntheticWorks } from '../bench/syntheticBibliography';

const SOURCE = 'file:///library/refs';

/** Entries and problems as plain data, so that two readings compare field by field. */
function plain(source: Pick<BibliographySource, 'entries' | 'problems'>): unknown {
  return JSON.parse(JSON.stringify({ entries: source.entries, problems: source.problems }));
}

function readAtOnce(path: string, text: string): BibliographySource {
  return new BibliographyReader().read([{ source: SOURCE, path, text, version: '1' }])[0];
}

function readInSlices(path: string, text: string, reading: SlicedReading): { source: BibliographySource; slices: number } {
  let slices = 1;
  while (!reading.step()) slices++;
  return { source: new BibliographyReader().read([{ source: SOURCE, path, text, version: '1', reading }])[0], slices };
}

const trickyBibtex = dedent(`
  Exported by hand; write to someone@example.org.
  @string{pub = "Early Press"}
  @inproceedings{child2019,
    author = {M{\\"u}ller, Anna and Berg, Jan van der},
    title = {A paper whose proceedings come later},
    crossref = {proc2019},
    pages = {1--10}
  }
  @article{usesLate, author = {Oke, T. R.}, title = {Late macro}, journal = latejournal, year = 1982}
  @misc{twice, title = {First}, year = 2001}
  %@misc{commented, title = {Not an entry}}
  @misc{unclosed, title = {Never {closed},
    year = 2003
  @book{xchild, title = {Takes its publisher from xdata}, xdata = {pubdata}, year = 2004}
  @misc{Twice, title = {Same key in other case}, year = 2005}
  @proceedings{proc2019, title = {Proceedings of the Late Conference}, year = 2019, publisher = pub}
  @xdata{pubdata, publisher = {Data House}, location = {Oslo}}
  @string{latejournal = {Journal Defined Late}}
  @article{broken, author = {Nobody}, title = {Missing parent}, crossref = {nowhere}, year = 2010}
  @article{last, author = {Last, L.}, title = {Last}, year = 2020, year = 2021}
`);

test('BibTeX read in slices of any size gives the same entries and problems as reading it at once', () => {
  const whole = readAtOnce('refs.bib', trickyBibtex);
  assert.ok(whole.entries.length >= 10, `${whole.entries.length} entries`);
  const codes = whole.problems.map((problem) => problem.code);
  assert.ok(codes.includes('duplicate-key') && codes.includes('bib-unclosed-entry'), codes.join(' '));
  for (const sliceChars of [1, 40, 160, 400, trickyBibtex.length]) {
    const { source, slices } = readInSlices('refs.bib', trickyBibtex, new BibtexReading(trickyBibtex, SOURCE, sliceChars));
    assert.deepEqual(plain(source), plain(whole), `slices of ${sliceChars} characters`);
    if (sliceChars === 1) assert.ok(slices > 10, `${slices} slices`);
  }
  const child = whole.entries.find((entry) => entry.key === 'child2019')!;
  assert.equal(child.container, 'Proceedings of the Late Conference');
  assert.equal(whole.entries.find((entry) => entry.key === 'usesLate')!.container, 'Journal Defined Late');
});

test('BibTeX read in slices equals reading it at once when a parent is named in capitals or through a macro', () => {
  const text = dedent(`
    @string{procmacro = {proc}}
    @INPROCEEDINGS{upper, TITLE = {Upper-case field names}, CROSSREF = {Proc}}
    @inproceedings{viamacro, title = {Parent named by a macro}, crossref = procmacro}
    @misc{plain, title = {Inherits nothing}}
    @proceedings{proc, title = {The Proceedings}, year = 2020}
  `);
  const whole = readAtOnce('refs.bib', text);
  assert.equal(whole.entries.find((entry) => entry.key === 'upper')!.container, 'The Proceedings');
  for (const sliceChars of [1, 40, text.length]) {
    const { source } = readInSlices('refs.bib', text, new BibtexReading(text, SOURCE, sliceChars));
    assert.deepEqual(plain(source), plain(whole), `slices of ${sliceChars} characters`);
  }
});

test('BibTeX read in slices starts each slice after the item the last one passed over, even one that holds "\\n@"', () => {
  // A slice may end at a line starting with "@" inside a @comment, @preamble, @string or an entry without a key; the
  // next slice must not start there.
  const texts = [
    '@comment{\n@ a @misc{k, title={x}} }\n',
    '@preamble{\n@ x @misc{k, title={t}}}\n',
    '@misc{, note = {a\n@ b @article{k, title={t}}}}\n',
    '@string{a = {x\n@ y} junk @misc{k, title={t}} }\n',
    '@string{\n@0',
    '@c{{}\n@0',
  ];
  for (const text of texts) {
    const whole = readAtOnce('refs.bib', text);
    for (const sliceChars of [1, 7]) {
      const { source } = readInSlices('refs.bib', text, new BibtexReading(text, SOURCE, sliceChars));
      assert.deepEqual(plain(source), plain(whole), `${JSON.stringify(text)} in slices of ${sliceChars}`);
    }
  }
});

test('while a BibTeX file is read, the entries read so far are usable, and the reading says how far it is', () => {
  const reading = new BibtexReading(trickyBibtex, SOURCE, 40);
  assert.equal(reading.fraction, 0);
  assert.deepEqual(reading.result().entries, []);
  reading.step();
  reading.step();
  const early = reading.result().entries.map((entry) => entry.key);
  assert.ok(early.includes('child2019') && !early.includes('last'), early.join(' '));
  assert.ok(reading.fraction > 0 && reading.fraction < 1, String(reading.fraction));
  const partial = new BibliographyReader().read([{ source: SOURCE, path: 'refs.bib', text: trickyBibtex, version: '1', reading }])[0];
  assert.equal(partial.loading, true);
  while (!reading.step());
  assert.equal(reading.fraction, 1);
  assert.equal(reading.done, true);
});

test('a generated BibTeX library read in slices equals the library read at once', () => {
  const text = bibtexText(syntheticWorks(400));
  const whole = readAtOnce('library.bib', text);
  const { source, slices } = readInSlices('library.bib', text, new BibtexReading(text, SOURCE, 8 * 1024));
  assert.ok(slices > 20, `${slices} slices`);
  assert.deepEqual(plain(source), plain(whole));
});

test('a BibTeX file read in slices links with the other BibTeX files of the document like one read at once', () => {
  const withMacros = { source: 'file:///library/strings', path: 'strings.bib', text: '@string{latejournal = {Shared Journal}}\n', version: '1' };
  // Without macros, only what inherits is linked again: here across files, both ways.
  const withParents = {
    source: 'file:///library/parents',
    path: 'parents.bib',
    text: '@proceedings{otherproc, title = {Proceedings in Another File}, year = 2018}\n@inproceedings{otherchild, title = {Inherits from refs}, crossref = {proc2019}}\n',
    version: '1',
  };
  const text = `${trickyBibtex}@inproceedings{crossing, author = {Far, A.}, title = {Its parent is in another file}, crossref = {otherproc}}\n`;
  for (const other of [withMacros, withParents]) {
    const at = (reading?: SlicedReading) => new BibliographyReader().read([other, { source: SOURCE, path: 'refs.bib', text, version: '1', reading }]).map(plain);
    const reading = new BibtexReading(text, SOURCE, 40);
    while (!reading.step());
    assert.deepEqual(at(reading), at(), other.path);
  }
  const [parents, refs] = new BibliographyReader().read([withParents, { source: SOURCE, path: 'refs.bib', text, version: '1' }]);
  assert.equal(refs.entries.find((entry) => entry.key === 'crossing')!.container, 'Proceedings in Another File');
  assert.equal(parents.entries.find((entry) => entry.key === 'otherchild')!.container, 'Proceedings of the Late Conference');
});

test('while a BibTeX file is read, the other BibTeX files linked without it count as loading too; then neither does', () => {
  const usesMacro = { source: 'file:///library/uses', path: 'uses.bib', text: '@article{late2021, title = {T}, journal = sharedjournal, year = 2021}\n', version: '1' };
  const text = `@string{sharedjournal = {Shared Journal}}\n${trickyBibtex}`;
  const reading = new BibtexReading(text, SOURCE, 40);
  const read = () => new BibliographyReader().read([usesMacro, { source: SOURCE, path: 'refs.bib', text, version: '1', reading }]);
  reading.step();
  const [uses, refs] = read();
  assert.equal(refs.loading, true);
  // Its macro is not known yet, so its "unknown macro" problem is provisional: the file is held as loading.
  assert.equal(uses.loading, true);
  while (!reading.step());
  const [usesRead, refsRead] = read();
  assert.equal(refsRead.loading, undefined);
  assert.equal(usesRead.loading, undefined);
  assert.deepEqual(usesRead.problems, []);
  assert.equal(usesRead.entries[0].container, 'Shared Journal');
});

const trickyCslJson = dedent(`
  [
    {"id": "first", "type": "book", "title": "First", "author": [{"family": "Oke", "given": "T. R."}], "issued": {"date-parts": [[1982]]}},
    {"id": "broken", "title": "Never closed,
    {"type": "book", "title": "No id", "author": [{"family": "Smith"}], "issued": {"date-parts": [[2019]]}},
    "not an item",
    {"id": "first", "title": "Same id again", "issued": {"date-parts": [[2001]]}},
    {"type": "book", "title": "No id either", "author": [{"family": "Smith"}], "issued": {"date-parts": [[2019]]}},
    {"id": "deep", "note": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["too deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]},
    {"id": "last", "title": "Last", "issued": {"date-parts": [[2020]]}}
  ]
`);

test('CSL-JSON read in slices of any size gives the same entries, keys and problems as reading it at once', () => {
  const whole = parseCslJson(trickyCslJson, SOURCE);
  assert.deepEqual(whole.entries.map((entry) => entry.key), ['first', 'smith2019', 'first', 'smith2019a', 'last']);
  for (const sliceChars of [1, 60, 200, trickyCslJson.length]) {
    const reading = new CslJsonReading(trickyCslJson, SOURCE);
    while (!reading.readSlice(sliceChars));
    assert.deepEqual(plain(reading.result()), plain(whole), `slices of ${sliceChars} characters`);
  }
});

test('while a CSL-JSON file is read, the entries read so far carry their keys, and later slices do not change them', () => {
  const reading = new CslJsonReading(trickyCslJson, SOURCE);
  reading.readSlice(150);
  const early = reading.result();
  assert.deepEqual(early.entries.map((entry) => entry.key), ['first']);
  assert.ok(reading.fraction > 0 && reading.fraction < 1, String(reading.fraction));
  while (!reading.readSlice(100));
  assert.deepEqual(early.entries.map((entry) => [entry.key, entry.problems.length]), [['first', 0]]);
  assert.equal(reading.result().entries.filter((entry) => entry.problems.some((problem) => problem.code === 'duplicate-key')).length, 1);
});

test('a generated CSL-JSON library read in slices equals the library read at once; other formats read in one step', () => {
  const text = cslJsonText(syntheticWorks(300));
  const whole = readAtOnce('library.json', text);
  const { source, slices } = readInSlices('library.json', text, startReading({ source: SOURCE, path: 'library.json', text }));
  assert.ok(slices === 1 || source.entries.length === 300);
  assert.deepEqual(plain(source), plain(whole));
  const yaml = 'references:\n- id: only\n  title: Only\n  issued: {date-parts: [[2001]]}\n';
  const read = readInSlices('refs.yaml', yaml, startReading({ source: SOURCE, path: 'refs.yaml', text: yaml }));
  assert.equal(read.slices, 1);
  assert.deepEqual(plain(read.source), plain(readAtOnce('refs.yaml', yaml)));
});

const trickyCslYaml = dedent(`
  ---
  references:
  - id: first
    title: First
    issued: 1982
  - id: broken
    title: "never closed
  - just text
  - title: No id
    author:
    - family: Smith
    issued: 2019
  - id: first
    title: Same id again
  - id: deep
    note: [[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]
  - title: No id either
    author: [{family: Smith}]
    issued: 2019
  - id: last
  ...
`);

test('CSL-YAML read in slices of any size gives the same entries, keys and problems as reading it at once', () => {
  const whole = parseCslYaml(trickyCslYaml, SOURCE);
  assert.deepEqual(whole.entries.map((entry) => entry.key), ['first', 'broken', 'smith2019', 'first', 'smith2019a', 'last']);
  assert.deepEqual(whole.problems.map((problem) => problem.code), ['yaml-syntax', 'yaml-not-an-item', 'yaml-too-deep']);
  for (const sliceChars of [1, 50, 120, trickyCslYaml.length]) {
    const reading = new CslYamlReading(trickyCslYaml, SOURCE);
    let slices = 1;
    while (!reading.readSlice(sliceChars)) slices++;
    assert.deepEqual(plain(reading.result()), plain(whole), `slices of ${sliceChars} characters`);
    if (sliceChars === 1) assert.equal(slices, 8);
  }
});
