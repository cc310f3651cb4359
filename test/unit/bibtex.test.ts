import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as path from 'node:path';
import { copyEntry, linkBibtex, scanBibtex, type BibtexScan } from '../../server/src/core/syntax/bib/bibtex';
import type { ReferenceEntry } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';
import { repositoryRoot } from '../support/lspClient';
import { entryStarts, plainScan, scanInSlices, scanProblems } from '../support/bibtexScans';

/** Links one file and returns its entries by key. */
function link(text: string, ...earlier: { source: string; text: string }[]): Map<string, ReferenceEntry> {
  const scans = [...earlier, { source: 'main.bib', text }].map((file) => ({ source: file.source, scan: scanBibtex(file.text) }));
  const linked = linkBibtex(scans).get('main.bib')!;
  return new Map(linked.entries.map((entry) => [entry.key!, entry]));
}

function only(text: string): ReferenceEntry {
  const entries = [...link(text).values()];
  assert.equal(entries.length, 1);
  return entries[0];
}

function codes(scan: BibtexScan): string[] {
  return scanProblems(scan).map((problem) => problem.code);
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

// Scanning

test('scan: entry, key and field ranges', () => {
  const fixture = parseFixture(dedent(`
    @Article{qerimi2023,
             ^^^^^^^^^^
      Author = {Qerimi, Qerim},
      ^^^^^^^^^^^^^^^^^^^^^^^^
      year = 2023
    }
  `));
  const scan = scanBibtex(fixture.text);
  assert.deepEqual(scanProblems(scan), []);
  const [entry] = scan.entries;
  assert.equal(entry.type, 'article');
  assert.equal(entry.key, 'qerimi2023');
  assert.deepEqual(entry.keySpan, fixture.ranges[0]);
  assert.deepEqual(entry.span, { start: 0, end: fixture.text.length });
  assert.equal(entry.fields[0].name, 'author');
  assert.equal(entry.fields[0].raw, '{Qerimi, Qerim}');
  assert.deepEqual(entry.fields[0].span, fixture.ranges[1]);
  assert.equal(slice(fixture.text, entry.fields[0].valueSpan), '{Qerimi, Qerim}');
  assert.equal(entry.fields[1].raw, '2023');
});

test('scan: comments, @comment, brace-less @Comment lines, @preamble and commented-out entries are skipped', () => {
  const scan = scanBibtex(dedent(`
    % A comment line with an address: someone@example.org
    @comment{ @article{inside, title = {no}} }
    @Comment I'm not sure about this one.
    @preamble{ "\\newcommand{\\noop}[1]{}" }
    %@ARTICLE{commented, title = {no}}
    @article{kept, title = {yes}}
  `));
  assert.deepEqual(scan.entries.map((entry) => entry.key), ['kept']);
  assert.deepEqual(scanProblems(scan), []);
});

test('scan: parentheses, bare numbers and macros, trailing commas, unusual keys and custom types', () => {
  const scan = scanBibtex(dedent(`
    @article(paren:2012, year = 2012, journal = jair,)
    @LiveLink{a(b):c/d.e-f, title = "x",}
    @book_section{s, title = {y}}
  `));
  assert.deepEqual(scanProblems(scan), []);
  assert.deepEqual(scan.entries.map((entry) => [entry.type, entry.key]), [
    ['article', 'paren:2012'],
    ['livelink', 'a(b):c/d.e-f'],
    ['book_section', 's'],
  ]);
  assert.deepEqual(scan.entries[0].fields.map((field) => field.raw), ['2012', 'jair']);
});

test('scan: an entry without a key is skipped with a problem at its start', () => {
  const text = '@article{,\n  title = {No key}\n}\n@article{next, title = {x}}';
  const scan = scanBibtex(text);
  assert.deepEqual(scan.entries.map((entry) => entry.key), ['next']);
  assert.deepEqual(codes(scan), ['bib-missing-key']);
  assert.equal(scanProblems(scan)[0].span.start, 0);
});

test('scan: an unclosed entry among 1,000 gets a problem at its own line; every other entry is kept', () => {
  const entries = Array.from({ length: 1000 }, (_, i) =>
    i === 499 ? `@article{e${i},\n  title = {Unclosed {brace},\n  year = 2000\n}` : `@article{e${i},\n  title = {T${i}},\n  year = 2000\n}`);
  const text = entries.join('\n\n');
  const scan = scanBibtex(text);
  assert.equal(scan.entries.length, 1000);
  assert.deepEqual(codes(scan), ['bib-unclosed-entry']);
  const broken = text.indexOf('@article{e499,');
  assert.equal(scanProblems(scan)[0].span.start, broken);
  assert.equal(lineOf(text, scanProblems(scan)[0].span.start), lineOf(text, broken));
  assert.equal(scan.entries[500].key, 'e500');
  assert.equal(scan.entries[500].fields[0].raw, '{T500}');
  // The broken entry ends before the next one starts.
  assert.ok(scan.entries[499].span.end <= text.indexOf('@article{e500,'));
});

test('scan: an entry missing its closing brace ends where the next entry starts', () => {
  const scan = scanBibtex('@article{a,\n  title = {A},\n@article{b,\n  title = {B}\n}');
  assert.deepEqual(scan.entries.map((entry) => entry.key), ['a', 'b']);
  assert.deepEqual(codes(scan), ['bib-unclosed-entry']);
  assert.equal(scan.entries[0].fields[0].raw, '{A}');
});

test('scan: a missing comma between fields is forgiven; a stray "@field" is reported and skipped', () => {
  const scan = scanBibtex('@misc{a,\n  title = {A}\n  year = 2001,\n  @url = {http://x},\n  note = {n}\n}');
  assert.deepEqual(scan.entries[0].fields.map((field) => field.name), ['title', 'year', 'note']);
  assert.deepEqual(codes(scan), ['bib-syntax', 'bib-syntax']);
});

test('link: duplicate keys keep both entries and mark the second', () => {
  const text = '@misc{same, title = {1}}\n@misc{Same, title = {2}}';
  const scan = scanBibtex(text);
  assert.equal(scan.entries.length, 2);
  const linked = linkBibtex([{ source: 'main.bib', scan }]).get('main.bib')!;
  assert.equal(linked.entries.length, 2);
  assert.deepEqual(linked.problems.map((problem) => [problem.code, problem.span]), [['duplicate-key', scan.entries[1].keySpan]]);
  // Keys outside ASCII are compared without regard to case too; keys that only look alike are not duplicates.
  const accented = scanBibtex('@misc{müller2001, title = {1}}\n@misc{MÜLLER2001, title = {2}}\n@misc{muller2001, title = {3}}');
  const accentedProblems = linkBibtex([{ source: 'a.bib', scan: accented }]).get('a.bib')!.problems;
  assert.deepEqual(accentedProblems.map((problem) => problem.span), [accented.entries[1].keySpan]);
});

test('scan: a file scanned in slices cut at entry starts gives the same entries, problems and positions as one scan', () => {
  const text = dedent(`
    Exported by hand; see @notes below.
    @String{pub = "Publisher"}
    @comment{ an aside }
    @article{a, title = {First}, year = 2001}
    @book{b, title = {Second} # pub, publisher = pub}
    @misc{c,
      title = {Unclosed {brace},
      year = 2003
    @misc{A, title = {Same key as the first, in other case}}
    @misc{d, title {no equals sign}, note = undefinedmacro}
    @article{e, title = {Last}, year = 2005, year = 2006}
  `);
  const whole = scanBibtex(text);
  const starts = entryStarts(whole);
  assert.equal(starts.length, 6);
  for (const cuts of [starts, starts.filter((_, i) => i % 2 === 0), starts.slice(3, 4), []]) {
    const sliced = scanInSlices(text, cuts);
    assert.deepEqual(plainScan(sliced), plainScan(whole), `cut at ${cuts.join(', ')}`);
    const link = (scan: BibtexScan) => {
      const file = linkBibtex([{ source: 'main.bib', scan }]).get('main.bib')!;
      return { problems: file.problems, entries: file.entries.map((entry) => [entry.key, entry.span, entry.problems, entry.text]) };
    };
    assert.deepEqual(link(sliced), link(whole));
  }
  assert.deepEqual(codes(whole), ['bib-unclosed-entry', 'bib-syntax']);
  assert.deepEqual(whole.entries.map((entry) => entry.key), ['a', 'b', 'c', 'A', 'd', 'e']);
  // A slice ends with the last entry that starts in it, even when that entry runs past the slice.
  const middle = text.indexOf('title = {First}');
  assert.deepEqual(scanBibtex(text, 0, middle).entries.map((entry) => entry.key), ['a']);
  assert.deepEqual(scanBibtex(text, 0, middle).entries[0].span, whole.entries[0].span);
  assert.deepEqual(scanBibtex(text, middle).entries.map((entry) => entry.key), ['b', 'c', 'A', 'd', 'e']);
});

test('scan: only the slice that starts a file reports a file without entries, and only when the file has none', () => {
  const notes = '# Notes\n\nWrite to me at someone@example.org.\n';
  const text = `${notes}@misc{late, title = {x}}\n`;
  assert.deepEqual(codes(scanBibtex(text, 0, notes.length)), []);
  assert.deepEqual(codes(scanBibtex(notes + notes, 0, notes.length)), ['bib-no-entries']);
  assert.deepEqual(codes(scanBibtex(notes + notes, notes.length)), []);
});

test('scan: a field\'s raw value is found by its lower-case name, the first of repeated fields winning', () => {
  const [entry] = scanBibtex('@misc{k, TITLE = {First}, title = {Second}, Year = 2001, L\u00C4NGE = {12 m}, note = x # {y}}').entries;
  assert.equal(entry.raw('title'), '{First}');
  assert.equal(entry.raw('year'), '2001');
  assert.equal(entry.raw('l\u00e4nge'), '{12 m}');
  assert.equal(entry.raw('note'), 'x # {y}');
  assert.equal(entry.raw('author'), undefined);
  assert.deepEqual(entry.fields.map((field) => [field.name, field.raw]), [
    ['title', '{First}'], ['title', '{Second}'], ['year', '2001'], ['l\u00e4nge', '{12 m}'], ['note', 'x # {y}'],
  ]);
});

test('scan: @string definitions are collected with lower-case names', () => {
  const scan = scanBibtex('@String{JAIR = "Journal of {AI} Research"}\n@string(cup = {Cambridge} # " Press")');
  assert.deepEqual(scan.strings.map((definition) => [definition.name, definition.raw]), [
    ['jair', '"Journal of {AI} Research"'],
    ['cup', '{Cambridge} # " Press"'],
  ]);
});

test('scan: hostile input never throws and keeps every range inside the text', () => {
  const junk = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
  const inputs = [
    '', '@', '@@@@', '@article', '@article{', '@article{key', '@article{key,', '@article{key, title', '@article{key, title =',
    '@article{key, title = {', '@article{key, title = "', '@article{key, title = "a}"}', '{'.repeat(100_000),
    `@article{k, title = ${'{'.repeat(100_000)}}`, '}'.repeat(1000), junk, '\uFFFD@article{\uFFFD, title={\uFFFD}}',
    '@article{a, title = {x} # # # }', '@string{', '@comment{'.repeat(1000),
  ];
  for (const text of inputs) {
    const scan = scanBibtex(text);
    const spans = [...scan.entries.flatMap((entry) => [entry.span, entry.keySpan, ...entry.fields.flatMap((f) => [f.span, f.valueSpan])]), ...scanProblems(scan).map((p) => p.span)];
    for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, JSON.stringify(text.slice(0, 40)));
    linkBibtex([{ source: 's', scan }]);
  }
});

