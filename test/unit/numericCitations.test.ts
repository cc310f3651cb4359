// Numeric citations ("[1]", "[2, 5]", "[1–3]", "^1,2^") and numbered reference lists: what is found and what must not
// be, how numbers meet entries, the numeric diagnostics, hover, and the IEEE renumbering fix.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { hover } from '../../server/src/core/features/hover';
import { complete } from '../../server/src/core/features/completion';
import { numericQuickFixes } from '../../server/src/core/style/numericRules';
import { citationStyle, type NumericStyle } from '../../server/src/core/style/citationStyles';
import { findNumericCitations } from '../../server/src/core/syntax/numericCitations';
import { maskNonProse } from '../../server/src/core/syntax/mask';
import type { TextEdit } from '../../server/src/core/features/codeActions';
import { defaultDiagnosticSettings, type CitationStyleId } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

function numbersIn(text: string) {
  return findNumericCitations(text, maskNonProse(text, 'markdown'), []);
}

/** Checks that the numbers and ranges found are exactly the ranges marked '^' and none is marked '!'. */
function expectItems(source: string) {
  const f = parseFixture(dedent(source));
  const items = numbersIn(f.text).flatMap((c) => c.items);
  assert.deepEqual(items.map((i) => slice(f.text, i.span)), f.ranges.map((r) => slice(f.text, r)));
  for (const negative of f.negatives) {
    assert.ok(!numbersIn(f.text).some((c) => c.span.start < negative.end && negative.start < c.span.end), `nothing at "${slice(f.text, negative)}"`);
  }
  return items;
}

test('each bracketed form is found, with each number or range and its span', () => {
  const items = expectItems(`
    As shown [1], and [2, 5], and [2,5,7], and [1–3], and [4-6, 9], and [1]-[3], and [1], [3], and [4, p. 7].
              ^        ^  ^        ^ ^ ^        ^^^        ^^^  ^        ^^^^^        ^    ^        ^
  `);
  assert.deepEqual(items.map((i) => [i.first, i.last]), [[1, 1], [2, 2], [5, 5], [2, 2], [5, 5], [7, 7], [1, 3], [4, 6], [9, 9], [1, 3], [1, 1], [3, 3], [4, 4]]);
});

test('Markdown superscripts are found', () => {
  const items = expectItems(`
    Warming^1^ and cooling^1,2^ and drift^1-3^.
            ^              ^ ^            ^^^
  `);
  assert.deepEqual(items.map((i) => [i.first, i.last]), [[1, 1], [1, 1], [2, 2], [1, 3]]);
  assert.ok(numbersIn('Warming^1^.').every((c) => c.superscript));
});

test('a superscript after a unit or a variable is a power, not a citation', () => {
  const text = 'Air held 40 µg/m^3^ of PM over 12 km^2^, where x^2^ grows; see Smith et al^1^ and the trees^2^.';
  const found = numbersIn(text).map((c) => slice(text, c.span));
  assert.deepEqual(found, ['^1^', '^2^']);
  // Short words of a claim are cited all the same.
  const claims = 'Trained on AI^1^ data, as shown by Wu^2^, and in the US^3^.';
  assert.deepEqual(numbersIn(claims).map((c) => slice(claims, c.span)), ['^1^', '^2^', '^3^']);
});

test('links, footnotes, task boxes, indexes, years, powers and code are no numeric citations', () => {
  expectItems(`
    A link [1](https://example.org) and a footnote[^1] and [^2] and a reference link [text][1] and [1][ref].
           !!!                                     !!!!     !!!!                           !!!     !!!
    An index a[1], a wiki link [[2]], a span [3]{.x}, a year [2020], a power 10^3^, code \`[4]\`, a range [5-2].
              !!!               !!!!!          !!!             !!!!!!          !!!!         !!!           !!!!!
    - [ ] a task box and [x] a done one.
      !!!                !!!
    [1]: https://example.org
    !!!
  `);
});

const NUMBERED = dedent(`
  ## References

  [1] T. R. Oke, "The energetic basis of the urban heat island," *Q. J. R. Meteorol. Soc.*, vol. 108, pp. 1–24, 1982.

  [2] M. Santamouris, "Analyzing the heat island magnitude," *Sci. Total Environ.*, vol. 512, pp. 582–598, 2015.

  [3] Q. Qerimi, "Controlling lethal autonomous weapons systems," *Comput. Law Secur. Rev.*, 2023, see [2].
`);

