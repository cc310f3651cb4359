// Keyed citations: pandoc/Quarto "[@key]", LaTeX "\cite{key}", Typst "@key". In the fixtures '^' marks every key the
// scanner must find (in order) and '!' text that must not be read as a key.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findKeyedCitations, keyedLanguageOf, type KeyedLanguage } from '../../server/src/core/syntax/keyedCitations';
import { maskNonProse } from '../../server/src/core/syntax/mask';
import type { CitedKey, KeyedCitation } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

interface KeyExpectation {
  key: string;
  prefix?: string;
  locator?: string;
  suppressAuthor?: boolean;
}

interface CitationExpectation {
  /** The whole citation as written. */
  text: string;
  narrative: boolean;
  command?: string;
}

interface Case {
  name: string;
  language: KeyedLanguage;
  source: string;
  keys?: KeyExpectation[];
  citations?: CitationExpectation[];
}

function scan(text: string, language: KeyedLanguage): KeyedCitation[] {
  const masked = maskNonProse(text, language === 'typst' ? 'plaintext' : language);
  return findKeyedCitations(text, masked, language);
}

function describeKey(key: CitedKey): KeyExpectation {
  const described: KeyExpectation = { key: key.key };
  if (key.prefix !== undefined) described.prefix = key.prefix;
  if (key.locator !== undefined) described.locator = key.locator;
  if (key.suppressAuthor) described.suppressAuthor = true;
  return described;
}

function check(testCase: Case): void {
  const fixture = parseFixture(dedent(testCase.source));
  const citations = scan(fixture.text, testCase.language);
  const keys = citations.flatMap((citation) => citation.keys);
  const shown = (spans: { start: number; end: number }[]) => spans.map((span) => `${slice(fixture.text, span)}@${span.start}`);
  assert.deepEqual(shown(keys.map((key) => key.span)), shown(fixture.ranges), 'key spans');
  for (const key of keys) assert.equal(key.key, slice(fixture.text, key.span), 'the key is the text at its span');
  for (const negative of fixture.negatives) {
    const hit = keys.find((key) => key.span.start < negative.end && negative.start < key.span.end);
    assert.equal(hit?.key, undefined, `"${slice(fixture.text, negative)}" is not a cited key`);
  }
  if (testCase.keys) assert.deepEqual(keys.map(describeKey), testCase.keys);
  if (testCase.citations) {
    const actual = citations.map((c) => ({ text: slice(fixture.text, c.span), narrative: c.narrative, ...(c.command ? { command: c.command } : {}) }));
    assert.deepEqual(actual, testCase.citations);
  }
  for (let i = 1; i < citations.length; i++) {
    assert.ok(citations[i - 1].span.end <= citations[i].span.start, 'citations are sorted and do not overlap');
  }
}

function run(cases: Case[]): void {
  for (const testCase of cases) test(`${testCase.language}: ${testCase.name}`, () => check(testCase));
}

// ---------------------------------------------------------------------------------------------------------------

