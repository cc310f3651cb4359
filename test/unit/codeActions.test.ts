// Quick fixes, references and the outline, on small documents with cursors marked under the text. Each quick fix is
// applied and the document analysed again: the problem it fixes must be gone and nothing else may change.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { quickFixes, type TextEdit } from '../../server/src/core/features/codeActions';
import { references } from '../../server/src/core/features/references';
import { documentSymbols } from '../../server/src/core/features/documentSymbols';
import { entryOverview } from '../../server/src/core/features/entryOverview';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { mergeBibliography } from '../../server/src/core/index/bibliography';
import { defaultDiagnosticSettings, type ReferenceEntry } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

const LIST = dedent(`
  ## References

  Müller, A., & Tran, H. (2012). Two authors. *Journal*, 3, 1–9.

  Slovic, P. (1987). Perception of risk. *Science*, 236(4799), 280–285.

  Zhao, L. (2014). Never cited. *Nature*, 511, 216–219.
`);

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

function fixAt(prose: string, title?: string) {
  const f = parseFixture(dedent(prose));
  const text = `${f.text}\n\n${LIST}\n`;
  const analysis = analyse(text, 'markdown', 1);
  const fixes = quickFixes(analysis, { start: f.cursors[0], end: f.cursors[0] });
  const fix = title ? fixes.find((x) => x.title === title) : fixes[0];
  assert.ok(fix, `a fix is offered; got ${fixes.map((x) => x.title).join(' | ')}`);
  const after = apply(text, fix.edits);
  return { text, after, fix, fixes, diagnosticsAfter: diagnose(analyse(after, 'markdown', 2), defaultDiagnosticSettings) };
}

test('a wrong year is changed to the entry’s year, and only the year changes', () => {
  const { text, after, fix, diagnosticsAfter } = fixAt(`
    Risk is felt (see Slovic, 1986, p. 4).
                          |
  `);
  assert.equal(fix.title, 'Change to Slovic, 1987');
  assert.equal(after, text.replace('Slovic, 1986, p. 4', 'Slovic, 1987, p. 4'));
  assert.deepEqual(diagnosticsAfter.filter((d) => d.code === 'missing-entry'), []);
});

test('a misspelt narrative author is corrected in narrative form, a possessive stays possessive', () => {
  const narrative = fixAt(`
    As Slovik (1987) showed, risk is felt.
        |
  `);
  assert.equal(narrative.after, narrative.text.replace('Slovik (1987)', 'Slovic (1987)'));
  const possessive = fixAt(`
    In Mueller and Tran's (2012) study, risk is felt.
       |
  `);
  assert.equal(possessive.after, possessive.text.replace("Mueller and Tran's (2012)", "Müller and Tran's (2012)"));
});

test('a missing co-author is added', () => {
  const { after, text } = fixAt(`
    Two authors wrote it (Müller, 2012).
                           |
  `);
  assert.equal(after, text.replace('(Müller, 2012)', '(Müller & Tran, 2012)'));
});

test('an uncited entry can be removed with its blank line', () => {
  const text = `Risk is felt (Slovic, 1987), as Müller and Tran (2012) say.\n\n${LIST}\n`;
  const analysis = analyse(text, 'markdown', 1);
  const at = text.indexOf('Zhao, L.');
  const [fix] = quickFixes(analysis, { start: at, end: at });
  assert.equal(fix.title, 'Remove this entry, which nothing cites');
  const after = apply(text, fix.edits);
  assert.equal(after, text.replace('Zhao, L. (2014). Never cited. *Nature*, 511, 216–219.\n', ''));
  assert.deepEqual(diagnose(analyse(after, 'markdown', 2), defaultDiagnosticSettings), []);
});

test('an unknown key is changed to the nearest key', () => {
  const entry: ReferenceEntry = { id: 'file:///r.bib#oke1982', source: 'file:///r.bib', key: 'oke1982', span: { start: 0, end: 5 }, text: '', authors: [{ family: 'Oke' }], date: { text: '1982', year: 1982 }, problems: [] };
  const bibliography = mergeBibliography([{ source: 'file:///r.bib', version: '1', entries: [entry], problems: [] }]);
  const text = 'Cities are warmer [@oke1928].';
  const [fix] = quickFixes(analyse(text, 'markdown', 1, bibliography), { start: 22, end: 22 });
  assert.equal(fix.title, 'Change to "oke1982"');
  assert.equal(apply(text, fix.edits), 'Cities are warmer [@oke1982].');
});

test('find references from an entry or a citation lists every citation of the entry', () => {
  const f = parseFixture(dedent(`
    Risk is felt (Slovic, 1987). Later, Slovic (1987) returned, as did (Müller & Tran, 2012).
                  ^^^^^^^^^^^^          ^^^^^^^^^^^^^
                   |
  `));
  const text = `${f.text}\n\n${LIST}\n`;
  const analysis = analyse(text, 'markdown', 1);
  assert.deepEqual(references(analysis, f.cursors[0]).spans, f.ranges);
  assert.deepEqual(references(analysis, text.indexOf('Slovic, P.')).spans, f.ranges);
});

test('the outline lists the reference list with its entries, uncited ones marked', () => {
  const text = `Risk is felt (Slovic, 1987).\n\n${LIST}\n`;
  const [list] = documentSymbols(analyse(text, 'markdown', 1));
  assert.equal(list.name, 'References');
  assert.deepEqual(list.children!.map((c) => [c.name, c.detail]), [
    ['Müller and Tran (2012)', 'Two authors · not cited'],
    ['Slovic (1987)', 'Perception of risk'],
    ['Zhao (2014)', 'Never cited · not cited'],
  ]);
  assert.equal(slice(text, list.children![1].selection), 'Slovic, P. (1987). Perception of risk. *Science*, 236(4799), 280–285.');
});

test('the overview lists the typed entries in order with their citation counts', () => {
  const text = `Risk is felt (Slovic, 1987), as Slovic (1987) said.\n\n${LIST}\n`;
  const items = entryOverview(analyse(text, 'markdown', 1));
  assert.deepEqual(items.map((i) => [i.label, i.citedCount, i.source]), [
    ['Müller and Tran (2012)', 0, undefined],
    ['Slovic (1987)', 2, undefined],
    ['Zhao (2014)', 0, undefined],
  ]);
  assert.equal(slice(text, items[1].span).startsWith('Slovic, P. (1987).'), true);
});
