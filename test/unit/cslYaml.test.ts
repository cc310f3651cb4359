import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Problem, ReferenceEntry, Span } from '../../server/src/core/types';
import { parseCslYaml } from '../../server/src/core/syntax/bib/cslYaml';
import { parseCslJson } from '../../server/src/core/syntax/bib/cslJson';
import { dedent, parseFixture, slice } from '../support/fixture';

const SOURCE = 'file:///refs.yaml';

function codes(problems: Problem[]): string[] {
  return problems.map((p) => p.code);
}

function keys(entries: ReferenceEntry[]): (string | undefined)[] {
  return entries.map((e) => e.key);
}

function assertSpansInside(text: string, spans: (Span | undefined)[]): void {
  for (const span of spans) {
    if (span) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${JSON.stringify(span)} lies inside the text`);
  }
}

/** Three items of a real Zotero CSL-JSON export, written the way pandoc writes CSL-YAML. */
const PANDOC_YAML = `
  ---
  references:
  - id: burknerAdvancedBayesianMultilevel2018
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    type: article-journal
    container-title: The R Journal
    DOI: 10.32614/RJ-2018-017
    issue: '1'
    page: 395–411
    title: Advanced Bayesian multilevel modeling with the R package brms
    volume: '10'
    author:
    - family: Bürkner
      given: Paul-Christian
    issued:
      date-parts:
      - - '2018'
  - id: "rcoreteamLanguageEnvironmentStatistical2022"
         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    type: book
    title: 'R: A language and environment for statistical computing'
    publisher: R Foundation for Statistical Computing
    author:
    - literal: R Core Team
    issued: 2022
  - id: 'vehtari😀2017'
         ^^^^^^^^^^^^^
    type: article-journal
    title: Practical Bayesian model evaluation using leave-one-out cross-validation and WAIC
    container-title: Statistics and Computing
    author:
    - family: Vehtari
      given: Aki
    - family: Gelman
      given: Andrew
    - family: Gabry
      given: Jonah
    issued: 2017-09
  ...
`;

const SAME_AS_JSON = JSON.stringify([
  {
    id: 'burknerAdvancedBayesianMultilevel2018', type: 'article-journal', 'container-title': 'The R Journal', DOI: '10.32614/RJ-2018-017',
    issue: '1', page: '395–411', title: 'Advanced Bayesian multilevel modeling with the R package brms', volume: '10',
    author: [{ family: 'Bürkner', given: 'Paul-Christian' }], issued: { 'date-parts': [['2018']] },
  },
  {
    id: 'rcoreteamLanguageEnvironmentStatistical2022', type: 'book', title: 'R: A language and environment for statistical computing',
    publisher: 'R Foundation for Statistical Computing', author: [{ literal: 'R Core Team' }], issued: { 'date-parts': [[2022]] },
  },
  {
    id: 'vehtari😀2017', type: 'article-journal', title: 'Practical Bayesian model evaluation using leave-one-out cross-validation and WAIC',
    'container-title': 'Statistics and Computing', author: [{ family: 'Vehtari', given: 'Aki' }, { family: 'Gelman', given: 'Andrew' }, { family: 'Gabry', given: 'Jonah' }],
    issued: { 'date-parts': [[2017, 9]] },
  },
]);

test('CSL-YAML: a pandoc references list, with key positions in UTF-16 offsets', () => {
  const fixture = parseFixture(dedent(PANDOC_YAML));
  const result = parseCslYaml(fixture.text, SOURCE);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(keys(result.entries), ['burknerAdvancedBayesianMultilevel2018', 'rcoreteamLanguageEnvironmentStatistical2022', 'vehtari😀2017']);
  result.entries.forEach((entry, index) => {
    assert.deepEqual(entry.keySpan, fixture.ranges[index]);
    assert.equal(slice(fixture.text, entry.keySpan!), entry.key);
    assert.equal(entry.id, `${SOURCE}#${entry.key}`);
  });
  const [burkner, core, vehtari] = result.entries;
  assert.ok(fixture.text.slice(burkner.span.start, burkner.span.end).startsWith('id: burkner'));
  assert.ok(fixture.text.slice(burkner.span.start, burkner.span.end).endsWith("- '2018'"));
  assert.deepEqual(burkner.authors, [{ family: 'Bürkner', given: 'Paul-Christian' }]);
  assert.deepEqual(burkner.date, { text: '2018', year: 2018 });
  assert.equal(burkner.doi, '10.32614/RJ-2018-017');
  assert.deepEqual(core.authors, [{ family: 'R Core Team', literal: 'R Core Team' }]);
  assert.deepEqual(core.date, { text: '2022', year: 2022 });
  assert.deepEqual((core.csl as { issued: unknown }).issued, { 'date-parts': [[2022]] });
  assert.deepEqual(vehtari.date, { text: '2017, September', year: 2017, month: 'September' });
  assert.equal(vehtari.text, 'Vehtari, A., Gelman, A., & Gabry, J. (2017, September). Practical Bayesian model evaluation using leave-one-out cross-validation and WAIC. Statistics and Computing.');
});