run([
  {
    name: 'a bracketed citation',
    language: 'markdown',
    source: `
      Smoke harms the lungs [@smith2019].
                              ^^^^^^^^^
    `,
    citations: [{ text: '[@smith2019]', narrative: false }],
    keys: [{ key: 'smith2019' }],
  },
  {
    name: 'several keys separated by semicolons',
    language: 'markdown',
    source: `
      As shown before [@a; @b2020; @c_d].
                        ^   ^^^^^   ^^^
    `,
    citations: [{ text: '[@a; @b2020; @c_d]', narrative: false }],
  },
  {
    name: 'prefixes and locators of each key',
    language: 'markdown',
    source: `
      Blah [see @doe99, pp. 33-35; also @smith04, chap. 1].
                 ^^^^^                   ^^^^^^^
    `,
    keys: [
      { key: 'doe99', prefix: 'see', locator: 'pp. 33-35' },
      { key: 'smith04', prefix: 'also', locator: 'chap. 1' },
    ],
  },
  {
    name: 'suppressed author',
    language: 'markdown',
    source: `
      Smith says blah [-@smith04] and [see -@doe99, p. 4].
                         ^^^^^^^             ^^^^^
    `,
    keys: [
      { key: 'smith04', suppressAuthor: true },
      { key: 'doe99', prefix: 'see', locator: 'p. 4', suppressAuthor: true },
    ],
  },
  {
    name: 'narrative citations, with and without a locator in brackets',
    language: 'markdown',
    source: `
      @smith04 says blah, and @doe99 [p. 33] agrees.
       ^^^^^^^                 ^^^^^
    `,
    citations: [
      { text: '@smith04', narrative: true },
      { text: '@doe99 [p. 33]', narrative: true },
    ],
    keys: [{ key: 'smith04' }, { key: 'doe99', locator: 'p. 33' }],
  },
  {
    name: 'trailing punctuation is not part of a key, internal punctuation is',
    language: 'markdown',
    source: `
      As @smith2019. said, @a:b.c/d+e, and @heft-neal2018robust: yes.
          ^^^^^^^^^         ^^^^^^^^^       ^^^^^^^^^^^^^^^^^^^
    `,
  },
  {
    name: 'braced keys',
    language: 'markdown',
    source: `
      See @{weird key (2019)} and [@{ISO 9001:2015}, p. 3].
            ^^^^^^^^^^^^^^^^         ^^^^^^^^^^^^^
    `,
    keys: [{ key: 'weird key (2019)' }, { key: 'ISO 9001:2015', locator: 'p. 3' }],
  },
  {
    name: 'a group wrapped over lines',
    language: 'markdown',
    source: `
      Known harms [see @anderson2012;
                        ^^^^^^^^^^^^
      @bell2012, p. 2]. Next sentence.
       ^^^^^^^^
    `,
    keys: [{ key: 'anderson2012', prefix: 'see' }, { key: 'bell2012', locator: 'p. 2' }],
  },
  {
    name: 'e-mail addresses are not citations',
    language: 'markdown',
    source: `
      Write to jane@example.org or jane@home, not to @jane.
                    !!!!!!!!!!!         !!!!          ^^^^
    `,
  },
  {
    name: 'keys inside code are not citations',
    language: 'markdown',
    source: `
      Use \`@decorator\` here [@real].
            !!!!!!!!!         ^^^^
      \`\`\`python
      @app.route("/")
       !!!!!!!!!
      \`\`\`
    `,
  },
  {
    name: 'Quarto cross-references are not citations',
    language: 'markdown',
    source: `
      See @fig-map, @tbl-peaks, @sec-intro, @eq-mass, @thm-a and (@lst-code).
           !!!!!!!   !!!!!!!!!   !!!!!!!!!   !!!!!!!   !!!!!       !!!!!!!!
    `,
    citations: [],
  },
  {
    name: 'pandoc-crossref references are not citations',
    language: 'markdown',
    source: `
      As [@Fig:map] and @fig:x, @sec:intro, @tbl:a and @eq:1 show.
           !!!!!!!       !!!!!   !!!!!!!!!   !!!!!      !!!!
    `,
    citations: [],
  },
  {
    name: 'a group mixing cross-references and keys keeps only the keys',
    language: 'markdown',
    source: `
      Shown in [@fig-map; see @smith2019; @tbl:x].
                 !!!!!!!       ^^^^^^^^^   !!!!!
    `,
    keys: [{ key: 'smith2019', prefix: 'see' }],
    citations: [{ text: '[@fig-map; see @smith2019; @tbl:x]', narrative: false }],
  },
  {
    name: 'links and link definitions whose text starts with @ are not citations',
    language: 'markdown',
    source: `
      Follow [@jane](https://social.example/@jane) or ![@logo](logo.png) [@real].
               !!!!                                      !!!!              ^^^^
      [@jane]: https://example.org/jane
        !!!!
    `,
    citations: [{ text: '[@real]', narrative: false }],
  },
  {
    name: 'escaped at signs and brackets',
    language: 'markdown',
    source: `
      Not \\@key, and bookdown \\@ref(fig:x) is a reference.
            !!!                 !!!
    `,
    citations: [],
  },
  {
    name: 'a footnote mark after a narrative key is not its locator',
    language: 'markdown',
    source: `
      As @smith2019 [^1] shows.
          ^^^^^^^^^
    `,
    citations: [{ text: '@smith2019', narrative: true }],
  },
  {
    name: 'a comma-separated list in brackets yields every key',
    language: 'markdown',
    source: `
      Both [@a, @b, p. 3] agree.
             ^   ^
    `,
    keys: [{ key: 'a' }, { key: 'b', locator: 'p. 3' }],
  },
  {
    name: 'front matter is not searched',
    language: 'markdown',
    source: `
      ---
      author: "@someone"
                !!!!!!!
      ---
      Text [@real].
             ^^^^
    `,
  },
  {
    name: 'brackets without keys are not citations',
    language: 'markdown',
    source: `
      A [link](https://example.org), a [span]{.smallcaps}, [@ home], [x] and [email me @ 5].
    `,
    citations: [],
  },
  {
    name: 'keys are not looked for in plain text or reStructuredText',
    language: 'plaintext',
    source: `
      See [@smith2019] and \\cite{a}.
            !!!!!!!!!
    `,
    citations: [],
  },
]);