test('scan: an entry reads its fields when first asked, and gets what reading them with the scan gets', () => {
  // Among the fields, outside a value, a quote, a "%" or an "@" could end the entry at another brace than its braces
  // give, so such entries are read with the scan; the others later. Either way the same comes out.
  const text = dedent(`
    @article{plain, title = {A {Nested} title}, author = {M{\\"u}ller, Anna}, year = 2001}
    @article{quoted, title = "A {quoted} title", year = 2002}
    @article{commented,
      % note = {an unclosed {brace,
      title = {Kept}}
    @article{mail, title = {Write to a@b.org}, note = x @ y}
    @article{junk, {title} = x, year = 2003}
    @article(parens, title = {In parentheses})
    @article{unclosed, title = {Never closed
    @article{last, title = {Last}, title = {Again}}
  `);
  const later = scanBibtex(text);
  const now = scanBibtex(text, 0, text.length, { readFieldsNow: true });
  assert.deepEqual(plainScan(later), plainScan(now));
  assert.deepEqual(later.entries.map((entry) => entry.key), ['plain', 'quoted', 'commented', 'mail', 'junk', 'parens', 'unclosed', 'last']);
  assert.deepEqual(later.entries[2].fields.map((field) => [field.name, field.raw]), [['title', '{Kept}']]);
  // The stray "{title}" is skipped with its braces, and the entry goes on to its own closing brace.
  const junk = later.entries[4];
  assert.equal(text.slice(junk.span.start, junk.span.end), '@article{junk, {title} = x, year = 2003}');
  assert.deepEqual(junk.fields.map((field) => field.name), ['year']);
  assert.deepEqual(junk.syntaxProblems.map((problem) => text.slice(problem.span.start, problem.span.end)), ['{']);
  // What is wrong among an entry's fields is among that entry's problems once linked.
  const linked = linkBibtex([{ source: 'main.bib', scan: later }]).get('main.bib')!;
  assert.deepEqual(linked.entries[4].problems.map((problem) => problem.code), ['bib-syntax']);
  assert.deepEqual(linked.problems.map((problem) => problem.code), ['bib-unclosed-entry']);
});

