// Bibliography files named by a document. In the fixtures '^' marks the span of every path the reader must find (in
// order) and '!' a path it must not find; `paths` lists the paths as returned.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findBibliographyReferences } from '../../server/src/core/syntax/bibliographyReferences';
import type { KeyedLanguage } from '../../server/src/core/syntax/keyedCitations';
import { dedent, parseFixture, slice } from '../support/fixture';

interface Case {
  name: string;
  language: KeyedLanguage;
  source: string;
  paths: string[];
}

function check(testCase: Case): void {
  const fixture = parseFixture(dedent(testCase.source));
  const found = findBibliographyReferences(fixture.text, testCase.language);
  const shown = (spans: { start: number; end: number }[]) => spans.map((span) => `${slice(fixture.text, span)}@${span.start}`);
  assert.deepEqual(shown(found.map((reference) => reference.span)), shown(fixture.ranges), 'path spans');
  assert.deepEqual(found.map((reference) => reference.path), testCase.paths);
  for (const negative of fixture.negatives) {
    const hit = found.find((reference) => reference.span.start < negative.end && negative.start < reference.span.end);
    assert.equal(hit?.path, undefined, `"${slice(fixture.text, negative)}" is not a bibliography`);
  }
}

const cases: Case[] = [
  {
    name: 'a plain scalar',
    language: 'markdown',
    source: `
      ---
      title: Smoke
      bibliography: refs.bib
                    ^^^^^^^^
      ---
      Text.
    `,
    paths: ['refs.bib'],
  },
  {
    name: 'quoted scalars and a trailing comment',
    language: 'markdown',
    source: `
      ---
      bibliography: "my refs.bib" # the main one
                     ^^^^^^^^^^^
      ---
    `,
    paths: ['my refs.bib'],
  },
  {
    name: 'a plain scalar with a comment',
    language: 'markdown',
    source: `
      ---
      bibliography: ../data/refs.json   # CSL JSON
                    ^^^^^^^^^^^^^^^^^
      ...
    `,
    paths: ['../data/refs.json'],
  },
  {
    name: 'a flow list',
    language: 'markdown',
    source: `
      ---
      bibliography: [man-qechairquality.bib, 'packages.bib', "x y.yaml"]
                     ^^^^^^^^^^^^^^^^^^^^^^   ^^^^^^^^^^^^    ^^^^^^^^
      ---
    `,
    paths: ['man-qechairquality.bib', 'packages.bib', 'x y.yaml'],
  },
  {
    name: 'a flow list over several lines',
    language: 'markdown',
    source: `
      ---
      bibliography: [
        a.bib,
        ^^^^^
        b.bib ]
        ^^^^^
      title: x
      ---
    `,
    paths: ['a.bib', 'b.bib'],
  },
  {
    name: 'a block list, with comments and blank lines',
    language: 'markdown',
    source: `
      ---
      bibliography:
        - a.bib
          ^^^^^
        # - old.bib
            !!!!!!!

        - "b c.bib"
           ^^^^^^^
      csl: apa.csl
           !!!!!!!
      ---
    `,
    paths: ['a.bib', 'b c.bib'],
  },
  {
    name: 'a block list at the indentation of the key',
    language: 'markdown',
    source: `
      ---
      bibliography:
      - a.bib
        ^^^^^
      - b.bib
        ^^^^^
      format: html
      ---
    `,
    paths: ['a.bib', 'b.bib'],
  },
  {
    name: 'a commented-out key and a key in the body are ignored',
    language: 'markdown',
    source: `
      ---
      # bibliography: old.bib
                      !!!!!!!
      title: x
      ---
      bibliography: body.bib
                    !!!!!!!!
    `,
    paths: [],
  },
  {
    name: 'front matter must open the document',
    language: 'markdown',
    source: `
      Text first.
      ---
      bibliography: late.bib
                    !!!!!!!!
      ---
    `,
    paths: [],
  },
  {
    name: 'unclosed front matter',
    language: 'markdown',
    source: `
      ---
      bibliography: open.bib
                    !!!!!!!!
    `,
    paths: [],
  },
  {
    name: 'BibTeX databases get ".bib" when they have no extension',
    language: 'latex',
    source: String.raw`
      \bibliographystyle{apalike}
                         !!!!!!!
      \bibliography{abbrv, literatur,
                    ^^^^^  ^^^^^^^^^
        crossref.bib}
        ^^^^^^^^^^^^
    `,
    paths: ['abbrv.bib', 'literatur.bib', 'crossref.bib'],
  },
  {
    name: 'biblatex resources, with options',
    language: 'latex',
    source: String.raw`
      \addbibresource{biblatex-examples.bib}
                      ^^^^^^^^^^^^^^^^^^^^^
      \addbibresource[location=remote]{https://example.org/refs.bib}
                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      \addglobalbib{global.bib} \addsectionbib[label=x]{section.bib}
                    ^^^^^^^^^^                          ^^^^^^^^^^^
    `,
    paths: ['biblatex-examples.bib', 'https://example.org/refs.bib', 'global.bib', 'section.bib'],
  },
  {
    name: 'commented-out commands and comments inside the argument',
    language: 'latex',
    source: String.raw`
      % \addbibresource{old.bib}
                        !!!!!!!
      \bibliography{a,% b, c
                    ^   !
        d}
        ^
    `,
    paths: ['a.bib', 'd.bib'],
  },
  {
    name: 'Typst paths, single and in an array, without the named arguments',
    language: 'typst',
    source: `
      #bibliography("refs.bib", style: "apa")
                     ^^^^^^^^           !!!
      #bibliography(("a.bib", "b.yml"), title: "Works")
                      ^^^^^    ^^^^^            !!!!!
    `,
    paths: ['refs.bib', 'a.bib', 'b.yml'],
  },
  {
    name: 'Typst comments and raw text are ignored',
    language: 'typst',
    source: `
      // #bibliography("old.bib")
                        !!!!!!!
      /* #bibliography("older.bib") */
                        !!!!!!!!!
      \`#bibliography("shown.bib")\`
                      !!!!!!!!!
    `,
    paths: [],
  },
  {
    name: 'plain text names no bibliography',
    language: 'plaintext',
    source: `
      \\bibliography{refs}
                    !!!!
    `,
    paths: [],
  },
];

