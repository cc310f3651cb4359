import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Problem, ReferenceEntry, Span } from '../../server/src/core/types';
import { parseCslJson } from '../../server/src/core/syntax/bib/cslJson';
import { familyWithParticle } from '../../server/src/core/syntax/names';
import { dedent, parseFixture, slice } from '../support/fixture';

const SOURCE = 'file:///refs.json';
const corpus = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

function families(entry: ReferenceEntry): string[] {
  return entry.authors.map(familyWithParticle);
}

function codes(problems: Problem[]): string[] {
  return problems.map((p) => p.code);
}

function assertInside(text: string, span: Span | undefined, what: string): void {
  if (!span) return;
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${JSON.stringify(span)} lies inside the text`);
}

/** Every span of every entry and problem lies inside the text. */
function assertSpansInside(text: string, result: ReturnType<typeof parseCslJson>): void {
  for (const problem of result.problems) assertInside(text, problem.span, 'problem');
  for (const entry of result.entries) {
    assertInside(text, entry.span, 'entry');
    assertInside(text, entry.keySpan, 'key');
    for (const problem of entry.problems) assertInside(text, problem.span, 'entry problem');
  }
}

test('CSL-JSON: items, keys and their positions', () => {
  const fixture = parseFixture(dedent(`
    [
      {
        "id": "qerimi2023",
               ^^^^^^^^^^
        "type": "article-journal",
        "title": "Controlling lethal autonomous weapons systems",
        "container-title": "Computer Law & Security Review",
        "DOI": "https://doi.org/10.1016/j.clsr.2023.105860",
        "author": [{ "family": "Qerimi", "given": "Qerim" }],
        "issued": { "date-parts": [["2023", "05"]] }
      },
      { "id": "r😀core", "type": "book", "author": [{ "literal": "R Core Team" }], "issued": { "date-parts": [[2022]] } }
               ^^^^^^^
    ]
  `));
  const result = parseCslJson(fixture.text, SOURCE);
  assert.deepEqual(result.problems, []);
  assert.equal(result.entries.length, 2);
  const [qerimi, core] = result.entries;
  assert.equal(qerimi.key, 'qerimi2023');
  assert.equal(qerimi.id, `${SOURCE}#qerimi2023`);
  assert.equal(qerimi.source, SOURCE);
  assert.deepEqual(qerimi.keySpan, fixture.ranges[0]);
  assert.deepEqual(core.keySpan, fixture.ranges[1]);
  assert.equal(slice(fixture.text, core.keySpan!), 'r😀core');
  assert.ok(fixture.text.slice(qerimi.span.start, qerimi.span.end).startsWith('{\n    "id"'));
  assert.ok(fixture.text.slice(qerimi.span.start, qerimi.span.end).endsWith('}'));
  assert.equal(qerimi.type, 'article-journal');
  assert.deepEqual(qerimi.authors, [{ family: 'Qerimi', given: 'Qerim' }]);
  assert.deepEqual(qerimi.date, { text: '2023, May', year: 2023, month: 'May' });
  assert.equal(qerimi.title, 'Controlling lethal autonomous weapons systems');
  assert.equal(qerimi.container, 'Computer Law & Security Review');
  assert.equal(qerimi.doi, '10.1016/j.clsr.2023.105860');
  assert.equal(qerimi.text, 'Qerimi, Q. (2023, May). Controlling lethal autonomous weapons systems. Computer Law & Security Review.');
  assert.deepEqual((qerimi.csl as { issued: unknown }).issued, { 'date-parts': [[2023, 5]] });
  assert.equal(qerimi.csl?.id, 'qerimi2023');
  assert.deepEqual(core.authors, [{ family: 'R Core Team', literal: 'R Core Team' }]);
  assert.equal(core.text, 'R Core Team. (2022).');
});

