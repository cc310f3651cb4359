import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Problem, ReferenceEntry } from '../../server/src/core/types';
import { parseRis } from '../../server/src/core/syntax/bib/ris';
import { familyWithParticle } from '../../server/src/core/syntax/names';
import { dedent, parseFixture, slice } from '../support/fixture';

const SOURCE = 'file:///refs.ris';
const corpus = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

function codes(problems: Problem[]): string[] {
  return problems.map((p) => p.code);
}

function families(entry: ReferenceEntry | undefined): string[] {
  return (entry?.authors ?? []).map(familyWithParticle);
}

test('RIS: a record with its key, span, names, date, DOI and multi-line abstract', () => {
  const fixture = parseFixture(dedent(`
    Exported by a reference manager; this line is not a record.

    TY  - JOUR
    ^^^^^^^^^^
    ID  - ford:1999:territory
          ^^^^^^^^^^^^^^^^^^^
    T1  - Law’s Territory (A History of Jurisdiction)
    JF  - Michigan Law Review
    M3  - 10.2307/1290376
    A1  - Ford,Richard
    A1  - El-Masri,Khaled
    A1  - van den Boogard, J.
    A1  - King, Martin L., Jr.
    A2  - Brady, Anne-Marie
    VL  - 97
    IS  - 4
    SP  - 843
    EP  - 930
    PY  - 1999/02//
    N2  - Latin America and the Caribbean is the world's most urbanized developing
             region.
    KW  - law
    KW  - territory
    ER  - 
         ^
  `));
  const result = parseRis(fixture.text, SOURCE);
  assert.deepEqual(result.problems, []);
  const [entry] = result.entries;
  assert.equal(entry.key, 'ford:1999:territory');
  assert.equal(entry.id, `${SOURCE}#ford:1999:territory`);
  assert.deepEqual(entry.keySpan, fixture.ranges[1]);
  assert.deepEqual(entry.span, { start: fixture.ranges[0].start, end: fixture.ranges[2].end });
  assert.equal(entry.type, 'article-journal');
  assert.deepEqual(families(entry), ['Ford', 'El-Masri', 'van den Boogard', 'King']);
  assert.deepEqual(entry.authors[1], { family: 'El-Masri', given: 'Khaled' });
  assert.equal(entry.authors[3].suffix, 'Jr.');
  assert.deepEqual(entry.editors, [{ family: 'Brady', given: 'Anne-Marie' }]);
  assert.deepEqual(entry.date, { text: '1999, February', year: 1999, month: 'February' });
  assert.equal(entry.title, 'Law’s Territory (A History of Jurisdiction)');
  assert.equal(entry.container, 'Michigan Law Review');
  assert.equal(entry.doi, '10.2307/1290376');
  const csl = entry.csl as Record<string, unknown>;
  assert.equal(csl.abstract, "Latin America and the Caribbean is the world's most urbanized developing region.");
  assert.equal(csl.page, '843-930');
  assert.equal(csl.keyword, 'law, territory');
  assert.deepEqual(csl.issued, { 'date-parts': [[1999, 2]] });
  assert.deepEqual(csl.author, [
    { family: 'Ford', given: 'Richard' },
    { family: 'El-Masri', given: 'Khaled' },
    { family: 'Boogard', given: 'J.', 'non-dropping-particle': 'van den' },
    { family: 'King', given: 'Martin L.', suffix: 'Jr.' },
  ]);
  assert.equal(entry.text, 'Ford, R., El-Masri, K., van den Boogard, J., & King, M. L., Jr. (1999, February). Law’s Territory (A History of Jurisdiction). Michigan Law Review.');
});

test('RIS: record types map to CSL types', () => {
  const types: [string, string][] = [
    ['JOUR', 'article-journal'], ['BOOK', 'book'], ['CHAP', 'chapter'], ['CONF', 'paper-conference'], ['CPAPER', 'paper-conference'],
    ['THES', 'thesis'], ['RPRT', 'report'], ['ELEC', 'webpage'], ['WEB', 'webpage'], ['NEWS', 'article-newspaper'],
    ['CASE', 'legal_case'], ['PCOMM', 'personal_communication'], ['MPCT', 'motion_picture'], ['GEN', 'document'], ['XYZ', 'document'],
  ];
  const text = types.map(([ris], i) => `TY  - ${ris}\nID  - k${i}\nER  - \n`).join('\n');
  assert.deepEqual(parseRis(text, SOURCE).entries.map((e) => e.type), types.map(([, csl]) => csl));
});