run([
  {
    name: 'natbib commands',
    language: 'latex',
    source: String.raw`
      \citep{a} \citet{b} \cite{c} \citealp{d} \citealt{e} \citeauthor{f} \citeyear{g} \citeyearpar{h} \Citet{i} \Citep{j}
             ^         ^        ^           ^           ^              ^            ^               ^         ^         ^
    `,
    citations: [
      { text: String.raw`\citep{a}`, narrative: false, command: 'citep' },
      { text: String.raw`\citet{b}`, narrative: true, command: 'citet' },
      { text: String.raw`\cite{c}`, narrative: false, command: 'cite' },
      { text: String.raw`\citealp{d}`, narrative: false, command: 'citealp' },
      { text: String.raw`\citealt{e}`, narrative: false, command: 'citealt' },
      { text: String.raw`\citeauthor{f}`, narrative: true, command: 'citeauthor' },
      { text: String.raw`\citeyear{g}`, narrative: false, command: 'citeyear' },
      { text: String.raw`\citeyearpar{h}`, narrative: false, command: 'citeyearpar' },
      { text: String.raw`\Citet{i}`, narrative: true, command: 'Citet' },
      { text: String.raw`\Citep{j}`, narrative: false, command: 'Citep' },
    ],
  },
  {
    name: 'biblatex commands',
    language: 'latex',
    source: String.raw`
      \parencite{a} \Parencite{b} \textcite{c} \Textcite{d} \autocite{e} \Autocite{f} \footcite{g} \footcitetext{h}
                 ^             ^            ^            ^            ^            ^            ^                ^
      \smartcite{i} \supercite{j} \fullcite{k} \nocite{l} \parencite*{m} \textcite*{n} \citeA{o}
                 ^             ^            ^          ^              ^             ^         ^
    `,
    citations: [
      { text: String.raw`\parencite{a}`, narrative: false, command: 'parencite' },
      { text: String.raw`\Parencite{b}`, narrative: false, command: 'Parencite' },
      { text: String.raw`\textcite{c}`, narrative: true, command: 'textcite' },
      { text: String.raw`\Textcite{d}`, narrative: true, command: 'Textcite' },
      { text: String.raw`\autocite{e}`, narrative: false, command: 'autocite' },
      { text: String.raw`\Autocite{f}`, narrative: false, command: 'Autocite' },
      { text: String.raw`\footcite{g}`, narrative: false, command: 'footcite' },
      { text: String.raw`\footcitetext{h}`, narrative: false, command: 'footcitetext' },
      { text: String.raw`\smartcite{i}`, narrative: false, command: 'smartcite' },
      { text: String.raw`\supercite{j}`, narrative: false, command: 'supercite' },
      { text: String.raw`\fullcite{k}`, narrative: false, command: 'fullcite' },
      { text: String.raw`\nocite{l}`, narrative: false, command: 'nocite' },
      { text: String.raw`\parencite*{m}`, narrative: false, command: 'parencite*' },
      { text: String.raw`\textcite*{n}`, narrative: true, command: 'textcite*' },
      { text: String.raw`\citeA{o}`, narrative: true, command: 'citeA' },
    ],
  },
  {
    name: 'one optional argument is the postnote, two are the prenote and the postnote',
    language: 'latex',
    source: String.raw`
      \cite[59]{a} \parencite[see][59--63]{b} \citep[e.g.][]{c, d} \textcite[][12]{e}
                ^                          ^                 ^  ^                  ^
    `,
    keys: [
      { key: 'a', locator: '59' },
      { key: 'b', prefix: 'see', locator: '59--63' },
      { key: 'c', prefix: 'e.g.' },
      { key: 'd' },
      { key: 'e', locator: '12' },
    ],
  },
  {
    name: 'notes with braces and brackets inside',
    language: 'latex',
    source: String.raw`
      \citep[\textit{high [x] dimensionality}, see][p.~{3]}]{a}
                                                             ^
    `,
    keys: [{ key: 'a', prefix: String.raw`\textit{high [x] dimensionality}, see`, locator: 'p.~{3]}' }],
  },
  {
    name: 'keys separated by commas and spaces, split over lines, with comments',
    language: 'latex',
    source: String.raw`
      \cite{knuth:ct:c, aristotle:physics,
            ^^^^^^^^^^  ^^^^^^^^^^^^^^^^^
        knuth:ct:b,% a comment {with braces}
        ^^^^^^^^^^
        % \cite{commented}
                !!!!!!!!!
        aristotle:poetics,}
        ^^^^^^^^^^^^^^^^^
    `,
    citations: [
      {
        text: String.raw`\cite{knuth:ct:c, aristotle:physics,
  knuth:ct:b,% a comment {with braces}
  % \cite{commented}
  aristotle:poetics,}`,
        narrative: false,
        command: 'cite',
      },
    ],
  },
  {
    name: 'cite everything',
    language: 'latex',
    source: String.raw`
      \nocite{*}
              ^
    `,
    keys: [{ key: '*' }],
  },
  {
    name: 'multi-cite commands with global and per-key notes',
    language: 'latex',
    source: String.raw`
      \cites(see)(and others)[p. 3]{k1}[cf.][ch. 2]{k2,k3} text \parencites{a}{b} \textcites[4]{c}[5]{d} [sic]
                                    ^^              ^^ ^^                   ^  ^                ^     ^
    `,
    keys: [
      { key: 'k1', prefix: 'see', locator: 'p. 3' },
      { key: 'k2', prefix: 'cf.' },
      { key: 'k3', locator: 'ch. 2 and others' },
      { key: 'a' },
      { key: 'b' },
      { key: 'c', locator: '4' },
      { key: 'd', locator: '5' },
    ],
    citations: [
      { text: String.raw`\cites(see)(and others)[p. 3]{k1}[cf.][ch. 2]{k2,k3}`, narrative: false, command: 'cites' },
      { text: String.raw`\parencites{a}{b}`, narrative: false, command: 'parencites' },
      { text: String.raw`\textcites[4]{c}[5]{d}`, narrative: true, command: 'textcites' },
    ],
  },
  {
    name: 'macro names in braces are not citations',
    language: 'latex',
    source: String.raw`
      \subsection*{\cmd{cite} and \cmd{parencite*} examples} \texttt{\textbackslash cite\{key\}}
                        !!!!           !!!!!!!!!!
    `,
    citations: [],
  },
  {
    name: 'commented-out and verbatim citations are not citations',
    language: 'latex',
    source: String.raw`
      % By default, the \autocite{x} command works like \parencite.
                                  !
      Costs 5\% \cite{real}
                      ^^^^
      \begin{verbatim}
      \cite{shown}
            !!!!!
      \end{verbatim}
    `,
  },
  {
    name: 'definitions, parameters, unknown commands and a line break before "cite" are not citations',
    language: 'latex',
    source: String.raw`
      \newcommand{\mycite}[1]{\citep{#1}} \let\cite\relax \citeNothing{a} \cite without braces \\cite{b}
                                     !!                                !                              !
    `,
    citations: [],
  },
  {
    name: 'a paragraph break ends the arguments',
    language: 'latex',
    source: String.raw`
      \cite[see]

      {notakey} and \cite{a
                          !

      ,b}
    `,
    citations: [],
  },
]);