test('scan: reading fields when asked gives what reading them with the scan gives, on random BibTeX-like text', () => {
  const pieces = [
    '@article{', '@misc(', '@string{', '@comment{', '\n@book{b,', 'key', 'k2', ',', ' ', '\n', '  ', ' = ', '=', '{', '}',
    '(', ')', '"', '%', '@', '#', 'title', 'x', '{title}', '\\"', 'a@b.org', '\r\n', '\t', '2001',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(plainScan(scanBibtex(text)), plainScan(scanBibtex(text, 0, text.length, { readFieldsNow: true })));
    }),
    { numRuns: 3000, seed: 20261130 },
  );
});

test('scan: a file that is not BibTeX gives no entries and one problem', () => {
  const scan = scanBibtex('# Notes\n\nWrite to me at someone@example.org.\n');
  assert.equal(scan.entries.length, 0);
  assert.deepEqual(codes(scan), ['bib-no-entries']);
  assert.deepEqual(scanBibtex('').problems, []);
});

test('scan: a large file is read whole (its speed is measured in the benchmark, not here)', () => {
  const entry = (i: number) => `@article{k${i},\n  author = {A, B and C, D},\n  title = {{T} ${i} --- x},\n  year = 2000,\n}\n`;
  const scan = scanBibtex(Array.from({ length: 80_000 }, (_, i) => entry(i)).join('\n'));
  assert.equal(scan.entries.length, 80_000);
  assert.equal(scan.entries[79_999].key, 'k79999');
  assert.deepEqual(scanProblems(scan), []);
});