test('CSL-JSON: names with particles, suffixes, literals and exported braces', () => {
  const text = JSON.stringify([
    {
      id: 'a',
      author: [
        { family: 'Boogard', given: 'Jan', 'non-dropping-particle': 'van den' },
        { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { literal: '{{National Institute on Alcohol Abuse and Alcoholism}}' },
        { given: 'Madonna' },
        'Stray string',
        42,
      ],
      editor: [{ family: 'Brady', given: 'Anne-Marie' }],
    },
  ]);
  const [entry] = parseCslJson(text, SOURCE).entries;
  assert.deepEqual(families(entry), ['van den Boogard', 'Beethoven', 'King', 'National Institute on Alcohol Abuse and Alcoholism', 'Madonna', 'Stray string']);
  assert.equal(entry.authors[1].given, 'Ludwig van');
  assert.equal(entry.authors[2].suffix, 'Jr.');
  assert.deepEqual(entry.editors, [{ family: 'Brady', given: 'Anne-Marie' }]);
  assert.ok(entry.text.startsWith('van den Boogard, J., Beethoven, L. van, King, M. L., Jr., National Institute'));
  assert.deepEqual((entry.csl as { author: unknown[] }).author[5], { literal: 'Stray string' });
});

test('CSL-JSON: every shape of issued date', () => {
  const cases: [unknown, Record<string, unknown> | undefined][] = [
    [{ 'date-parts': [['2018']] }, { text: '2018', year: 2018 }],
    [{ 'date-parts': [[2004, 3, 17]] }, { text: '2004, March 17', year: 2004, month: 'March', day: 17 }],
    [{ 'date-parts': [[2001], [2003]] }, { text: '2001', year: 2001 }],
    [{ 'date-parts': [2019, 2] }, { text: '2019, February', year: 2019, month: 'February' }],
    [{ raw: '2017-11-02' }, { text: '2017, November 2', year: 2017, month: 'November', day: 2 }],
    [{ literal: 'n.d.' }, { text: 'n.d.', noDate: true }],
    [{ literal: 'Spring 2015' }, { text: '2015', year: 2015 }],
    ['2020-06', { text: '2020, June', year: 2020, month: 'June' }],
    [2012, { text: '2012', year: 2012 }],
    [[{ year: 1999, month: 12 }], { text: '1999, December', year: 1999, month: 'December' }],
    [undefined, { text: 'n.d.', noDate: true }],
    [{ literal: 'someday' }, undefined],
  ];
  for (const [issued, expected] of cases) {
    const [entry] = parseCslJson(JSON.stringify([{ id: 'x', issued }]), SOURCE).entries;
    assert.deepEqual(entry.date, expected, JSON.stringify(issued));
    assert.deepEqual(codes(entry.problems), expected ? [] : ['unreadable-date'], JSON.stringify(issued));
  }
  const [inPress] = parseCslJson('[{"id": "x", "status": "in press"}]', SOURCE).entries;
  assert.deepEqual(inPress.date, { text: 'in press', inPress: true });
});

test('CSL-JSON: DOI from a doi.org URL, not from other URLs', () => {
  const text = JSON.stringify([
    { id: 'a', URL: 'https://doi.org/10.1000/xyz.1' },
    { id: 'b', URL: 'https://example.org/10.1000/not-a-doi' },
    { id: 'c', DOI: 'doi:10.5555/abc.' },
  ]);
  const [a, b, c] = parseCslJson(text, SOURCE).entries;
  assert.equal(a.doi, '10.1000/xyz.1');
  assert.equal(a.url, 'https://doi.org/10.1000/xyz.1');
  assert.equal(b.doi, undefined);
  assert.equal(c.doi, '10.5555/abc');
});

test('CSL-JSON: an object wrapping the list, or a single item', () => {
  const wrapped = parseCslJson('{"references": [{"id": "a"}, {"id": "b"}]}', SOURCE);
  assert.deepEqual(wrapped.entries.map((e) => e.key), ['a', 'b']);
  const items = parseCslJson('{"items": [{"id": "c"}]}', SOURCE);
  assert.deepEqual(items.entries.map((e) => e.key), ['c']);
  const single = parseCslJson('{"id": "only", "title": "T"}', SOURCE);
  assert.deepEqual(single.entries.map((e) => e.key), ['only']);
  assert.deepEqual(single.problems, []);
});

test('CSL-JSON: an invalid item is reported where it breaks and the others are kept', () => {
  const fixture = parseFixture(dedent(`
    [
      { "id": "one" },
      { "id": "two" "title": "missing comma" },
                    ^
      { "id": "three", },
                       ^
      { "id": "four" }
    ]
  `));
  const result = parseCslJson(fixture.text, SOURCE);
  assert.deepEqual(result.entries.map((e) => e.key), ['one', 'four']);
  assert.deepEqual(codes(result.problems), ['json-syntax', 'json-syntax']);
  assert.deepEqual(result.problems.map((p) => p.span.start), fixture.ranges.map((r) => r.start));
});

test('CSL-JSON: an item missing its closing brace does not swallow the items after it', () => {
  const text = dedent(`
    [
      {
        "id": "one",
        "author": [{ "family": "A" }
      },
      {
        "id": "two"
      },
      {
        "id": "three",
        "title": "an unclosed string
      },
      {
        "id": "four"
      }
    ]
  `);
  const result = parseCslJson(text, SOURCE);
  assert.deepEqual(result.entries.map((e) => e.key), ['two', 'four']);
  assert.deepEqual(codes(result.problems), ['json-syntax', 'json-syntax']);
  assert.equal(result.problems[0].message, 'Expected "]" here, found "}".');
  assert.equal(result.problems[0].span.start, text.indexOf('\n  },') + 3);
  assert.match(result.problems[1].message, /closing quote/);
  assert.equal(result.problems[1].span.start, text.indexOf('closed string') + 'closed string'.length);
});

test('CSL-JSON: an item that is never closed is pointed at, and the items after it are kept', () => {
  const text = '[\n  {\n    "id": "one",\n  ,\n  {\n    "id": "two"\n  },\n  {\n    "id": "three"\n  }\n]\n';
  const result = parseCslJson(text, SOURCE);
  assert.deepEqual(result.entries.map((e) => e.key), ['two', 'three']);
  assert.deepEqual(result.problems.map((p) => [p.code, p.span.start]), [['json-syntax', 4]]);
  assert.match(result.problems[0].message, /not closed/);
});

test('CSL-JSON: values that are not items are skipped with a problem', () => {
  const fixture = parseFixture(dedent(`
    [1, "text", {"id": "a"}, null, [{"id": "nested"}], true]
     ^  ^^^^^^               ^^^^  ^^^^^^^^^^^^^^^^^^  ^^^^
  `));
  const result = parseCslJson(fixture.text, SOURCE);
  assert.deepEqual(result.entries.map((e) => e.key), ['a']);
  assert.deepEqual(codes(result.problems), Array(5).fill('json-not-an-item'));
  assert.deepEqual(result.problems.map((p) => p.span), fixture.ranges);
});

test('CSL-JSON: duplicate keys are both kept, the second flagged', () => {
  const fixture = parseFixture(dedent(`
    [{"id": "same", "title": "First"},
     {"id": "same", "title": "Second"}]
             ^^^^
  `));
  const result = parseCslJson(fixture.text, SOURCE);
  assert.equal(result.entries.length, 2);
  assert.deepEqual(codes(result.entries[0].problems), []);
  assert.deepEqual(result.entries[1].problems.map((p) => [p.code, p.span]), [['duplicate-key', fixture.ranges[0]]]);
  assert.notEqual(result.entries[0].id, result.entries[1].id, 'entry ids stay unique');
  assert.equal(result.entries[1].key, 'same');
});

test('CSL-JSON: an item without an id gets a key made from its first author and year', () => {
  const text = JSON.stringify([
    { id: 'smith2019', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2019]] } },
    { author: [{ family: 'Smith', given: 'A.' }], issued: { 'date-parts': [[2019]] } },
    { author: [{ family: 'Smith' }], issued: { 'date-parts': [[2019]] } },
    { title: 'Anonymous work' },
    { id: '', author: [{ family: 'Müller', 'non-dropping-particle': 'von' }], issued: { 'date-parts': [[2001]] } },
  ]);
  const result = parseCslJson(text, SOURCE);
  assert.deepEqual(result.entries.map((e) => e.key), ['smith2019', 'smith2019a', 'smith2019b', 'anonymousnd', 'von2001']);
  assert.deepEqual(result.entries.map((e) => codes(e.problems)), [[], ['missing-key'], ['missing-key'], ['missing-key'], ['missing-key']]);
  assert.deepEqual(result.entries[1].keySpan, result.entries[1].problems[0].span);
});