function analysed(prose: string, list = NUMBERED, style: CitationStyleId = 'ieee') {
  const f = parseFixture(dedent(prose));
  const text = `${f.text}\n\n${list}\n`;
  const analysis = analyse(text, 'markdown', 1);
  return { ...f, text, analysis, diagnostics: diagnose(analysis, defaultDiagnosticSettings, style) };
}

test('the numbers that open entries are read from "[1]", "1." and "(1)" markers, and entries are never scanned for citations', () => {
  const bracketed = analysed('Cities [1], [2], [3].');
  const numbered = bracketed.analysis.facts.numberedEntries!;
  assert.deepEqual(numbered.map((e) => [e.number, slice(bracketed.text, e.markerSpan), slice(bracketed.text, e.numberSpan)]), [[1, '[1]', '1'], [2, '[2]', '2'], [3, '[3]', '3']]);
  // Three citations in the prose; the markers and the "[2]" inside entry 3 are not citations.
  assert.equal(bracketed.analysis.facts.numericCitations!.length, 3);
  for (const list of [NUMBERED.replace(/\[(\d)\]/g, '$1.'), NUMBERED.replace(/\[(\d)\] /g, '($1) ')]) {
    const other = analysed('Cities [1], [2], [3].', list);
    assert.deepEqual(other.analysis.facts.numberedEntries!.map((e) => e.number), [1, 2, 3]);
    assert.deepEqual(other.diagnostics.map((d) => d.code), []);
  }
});

test('numeric-missing reports a number without an entry, at the number or range', () => {
  const f = analysed(`
    Cities [1, 4] and [2–5] and [3].
               ^       ^^^
  `);
  const missing = f.diagnostics.filter((d) => d.code === 'numeric-missing');
  assert.deepEqual(missing.map((d) => slice(f.text, d.span)), f.ranges.map((r) => slice(f.text, r)));
  assert.equal(missing[0].severity, 'error');
  assert.match(missing[1].message, /no entries 4, 5/);
});

test('numeric-uncited reports a numbered entry never cited, at its marker', () => {
  const f = analysed('Cities [1] and [3].');
  const uncited = f.diagnostics.filter((d) => d.code === 'numeric-uncited');
  assert.deepEqual(uncited.map((d) => [slice(f.text, d.span), d.severity, d.message]), [['[2]', 'warning', 'Entry 2 is never cited.']]);
});

test('ieee-order flags the first citation that jumps ahead; Vancouver does not check order', () => {
  const f = analysed(`
    Cities [1] and [3] and [2] and [3].
                   ^^^
  `);
  const order = f.diagnostics.filter((d) => d.code === 'ieee-order');
  assert.deepEqual(order.map((d) => slice(f.text, d.span)), ['[3]']);
  assert.equal(order[0].message, '[3] is cited before [2]: IEEE numbers entries in the order they are first cited.');
  assert.deepEqual(analysed('Cities [1] and [3] and [2].', NUMBERED, 'vancouver').diagnostics.map((d) => d.code), []);
});

test('ieee-order near misses: in order, several numbers in one citation, repeated citations, an entry never cited', () => {
  for (const prose of ['Cities [1] and [3].', 'Cities [1] and [2] and [3].', 'Cities [2, 1] and [3].', 'Cities [1–3] and [1].', 'Cities [1], [2] then [1], [3].']) {
    assert.deepEqual(analysed(prose).diagnostics.filter((d) => d.code === 'ieee-order'), [], prose);
  }
});

test('in an author-date style "[1]" is no citation and nothing numeric is reported', () => {
  for (const style of ['apa7', 'harvard'] as const) {
    const codes = analysed('Cities [7] and [3].', NUMBERED, style).diagnostics.map((d) => d.code);
    assert.ok(!codes.some((c) => c.startsWith('numeric') || c === 'ieee-order'), style);
  }
});

test('a numeric document without a numbered list reports no numbers as missing', () => {
  const f = analysed('Cities [1] and [2].', '## References\n\nOke, T. R. (1982). The energetic basis. *Quarterly Journal*, 108, 1–24.');
  assert.deepEqual(f.diagnostics.filter((d) => d.code.startsWith('numeric')).map((d) => d.code), []);
});

test('the front matter csl turns numeric checking on even when the setting is APA 7', () => {
  const f = analysed('---\ncsl: ieee.csl\n---\nCities [1] and [3].', NUMBERED, 'apa7');
  const apaCodes = analysed('Cities [1] and [3].', NUMBERED, 'apa7').diagnostics.map((d) => d.code);
  assert.ok(apaCodes.includes('uncited-entry') && !apaCodes.includes('numeric-uncited'));
  assert.deepEqual(f.diagnostics.map((d) => d.code), ['numeric-uncited']);
});