// Linking: macros, inheritance, names, dates, fields

test('link: an entry is linked when first read, and its copy and JSON have exactly the properties it has values for', () => {
  const text = '@misc{plain, title = {T}, year = 2001}\n@book{full, author = {A, B and others}, editor = {C, D}, title = {U}, publisher = {P}, doi = {10.1/x}, url = {https://x.org}}';
  const linkOnce = () => linkBibtex([{ source: 'a.bib', scan: scanBibtex(text) }]).get('a.bib')!.entries;
  const head = ['id', 'span', 'source', 'key', 'keySpan', 'type', 'text', 'csl', 'authors', 'problems'];
  const [plain, full] = linkOnce();
  assert.equal(plain.title, 'T');
  assert.equal(plain.editors, undefined);
  assert.deepEqual(Object.keys(copyEntry(plain)), [...head, 'date', 'title']);
  assert.deepEqual(full.authors.map((name) => name.family), ['A']);
  assert.deepEqual(Object.keys(copyEntry(full)), [...head, 'authorsElided', 'editors', 'title', 'container', 'doi', 'url']);
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(full))), [...head, 'authorsElided', 'editors', 'title', 'container', 'doi', 'url']);
  // Entries nobody has read yet give the same JSON, copies and own keys as ones already read.
  const [unreadPlain, unreadFull] = linkOnce();
  assert.equal(JSON.stringify(unreadPlain), JSON.stringify(plain));
  assert.equal(JSON.stringify(unreadFull), JSON.stringify(full));
  const [freshPlain, freshFull] = linkOnce();
  assert.deepEqual(copyEntry(freshFull), copyEntry(full));
  assert.deepEqual(copyEntry(freshPlain), copyEntry(plain));
  assert.deepEqual(Object.keys(freshFull), Object.keys(full));
  // A copy is plain data: changing it leaves the entry as it was.
  const changed = { ...copyEntry(full), title: 'Changed' };
  assert.equal(changed.container, 'P');
  assert.equal(full.title, 'U');
});