run([
  {
    name: 'references with and without a supplement',
    language: 'typst',
    source: `
      As @smith2019 shows, and @doe:99.x-y[p. 4]. Also @end.
          ^^^^^^^^^             ^^^^^^^^^^              ^^^
    `,
    citations: [
      { text: '@smith2019', narrative: false },
      { text: '@doe:99.x-y[p. 4]', narrative: false },
      { text: '@end', narrative: false },
    ],
    keys: [{ key: 'smith2019' }, { key: 'doe:99.x-y', locator: 'p. 4' }, { key: 'end' }],
  },
  {
    name: 'cite calls',
    language: 'typst',
    source: `
      #cite(<a>) and #cite(<b>, supplement: [p. 4]) and #cite(label("c d"), form: "prose") #cite("old")
             ^              ^                                        ^^^                          ^^^
    `,
    citations: [
      { text: '#cite(<a>)', narrative: false },
      { text: '#cite(<b>, supplement: [p. 4])', narrative: false },
      { text: '#cite(label("c d"), form: "prose")', narrative: true },
      { text: '#cite("old")', narrative: false },
    ],
    keys: [{ key: 'a' }, { key: 'b', locator: 'p. 4' }, { key: 'c d' }, { key: 'old' }],
  },
  {
    name: 'raw text, comments and labels are not citations',
    language: 'typst',
    source: `
      Code \`@decorator\` and // @commented
             !!!!!!!!!          !!!!!!!!!
      \`\`\`py
      @app.route
       !!!!!!!!!
      \`\`\`
      /* outer /* inner @x */ still @y */ <fig:z> @real and mail@example.org
                         !           !     !!!!!   ^^^^          !!!!!!!!!!!
      Visit https://example.org/@user.
                                 !!!!
    `,
  },
  {
    name: 'escaped at signs',
    language: 'typst',
    source: `
      Not \\@key but @key.
            !!!      ^^^
    `,
  },
]);