test('hover on a cited number shows its entry, on a range every entry, and on a number without an entry says so', () => {
  const f = analysed(`
    Cities [2] and [1–3] and [9].
            |        |        |
  `);
  const one = hover(f.analysis, f.cursors[0], undefined, 'ieee')!;
  assert.match(one.markdown, /M\. Santamouris/);
  assert.equal(slice(f.text, one.span), '2');
  const range = hover(f.analysis, f.cursors[1], undefined, 'ieee')!;
  assert.equal(slice(f.text, range.span), '1–3');
  assert.match(range.markdown, /Oke[\s\S]*Santamouris[\s\S]*Qerimi/);
  assert.equal(hover(f.analysis, f.cursors[2], undefined, 'ieee')!.markdown, 'The reference list has no entry 9.');
  assert.equal(hover(f.analysis, f.cursors[0], undefined, 'apa7'), undefined);
  assert.equal(hover(f.analysis, f.text.indexOf('M. Santamouris'), undefined, 'ieee')!.markdown, 'Cited 2 times in this document.');
});

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

test('the ieee-order fix compresses a renumbered run into a range', () => {
  const f = analysed('Cities [3] and [1]-[2].');
  const order = f.diagnostics.find((d) => d.code === 'ieee-order')!;
  const [fix] = numericQuickFixes(f.analysis, order.span, citationStyle('ieee') as NumericStyle);
  const fixed = apply(f.text, fix.edits);
  assert.match(fixed, /^Cities \[1\] and \[2\]-\[3\]\.|^Cities \[1\] and \[2, 3\]\./);
  const g = analysed('Cities [4] and [1–3].', NUMBERED + '\n\n[4] D. Four, "Fourth," 2004.');
  const [rangeFix] = numericQuickFixes(g.analysis, g.diagnostics.find((d) => d.code === 'ieee-order')!.span, citationStyle('ieee') as NumericStyle);
  assert.match(apply(g.text, rangeFix.edits), /^Cities \[1\] and \[2–4\]\.\n\n## References\n\n\[1\] D\. Four/);
});

test('the ieee-order fix renumbers citations and list together, and leaves nothing to report', () => {
  const f = analysed('Cities [1] and [3] and [2].\n');
  const list = dedent(`
    ## References

    [1] A. One, "First," 2001.
    [2] B. Two, "Second," 2002.
    [3] C. Three, "Third," 2003.
    [4] D. Four, "Fourth," 2004.
  `);
  const g = analysed('Cities [3] and [1, 3] and [2]-[3] and [4, p. 7].\n', list);
  const order = g.diagnostics.find((d) => d.code === 'ieee-order')!;
  const [fix] = numericQuickFixes(g.analysis, order.span, citationStyle('ieee') as NumericStyle);
  const fixed = apply(g.text, fix.edits);
  assert.equal(fixed, [
    'Cities [1] and [1, 2] and [1, 3] and [4, p. 7].',
    '',
    '## References',
    '',
    '[1] C. Three, "Third," 2003.',
    '[2] A. One, "First," 2001.',
    '[3] B. Two, "Second," 2002.',
    '[4] D. Four, "Fourth," 2004.',
    '',
  ].join('\n'));
  assert.deepEqual(diagnose(analyse(fixed, 'markdown', 2), defaultDiagnosticSettings, 'ieee').map((d) => d.code), []);
  assert.ok(f.diagnostics.some((d) => d.code === 'ieee-order'));
});

test('no renumbering fix when a cited number has no entry', () => {
  const f = analysed('Cities [3] and [9] and [1] and [2].');
  const order = f.diagnostics.find((d) => d.code === 'ieee-order')!;
  assert.deepEqual(numericQuickFixes(f.analysis, order.span, citationStyle('ieee') as NumericStyle), []);
});

test('in a numeric style, completion after "[" or ", " offers the numbered entries by number', () => {
  const text = 'Cities are warm [1, \n\n## References\n\n1. Oke, T. R. (1982). The energetic basis of the urban heat island. *QJRMS*, 108, 1–24.\n2. Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285.\n';
  const analysis = analyse(text, 'markdown', 1);
  const offset = text.indexOf('[1, ') + 4;
  const result = complete(analysis, offset, 'ieee')!;
  assert.deepEqual(result.items.map((i) => [i.label, i.insertText]), [
    ['[1] Oke (1982)', '1'],
    ['[2] Slovic (1987)', '2'],
  ]);
  assert.deepEqual(result.replace, { start: offset, end: offset });
  assert.notDeepEqual(complete(analysis, offset, 'apa7')?.items.map((i) => i.insertText), ['1', '2'], 'author-date styles do not cite by number');
});