test('link: a property assigned to an entry is kept, read or not, and shows in its copy', () => {
  const [unread, read] = [0, 1].map(() => linkBibtex([{ source: 'a.bib', scan: scanBibtex('@misc{k, title = {T}, year = 2001}') }]).get('a.bib')!.entries[0]);
  void read.text;
  for (const entry of [unread, read]) {
    entry.title = 'Retitled';
    entry.problems = [];
    assert.equal(entry.title, 'Retitled');
    assert.equal(entry.date?.year, 2001);
    assert.equal(copyEntry(entry).title, 'Retitled');
    assert.deepEqual(entry.problems, []);
  }
});

test('link: @string macros, "#" concatenation, month macros and macros from an earlier file', () => {
  const entry = only('@string{press = "Univ." # { Press}}\n@book{b, publisher = press, journal = jair, year = 2001, month = mar}');
  const withMacros = link('@book{b, journal = jair # " (" # press # ")", year = 2001, month = mar}', {
    source: 'abbrv.bib',
    text: '@string{jair = "Journal of Artificial Intelligence Research"}\n@string{press = "Univ." # { Press}}',
  }).get('b')!;
  assert.equal(withMacros.container, 'Journal of Artificial Intelligence Research (Univ. Press)');
  assert.equal(withMacros.date?.month, 'March');
  assert.equal(entry.csl?.publisher, 'Univ. Press');
  assert.deepEqual(entry.problems.map((p) => p.code), ['bib-unknown-macro']);
  assert.equal(entry.container, 'jair');
});