// ---------------------------------------------------------------------------------------------------------------

test('language ids map to the families that cite by key', () => {
  assert.equal(keyedLanguageOf('typst'), 'typst');
  assert.equal(keyedLanguageOf('quarto'), 'markdown');
  assert.equal(keyedLanguageOf('latex'), 'latex');
  assert.equal(keyedLanguageOf('restructuredtext'), 'restructuredtext');
});

test('a masked text of the wrong length falls back to the text', () => {
  const found = findKeyedCitations('See [@a].', '', 'markdown');
  assert.deepEqual(found.map((c) => c.keys[0].key), ['a']);
});

const hostileInputs: [string, string][] = [
  ['100,000 at signs', '@'.repeat(100_000)],
  ['100,000 opening brackets', '['.repeat(100_000)],
  ['100,000 unclosed cite commands', '\\cite{'.repeat(100_000)],
  ['100,000 unclosed optional arguments', '\\cite['.repeat(100_000)],
  ['100,000 unclosed multi-cite notes', '\\cites('.repeat(100_000)],
  ['100,000 unclosed cite calls', '#cite('.repeat(100_000)],
  ['unclosed braces', '{'.repeat(50_000) + '\\cite{a' + '}'.repeat(10)],
  ['alternating backticks', '`'.repeat(3) + ' x `` '.repeat(30_000)],
  ['nested brackets', '[['.repeat(50_000) + '@a' + ']]'.repeat(50_000)],
  ['a 5 MB line of words', 'word '.repeat(1_000_000)],
  ['a 5 MB key', '@' + 'k'.repeat(5_000_000)],
];

for (const [name, input] of hostileInputs) {
  test(`hostile input finishes: ${name}`, () => {
    for (const language of ['markdown', 'latex', 'typst', 'plaintext'] as const) {
      const found = scan(input, language);
      assert.ok(Array.isArray(found));
      for (const citation of found) assert.ok(citation.keys.length > 0);
    }
  });
}