test('CSL-YAML reads the same entries as the same items in CSL-JSON', () => {
  const fromYaml = parseCslYaml(parseFixture(dedent(PANDOC_YAML)).text, SOURCE).entries;
  const fromJson = parseCslJson(SAME_AS_JSON, SOURCE).entries;
  const comparable = (e: ReferenceEntry) => ({ key: e.key, type: e.type, authors: e.authors, date: e.date, title: e.title, container: e.container, doi: e.doi, text: e.text, csl: e.csl });
  assert.deepEqual(fromYaml.map(comparable), fromJson.map(comparable));
});

test('CSL-YAML: a bare list of items, and documents between --- markers', () => {
  const bare = parseCslYaml('- id: a\n  title: A\n- id: b\n', SOURCE);
  assert.deepEqual(keys(bare.entries), ['a', 'b']);
  assert.deepEqual(bare.problems, []);
  const fenced = parseCslYaml('---\nreferences:\n- id: a\n---\n', SOURCE);
  assert.deepEqual(keys(fenced.entries), ['a']);
  assert.deepEqual(fenced.problems, []);
  const empty = parseCslYaml('references:\n', SOURCE);
  assert.deepEqual(empty, { entries: [], problems: [] });
});

test('CSL-YAML: a number written as an id keeps its digits', () => {
  const text = 'references:\n- id: 0123\n- id: 1e3\n';
  const result = parseCslYaml(text, SOURCE);
  assert.deepEqual(keys(result.entries), ['0123', '1e3']);
  assert.equal(text.slice(result.entries[1].keySpan!.start, result.entries[1].keySpan!.end), '1e3');
});

test('CSL-YAML: a byte order mark and non-ASCII text before an item do not shift positions', () => {
  const text = '\ufeff# Bibliografía 📚\nreferences:\n- id: müller2020\n  title: Über 😀\n';
  const [entry] = parseCslYaml(text, SOURCE).entries;
  assert.equal(text.slice(entry.keySpan!.start, entry.keySpan!.end), 'müller2020');
});

test('CSL-YAML: a syntax error is reported and the readable items are kept', () => {
  const text = dedent(`
    references:
    - id: good
      title: Fine
    - id: bad
      title: "unclosed
    - id: later
  `);
  const result = parseCslYaml(text, SOURCE);
  assert.ok(result.problems.length > 0);
  assert.ok(codes(result.problems).every((code) => code === 'yaml-syntax'));
  assert.ok(keys(result.entries).includes('good'));
  assertSpansInside(text, result.problems.map((p) => p.span));
});

test('CSL-YAML: what is not a list of items is reported', () => {
  const notItems = parseCslYaml('references:\n- just text\n- id: a\n', SOURCE);
  assert.deepEqual(keys(notItems.entries), ['a']);
  assert.deepEqual(codes(notItems.problems), ['yaml-not-an-item']);
  assert.equal(notItems.problems[0].span.start, 'references:\n- '.length);
  const notAList = parseCslYaml('title: A document\nauthor: Me\n', SOURCE);
  assert.deepEqual(codes(notAList.problems), ['yaml-not-a-list']);
  const scalar = parseCslYaml('just words', SOURCE);
  assert.deepEqual(codes(scalar.problems), ['yaml-not-a-list']);
});

test('CSL-YAML: missing and duplicate ids', () => {
  const result = parseCslYaml('- id: same\n- id: same\n- title: No id\n  author:\n  - family: Oke\n  issued: 1982\n', SOURCE);
  assert.deepEqual(keys(result.entries), ['same', 'same', 'oke1982']);
  assert.deepEqual(result.entries.map((e) => codes(e.problems)), [[], ['duplicate-key'], ['missing-key']]);
});

test('CSL-YAML: hostile input never throws and stays fast', () => {
  let junk = '';
  for (let i = 0; i < 20000; i++) junk += String.fromCharCode((i * 7919) % 65536);
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  const inputs = [
    '',
    '\n\n',
    'not: [valid',
    '['.repeat(100000),
    '- '.repeat(20000) + 'x',
    ' '.repeat(5000) + '- x',
    '{'.repeat(100000),
    `references:\n${laughs.map((l) => `- ${l}`).join('\n')}`,
    laughs.join('\n'),
    junk,
    'references:\n' + '- id: x\n  title: "\n'.repeat(5000),
  ];
  for (const input of inputs) {
    const result = parseCslYaml(input, SOURCE);
    assertSpansInside(input, [...result.problems.map((p) => p.span), ...result.entries.flatMap((e) => [e.span, e.keySpan])]);
  }
  assert.deepEqual(codes(parseCslYaml('- '.repeat(20000) + 'x', SOURCE).problems), ['yaml-too-deep']);
});