for (const testCase of cases) test(`${testCase.language}: ${testCase.name}`, () => check(testCase));

test('hostile input finishes', () => {
  const inputs = [
    '---\nbibliography: [' + 'a,'.repeat(100_000) + '\n---',
    '---\nbibliography: [' + '['.repeat(100_000),
    '\\bibliography{'.repeat(100_000),
    '\\addbibresource['.repeat(100_000),
    '#bibliography(('.repeat(100_000),
    '#bibliography("'.repeat(100_000),
    'x'.repeat(5_000_000),
  ];
  for (const input of inputs) {
    for (const language of ['markdown', 'latex', 'typst'] as const) assert.ok(Array.isArray(findBibliographyReferences(input, language)));
  }
  const manyItems = '---\nbibliography: [' + 'a.bib,'.repeat(10_000) + ']\n---';
  assert.equal(findBibliographyReferences(manyItems, 'markdown').length, 10_000);
});

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const skip = existsSync(corpus) ? false : 'the corpus of real documents is not present';

test('real documents name their bibliographies', { skip }, () => {
  const read = (name: string) => readFileSync(path.join(corpus, name), 'utf8');
  const paths = (name: string, language: KeyedLanguage) => findBibliographyReferences(read(name), language).map((r) => r.path);
  assert.deepEqual(paths('ghe-qech-airquality.qmd', 'markdown'), ['man-qechairquality.bib', 'packages.bib']);
  assert.deepEqual(paths('biblatex-50-style-authoryear.tex', 'latex'), ['biblatex-examples.bib']);
  assert.deepEqual(paths('jonjup-multivariate-methods.tex', 'latex'), []);
  for (const name of ['man-qechairquality.bib', 'packages.bib', 'biblatex-examples.bib']) assert.ok(existsSync(path.join(corpus, name)), name);
});