test('hostile input gives sane results', () => {
  assert.equal(scan('@'.repeat(100_000), 'markdown').length, 0);
  assert.equal(scan('['.repeat(100_000), 'markdown').length, 0);
  assert.equal(scan('\\cite{'.repeat(100_000), 'latex').length, 0);
  assert.equal(scan('[@a] '.repeat(20_000), 'markdown').length, 20_000);
  assert.equal(scan('\\cite{a} '.repeat(20_000), 'latex').length, 20_000);
  assert.equal(scan('@a '.repeat(20_000), 'typst').length, 20_000);
  const longLine = 'word '.repeat(1_000_000) + '[@end]';
  assert.deepEqual(scan(longLine, 'markdown').map((c) => c.keys[0].key), ['end']);
  assert.deepEqual(scan('[['.repeat(1000) + '@a' + ']]'.repeat(1000), 'markdown').map((c) => c.keys[0].key), ['a']);
});

// ---------------------------------------------------------------------------------------------------------------
// Real documents, when the corpus is present next to the repository.

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const skip = existsSync(corpus) ? false : 'the corpus of real documents is not present';

function readCorpus(name: string): string {
  return readFileSync(path.join(corpus, name), 'utf8');
}

/** Keys of a BibTeX file, read as "{key," after an entry type. */
function bibKeys(...names: string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) for (const m of readCorpus(name).matchAll(/@\w+\s*\{\s*([^,\s]+)\s*,/g)) keys.add(m[1]);
  return keys;
}

function allKeys(citations: KeyedCitation[]): string[] {
  return citations.flatMap((c) => c.keys.map((k) => k.key));
}

test('a Quarto manuscript: groups, narrative keys, no cross-references or e-mail addresses', { skip }, () => {
  const text = readCorpus('ghe-qech-airquality.qmd');
  const citations = scan(text, 'markdown');
  const keys = allKeys(citations);
  assert.equal(citations.filter((c) => !c.narrative && text[c.span.start] === '[').length, 26);
  assert.equal(keys.length, 58);
  assert.equal(new Set(keys).size, 51);
  assert.deepEqual(keys.filter((k) => /^(fig|tbl)-/.test(k)), []);
  const known = bibKeys('man-qechairquality.bib', 'packages.bib');
  assert.deepEqual(keys.filter((k) => !known.has(k)), []);
  for (const citation of citations) {
    for (const key of citation.keys) assert.equal(text.slice(key.span.start, key.span.end), key.key);
  }
});

test('a natbib manuscript: 89 commands, 100 keys, 81 distinct, all in its .bib', { skip }, () => {
  const text = readCorpus('jonjup-multivariate-methods.tex');
  const citations = scan(text, 'latex');
  const keys = allKeys(citations);
  assert.equal(citations.length, 89);
  assert.equal(keys.length, 100);
  assert.equal(new Set(keys).size, 81);
  const known = bibKeys('jonjup-multivariate-methods.bib');
  assert.deepEqual(keys.filter((k) => !known.has(k)), []);
  const copula = citations.find((c) => c.keys[0].key === 'hofert2018elements');
  assert.deepEqual(copula && describeKey(copula.keys[0]), { key: 'hofert2018elements', prefix: 'see', locator: 'for an introduction to copula models' });
});

test('the biblatex authoryear example: every command form, no macro names or commented commands', { skip }, () => {
  const text = readCorpus('biblatex-50-style-authoryear.tex');
  const citations = scan(text, 'latex');
  const commands = citations.map((c) => c.command);
  assert.equal(citations.length, 24);
  assert.equal(allKeys(citations).length, 30);
  for (const command of ['cite', 'parencite', 'parencite*', 'textcite', 'footcite', 'autocite', 'autocite*', 'citeauthor', 'nocite']) {
    assert.ok(commands.includes(command), command);
  }
  assert.deepEqual(citations[citations.length - 1].keys.map((k) => k.key), ['*']);
  const known = bibKeys('biblatex-examples.bib');
  assert.deepEqual(allKeys(citations).filter((k) => k !== '*' && !known.has(k)), []);
  for (const citation of citations) assert.notEqual(text[citation.span.start - 1], '{', 'not a macro name in braces');
});