test('CSL-JSON: numeric ids are keys; a byte order mark does not shift positions', () => {
  const text = '\ufeff[{"id": 708}]';
  const [entry] = parseCslJson(text, SOURCE).entries;
  assert.equal(entry.key, '708');
  assert.equal(text.slice(entry.keySpan!.start, entry.keySpan!.end), '708');
});

test('CSL-JSON: trailing text and an unclosed list are reported', () => {
  const trailing = parseCslJson('[{"id": "a"}] junk', SOURCE);
  assert.deepEqual(trailing.entries.map((e) => e.key), ['a']);
  assert.deepEqual(codes(trailing.problems), ['json-syntax']);
  const unclosed = parseCslJson('[{"id": "a"}, {"id": "b"}', SOURCE);
  assert.deepEqual(unclosed.entries.map((e) => e.key), ['a', 'b']);
  assert.deepEqual(codes(unclosed.problems), ['json-syntax']);
});

test('CSL-JSON: an item nested far deeper than CSL allows is skipped', () => {
  const deep = `{"id": "deep", "issued": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
  const result = parseCslJson(`[${deep}, {"id": "fine", "issued": [[[2020]]]}]`, SOURCE);
  assert.deepEqual(result.entries.map((e) => e.key), ['fine']);
  assert.deepEqual(codes(result.problems), ['json-too-deep']);
});

test('CSL-JSON: hostile input never throws and stays fast', () => {
  let junk = '';
  for (let i = 0; i < 20000; i++) junk += String.fromCharCode((i * 7919) % 65536);
  const inputs = [
    '',
    '   \n',
    'not json at all',
    '{',
    '[',
    '[{"id": "a", "title": "trunc',
    '['.repeat(100000),
    '['.repeat(100000) + ']'.repeat(100000),
    '{'.repeat(100000),
    '[' + '{"id":'.repeat(50000),
    '[' + '\n{'.repeat(50000),
    '[' + '\n  {\n    "id": "x",\n    "t": "'.repeat(20000),
    '[' + '},{'.repeat(50000),
    '"just a string"',
    JSON.stringify([{ id: 'a', DOI: `10.1234/${','.repeat(100000)}x`, author: [{ literal: `${'}'.repeat(100000)}x` }] }]),
    junk,
    '[' + junk + ']',
  ];
  for (const input of inputs) {
    const result = parseCslJson(input, SOURCE);
    assertSpansInside(input, result);
  }
  assert.deepEqual(parseCslJson('', SOURCE), { entries: [], problems: [] });
  assert.deepEqual(codes(parseCslJson('not json', SOURCE).problems), ['json-syntax']);
});

test('CSL-JSON: a real Zotero export (askurz-my_blog.json)', { skip: !existsSync(path.join(corpus, 'askurz-my_blog.json')) }, () => {
  const text = readFileSync(path.join(corpus, 'askurz-my_blog.json'), 'utf8');
  const result = parseCslJson(text, 'file:///askurz-my_blog.json');
  assert.deepEqual(result.problems, []);
  assert.equal(result.entries.length, 223);
  for (const entry of result.entries) {
    assert.equal(text.slice(entry.keySpan!.start, entry.keySpan!.end), entry.key);
    assert.equal(text[entry.span.start], '{');
    assert.equal(text[entry.span.end - 1], '}');
  }
  const duplicates = result.entries.filter((e) => e.problems.some((p) => p.code === 'duplicate-key'));
  assert.deepEqual(duplicates.map((e) => e.key), ['oConnell2017methods']);
  const burkner = result.entries.find((e) => e.key === 'burknerAdvancedBayesianMultilevel2018')!;
  assert.deepEqual(families(burkner), ['Bürkner']);
  assert.equal(burkner.date?.year, 2018);
  assert.equal(burkner.doi, '10.32614/RJ-2018-017');
  assert.ok(result.entries.some((e) => e.authors.some((a) => a.literal === 'R Core Team')));
  const dated = result.entries.filter((e) => e.date?.year !== undefined);
  assert.ok(dated.length >= 215, `${dated.length} entries have a year`);
});