test('link: crossref across files gives an inproceedings its booktitle, publisher and year', () => {
  const proceedings = '@proceedings{icaps2017,\n  title = {Proceedings of {ICAPS} 2017},\n  publisher = {{AAAI} Press},\n  year = 2017\n}';
  const entries = link('@inproceedings{paper, author = {Smith, Jo}, title = {A Paper}, crossref = {icaps2017}}\n@inproceedings{lost, title = {x}, crossref = {nowhere}}', {
    source: 'crossref.bib',
    text: proceedings,
  });
  const paper = entries.get('paper')!;
  assert.equal(paper.title, 'A Paper');
  assert.equal(paper.container, 'Proceedings of ICAPS 2017');
  assert.equal(paper.date?.year, 2017);
  assert.equal(paper.csl?.publisher, 'AAAI Press');
  assert.equal(paper.csl?.type, 'paper-conference');
  assert.deepEqual(paper.problems, []);
  const lost = entries.get('lost')!;
  assert.deepEqual(lost.problems.map((p) => p.code), ['bib-missing-crossref']);
});

test('link: xdata fields are copied into entries that lack them', () => {
  const entry = link('@xdata{pub, publisher = {Greenwood}, location = {Westport}}\n@book{b, title = {B}, xdata = {pub}, year = 2000}').get('b')!;
  assert.equal(entry.csl?.publisher, 'Greenwood');
  assert.equal(entry.csl?.['publisher-place'], 'Westport');
});

test('link: a crossref cycle ends without an error', () => {
  const entries = link('@book{a, crossref = {b}, title = {A}}\n@book{b, crossref = {a}, year = 2001}');
  assert.equal(entries.get('a')!.date?.year, 2001);
});