test('RIS: dates as reference managers write them', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['PY  - 2003///', { text: '2003', year: 2003 }],
    ['PY  - 2001/12/28/', { text: '2001, December 28', year: 2001, month: 'December', day: 28 }],
    ['Y1  - 1950/06/05/', { text: '1950, June 5', year: 1950, month: 'June', day: 5 }],
    ['PY  - 2019\nDA  - 2019/05/03', { text: '2019, May 3', year: 2019, month: 'May', day: 3 }],
    ['DA  - 2020-01-15', { text: '2020, January 15', year: 2020, month: 'January', day: 15 }],
    ['T1  - Undated', { text: 'n.d.', noDate: true }],
  ];
  for (const [lines, expected] of cases) {
    const [entry] = parseRis(`TY  - GEN\n${lines}\nER  - \n`, SOURCE).entries;
    assert.deepEqual(entry.date, expected, lines);
  }
});

test('RIS: a DOI from DO, from a DOI-like M3, or from a doi.org link; the URL from UR or L1', () => {
  const read = (lines: string) => parseRis(`TY  - JOUR\n${lines}\nER  - \n`, SOURCE).entries[0];
  assert.equal(read('DO  - https://doi.org/10.1000/abc').doi, '10.1000/abc');
  assert.equal(read('M3  - 10.1068/d8109').doi, '10.1068/d8109');
  assert.equal(read('M3  - Journal Article').doi, undefined);
  assert.equal(read('UR  - https://doi.org/10.1000/xyz').doi, '10.1000/xyz');
  assert.equal(read('UR  - http://www.csmonitor.com/2009/0212/p04s01-woam.html').url, 'http://www.csmonitor.com/2009/0212/p04s01-woam.html');
  assert.equal(read('L1  - https://example.org/paper.pdf').url, 'https://example.org/paper.pdf');
});

test('RIS: records without authors, with group authors, or with only secondary authors', () => {
  const text = dedent(`
    TY  - CASE
    ID  - elmasri-v-tenet:2006
    T1  - El-Masri v. Tenet
    PY  - 2006///
    ER  - 

    TY  - MPCT
    ID  - 708
    T1  - Outlawed
    A2  - Witness
    PY  - 2006///
    ER  - 

    TY  - RPRT
    AU  - ACLU
    T1  - Report
    ER  - 
  `);
  const [caseEntry, film, report] = parseRis(text, SOURCE).entries;
  assert.deepEqual(caseEntry.authors, []);
  assert.equal(caseEntry.text, 'El-Masri v. Tenet (2006).');
  assert.equal(film.key, '708');
  assert.deepEqual(film.authors, []);
  assert.deepEqual(film.editors, [{ family: 'Witness', literal: 'Witness' }]);
  assert.deepEqual(report.authors, [{ family: 'ACLU', literal: 'ACLU' }]);
  assert.equal(report.key, 'aclund');
});

test('RIS: a record without an ID gets a key from its first author and year, told apart by a letter', () => {
  const fixture = parseFixture(dedent(`
    TY  - JOUR
    AU  - Smith, John
    PY  - 2019
    ER  - 
    TY  - JOUR
    ^^^^^^^^^^
    AU  - Smith, Jane
    PY  - 2019
    ER  - 
    TY  - JOUR
    ID  - smith2019b
    ER  - 
    TY  - BOOK
    AU  - Smith, J.
    PY  - 2019
    ER  - 
  `));
  const result = parseRis(fixture.text, SOURCE);
  assert.deepEqual(result.entries.map((e) => e.key), ['smith2019', 'smith2019a', 'smith2019b', 'smith2019c']);
  assert.deepEqual(result.entries[1].keySpan, fixture.ranges[0]);
  assert.deepEqual(result.entries.flatMap((e) => e.problems), [], 'a made-up RIS key is not a problem');
});

test('RIS: unclosed records are closed with a problem', () => {
  const fixture = parseFixture(dedent(`
    TY  - JOUR
    ^^^^^^^^^^
    ID  - first
    T1  - No end line
    TY  - BOOK
    ^^^^^^^^^^
    ID  - second
    T1  - The file ends here
  `));
  const result = parseRis(fixture.text, SOURCE);
  assert.deepEqual(result.entries.map((e) => e.key), ['first', 'second']);
  assert.deepEqual(result.entries.map((e) => e.problems.map((p) => [p.code, p.span])), [
    [['ris-unclosed-record', fixture.ranges[0]]],
    [['ris-unclosed-record', fixture.ranges[1]]],
  ]);
  assert.equal(slice(fixture.text, result.entries[0].span), 'TY  - JOUR\nID  - first\nT1  - No end line');
  assert.equal(result.entries[1].span.end, fixture.text.length);
});