test('link: author names by BibTeX rules', () => {
  const entry = only(`@book{n, author = {{\\'O}lafur Fischer and van der Berg, Jan and de Souza, Ana and Ford, Jr., Henry and {World Health Organization} and Lilliestr\\"om, Ann and others}}`);
  assert.deepEqual(entry.authors, [
    { family: 'Fischer', given: 'Ólafur' },
    { family: 'Berg', given: 'Jan', particle: 'van der' },
    { family: 'Souza', given: 'Ana', particle: 'de' },
    { family: 'Ford', given: 'Henry', suffix: 'Jr.' },
    { family: 'World Health Organization', literal: 'World Health Organization' },
    { family: 'Lillieström', given: 'Ann' },
  ]);
  assert.equal(entry.authorsElided, true);
  assert.deepEqual((entry.csl?.author as unknown[])[1], { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' });
  assert.deepEqual((entry.csl?.author as unknown[])[4], { literal: 'World Health Organization' });
});

test('link: given-first names with particles, and editors', () => {
  const entry = only('@collection{c, editor = {Ludwig van Beethoven and Dalla Preda, Mila}, title = {T}}');
  assert.deepEqual(entry.authors, []);
  assert.deepEqual(entry.editors, [{ family: 'Beethoven', given: 'Ludwig', particle: 'van' }, { family: 'Dalla Preda', given: 'Mila' }]);
});

const dateCases: { fields: string; year?: number; month?: string; day?: number; parts?: number[][] }[] = [
  { fields: 'year = 2012', year: 2012, parts: [[2012]] },
  { fields: 'year = {2012}, month = jan', year: 2012, month: 'January', parts: [[2012, 1]] },
  { fields: 'year = "2012", month = {3}', year: 2012, month: 'March', parts: [[2012, 3]] },
  { fields: 'year = 2012, month = {September}', year: 2012, month: 'September', parts: [[2012, 9]] },
  { fields: 'date = {2019-03-17}', year: 2019, month: 'March', day: 17, parts: [[2019, 3, 17]] },
  { fields: 'date = {2019/2020}', year: 2019, parts: [[2019], [2020]] },
  { fields: 'date = {July 6, 2016}', year: 2016, parts: [[2016]] },
];

for (const c of dateCases) {
  test(`link: date from ${c.fields}`, () => {
    const entry = only(`@misc{d, ${c.fields}}`);
    assert.equal(entry.date?.year, c.year);
    assert.equal(entry.date?.month, c.month);
    assert.equal(entry.date?.day, c.day);
    assert.deepEqual(entry.csl?.issued, { 'date-parts': c.parts });
    assert.deepEqual(entry.problems, []);
  });
}

test('link: an unreadable year is a problem at the field', () => {
  const text = '@misc{d, year = {someday}}';
  const entry = only(text);
  assert.equal(entry.date, undefined);
  assert.deepEqual(entry.problems.map((p) => p.code), ['bib-unreadable-field']);
  assert.equal(text.slice(entry.problems[0].span.start, entry.problems[0].span.end), '{someday}');
});

test('link: the summary line and the CSL item of a journal article', () => {
  const text = dedent(`
    @article{qerimi2023,
      author = {Qerimi, Qerim},
      title = {{Controlling} lethal autonomous weapons systems},
      journaltitle = {Computer Law \\& Security Review},
      date = {2023},
      volume = {49}, number = {3}, pages = {105--120},
      doi = {https://doi.org/10.1016/j.clsr.2023.105802},
      url = {https://example.org/paper\\_1},
      location = {Amsterdam}, publisher = {Elsevier}, issn = {0267-3649}, edition = {2}
    }
  `);
  const entry = only(text);
  assert.equal(entry.id, 'main.bib#qerimi2023');
  assert.equal(entry.source, 'main.bib');
  assert.equal(slice(text, entry.keySpan!), 'qerimi2023');
  assert.deepEqual(entry.span, { start: 0, end: text.length });
  assert.equal(entry.text, 'Qerimi, Q. (2023). Controlling lethal autonomous weapons systems. Computer Law & Security Review.');
  assert.equal(entry.doi, '10.1016/j.clsr.2023.105802');
  assert.equal(entry.url, 'https://example.org/paper_1');
  assert.deepEqual(entry.csl, {
    id: 'qerimi2023',
    type: 'article-journal',
    author: [{ family: 'Qerimi', given: 'Qerim' }],
    issued: { 'date-parts': [[2023]] },
    title: 'Controlling lethal autonomous weapons systems',
    'container-title': 'Computer Law & Security Review',
    issue: '3',
    volume: '49',
    page: '105–120',
    publisher: 'Elsevier',
    'publisher-place': 'Amsterdam',
    edition: '2',
    ISSN: '0267-3649',
    DOI: '10.1016/j.clsr.2023.105802',
    URL: 'https://example.org/paper_1',
  });
});

test('link: a DOI is read from a doi.org URL, and the container falls back to the publisher', () => {
  const entry = only('@book{b, title = {B}, publisher = {MIT Press}, url = {https://doi.org/10.7551/mitpress/1}}');
  assert.equal(entry.doi, '10.7551/mitpress/1');
  assert.equal(entry.container, 'MIT Press');
});

const typeCases: [string, string][] = [
  ['article', 'article-journal'], ['inproceedings', 'paper-conference'], ['book', 'book'], ['incollection', 'chapter'],
  ['phdthesis', 'thesis'], ['mastersthesis', 'thesis'], ['techreport', 'report'], ['online', 'webpage'],
  ['misc', 'document'], ['livelink', 'document'],
];

test('link: entry types map to CSL types', () => {
  const text = typeCases.map(([type], i) => `@${type}{k${i}, title = {t}}`).join('\n');
  const entries = link(text);
  typeCases.forEach(([type, cslType], i) => assert.equal(entries.get(`k${i}`)!.csl?.type, cslType, type));
  assert.equal(entries.get('k4')!.csl?.genre, 'PhD thesis');
});

// Real files, when the corpus is present next to the repository

const corpus = path.resolve(repositoryRoot, '..', 'shared', 'corpus');
const corpusFiles = ['aibasel-abbrv.bib', 'aibasel-crossref.bib', 'aibasel-literatur.bib', 'akhirsch-main.bib', 'biblatex-examples.bib',
  'man-qechairquality.bib', 'packages.bib', 'jonjup-multivariate-methods.bib'];
const haveCorpus = corpusFiles.every((file) => existsSync(path.join(corpus, file)));

/** Lines that start like an entry: a rough count to compare with. */
function roughEntryCount(text: string): number {
  return text.split('\n').filter((line) => /^\s*@(?!string|comment|preamble)\w+\s*[{(]/iu.test(line)).length;
}

test('real files: every entry read, keys present, names decoded, crossrefs resolved across files', { skip: !haveCorpus && 'corpus not present' }, () => {
  const texts = new Map(corpusFiles.map((file) => [file, readFileSync(path.join(corpus, file), 'utf8')]));
  const scans = corpusFiles.map((file) => ({ source: file, scan: scanBibtex(texts.get(file)!) }));
  const linked = linkBibtex(scans);
  const counts: Record<string, number> = Object.fromEntries(corpusFiles.map((file) => [file, linked.get(file)!.entries.length]));
  assert.deepEqual(counts, {
    'aibasel-abbrv.bib': 0, 'aibasel-crossref.bib': 393, 'aibasel-literatur.bib': 2286, 'akhirsch-main.bib': 562,
    'biblatex-examples.bib': 92, 'man-qechairquality.bib': 37, 'packages.bib': 18, 'jonjup-multivariate-methods.bib': 126,
  });
  for (const file of corpusFiles) {
    const rough = roughEntryCount(texts.get(file)!);
    const read = linked.get(file)!.entries.length;
    assert.ok(Math.abs(rough - read) <= 2, `${file}: ${read} entries, ${rough} lines that start like one`);
  }
  const all = [...linked.values()].flatMap((file) => file.entries);
  assert.ok(all.every((entry) => entry.key && entry.key.length > 0));
  // No LaTeX is left in names, titles or containers.
  const leftovers = all.filter((entry) =>
    [...entry.authors, ...(entry.editors ?? [])].flatMap((name) => Object.values(name)).concat(entry.title ?? '', entry.container ?? '').some((t) => /[\\{}]/u.test(t)));
  assert.deepEqual(leftovers.map((entry) => entry.id), []);
  // The brace-less "@Comment I'm not sure ..." line of akhirsch-main.bib and its "@url =" fields lose no entry.
  const akhirsch = new Map(linked.get('akhirsch-main.bib')!.entries.map((entry) => [entry.key, entry]));
  assert.deepEqual(akhirsch.get('DallaPredaGLMG14')!.authors[0], { family: 'Dalla Preda', given: 'Mila' });
  assert.equal(akhirsch.get('DallaPredaGLMG14')!.container, 'Software Language Engineering (SLE)');
  const lillie = [...akhirsch.values()].flatMap((entry) => entry.authors).find((name) => name.family.startsWith('Lilliestr'));
  assert.equal(lillie?.family, 'Lillieström');
  // Crossrefs from the literature file into the proceedings file resolve, and their macros come from the abbreviations file.
  const literature = linked.get('aibasel-literatur.bib')!.entries;
  const missing = literature.flatMap((entry) => entry.problems).filter((problem) => problem.code === 'bib-missing-crossref');
  assert.deepEqual(missing, []);
  const crossrefs = literature.filter((entry) => /crossref\s*=/u.test(texts.get('aibasel-literatur.bib')!.slice(entry.span.start, entry.span.end)));
  assert.ok(crossrefs.length > 1000, `${crossrefs.length} entries with crossref`);
  for (const entry of crossrefs) assert.ok(entry.container && entry.date?.year, `${entry.key} inherits a container and a year`);
  const unknownMacros = [...linked.values()].flatMap((file) => [...file.problems, ...file.entries.flatMap((e) => e.problems)]).filter((p) => p.code === 'bib-unknown-macro');
  assert.deepEqual(unknownMacros, []);
  const examples = new Map(linked.get('biblatex-examples.bib')!.entries.map((entry) => [entry.key, entry]));
  assert.equal(examples.get('westfahl:space')!.container, 'Space and Beyond: The Frontier Theme in Science Fiction');
  assert.equal(examples.get('westfahl:space')!.csl?.publisher, 'Greenwood');
});