test('RIS: duplicate IDs are both kept, the second flagged', () => {
  const result = parseRis('TY  - JOUR\nID  - a\nER  - \nTY  - JOUR\nID  - a\nER  - \n', SOURCE);
  assert.deepEqual(result.entries.map((e) => codes(e.problems)), [[], ['duplicate-key']]);
  assert.notEqual(result.entries[0].id, result.entries[1].id);
});

test('RIS: a byte order mark and Windows line ends', () => {
  const text = '\ufeffTY  - JOUR\r\nID  - k1\r\nT1  - Title\r\nER  - \r\n';
  const [entry] = parseRis(text, SOURCE).entries;
  assert.equal(entry.key, 'k1');
  assert.equal(entry.title, 'Title');
  assert.equal(text.slice(entry.keySpan!.start, entry.keySpan!.end), 'k1');
  assert.equal(entry.span.start, 1);
  assert.equal(text.slice(entry.span.start, entry.span.end), 'TY  - JOUR\r\nID  - k1\r\nT1  - Title\r\nER  - ');
});

test('RIS: hostile input never throws and stays fast', () => {
  let junk = '';
  for (let i = 0; i < 20000; i++) junk += String.fromCharCode((i * 7919) % 65536);
  const inputs = ['', '\n\n\n', 'ER  - \n', 'TY  -', 'TY  - \nAU  - ,\nAU  - \nPY  - ////\n', junk, 'TY  - JOUR\n'.repeat(50000), 'x\n'.repeat(100000), `TY  - JOUR\nN2  - ${'a\n'.repeat(100000)}`];
  for (const input of inputs) {
    const result = parseRis(input, SOURCE);
    for (const entry of result.entries) {
      for (const span of [entry.span, entry.keySpan, ...entry.problems.map((p) => p.span)]) {
        if (span) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= input.length);
      }
    }
  }
});

test('RIS: a real export (bdarcus-rendition-references.ris)', { skip: !existsSync(path.join(corpus, 'bdarcus-rendition-references.ris')) }, () => {
  const text = readFileSync(path.join(corpus, 'bdarcus-rendition-references.ris'), 'utf8');
  const result = parseRis(text, 'file:///bdarcus-rendition-references.ris');
  assert.deepEqual(result.problems, []);
  assert.equal(result.entries.length, 93);
  assert.deepEqual(result.entries.flatMap((e) => e.problems), []);
  for (const entry of result.entries) {
    assert.equal(text.slice(entry.keySpan!.start, entry.keySpan!.end), entry.key);
    assert.ok(text.slice(entry.span.start, entry.span.end).startsWith('TY  - ') && /ER {2}- ?$/.test(text.slice(entry.span.start, entry.span.end)));
  }
  const count = (type: string) => result.entries.filter((e) => e.type === type).length;
  assert.equal(count('legal_case'), 6);
  assert.equal(count('article-newspaper'), 11);
  assert.equal(count('personal_communication'), 2);
  assert.equal(count('article-journal'), 33);
  const elMasri = result.entries.find((e) => e.authors.some((a) => a.family === 'El-Masri'));
  assert.deepEqual(elMasri?.authors.find((a) => a.family === 'El-Masri'), { family: 'El-Masri', given: 'Khaled' });
  assert.equal(result.entries.filter((e) => e.doi).length, 16);
  const onlyEditors = result.entries.find((e) => e.key === '954');
  assert.deepEqual(onlyEditors?.authors, []);
  assert.deepEqual(onlyEditors?.editors?.map((n) => n.family), ['Goldsmith', 'Moyers']);
  const news = result.entries.find((e) => (e.csl as { abstract?: string }).abstract?.includes('urbanized developing region.'));
  assert.ok(news, 'the wrapped N2 abstract is joined into one value');
  const undated = result.entries.filter((e) => e.date?.year === undefined);
  assert.deepEqual(undated.map((e) => [e.key, e.date]), [['1146', { text: 'n.d.', noDate: true }]], 'only the record without PY is undated');
});
