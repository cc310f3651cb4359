// Hover, completion and diagnostics computed by the core on small documents, with cursors marked under the text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { hover } from '../../server/src/core/features/hover';
import { complete } from '../../server/src/core/features/completion';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

const REFERENCES = dedent(`
  ## References

  Nguyen, T., & Tran, H. (2020). Two authors. *Journal of Examples*, 3, 1–9.

  Oke, T. R. (1982). The energetic basis of the urban heat island. *Quarterly Journal of the Royal Meteorological Society*, 108(455), 1–24. https://doi.org/10.1002/qj.49710845502

  Qerimi, Q. (2023). Controlling lethal autonomous weapons systems. *Computer Law & Security Review*, 105854.

  Santamouris, M. (2015). Analyzing the heat island magnitude. *Science of the Total Environment*, 512, 582–598.

  Ziter, C. D., Pedersen, E. J., Kucharik, C. J., & Turner, M. G. (2019). Scale-dependent interactions. *PNAS*, 116(15), 7575–7580.
`);

function fixture(prose: string) {
  const marked = parseFixture(dedent(prose));
  const text = `${marked.text}\n\n${REFERENCES}\n`;
  return { ...marked, text, analysis: analyse(text, 'markdown', 1) };
}

test('hover on a work in a multi-work parenthesis shows that work’s entry, with the DOI as a link', () => {
  const f = fixture(`
    Cities are warmer (Oke, 1982; Santamouris, 2015).
                        |         |
                       ^^^^^^^^^
  `);
  const first = hover(f.analysis, f.cursors[0])!;
  assert.equal(slice(f.text, first.span), 'Oke, 1982');
  assert.match(first.markdown, /^Oke, T\. R\. \(1982\)\. The energetic basis/);
  assert.match(first.markdown, /\[doi:10\.1002\/qj\.49710845502\]\(https:\/\/doi\.org\/10\.1002\/qj\.49710845502\)/);
  assert.deepEqual(first.span, f.ranges[0]);
  const second = hover(f.analysis, f.cursors[1])!;
  assert.match(second.markdown, /^Santamouris, M\. \(2015\)/);
});

test('hover on a citation without an entry names the nearest entry', () => {
  const f = fixture(`
    Cities are warmer (Oke, 1983).
                        |
  `);
  const result = hover(f.analysis, f.cursors[0])!;
  assert.match(result.markdown, /^No reference entry for Oke \(1983\)\.\n\nDid you mean Oke, 1982\?/);
});

test('hover on a reference entry says how often it is cited', () => {
  const f = fixture('Cities are warmer (Oke, 1982), as Oke (1982) says.');
  const offset = f.text.indexOf('Oke, T. R.');
  assert.equal(hover(f.analysis, offset)!.markdown, 'Cited 2 times in this document.');
  assert.equal(hover(f.analysis, f.text.indexOf('Nguyen, T.'))!.markdown, 'Not cited in this document.');
});

test('completion after "(" offers every entry in parenthetical form', () => {
  const f = fixture(`
    Autonomous weapons are contested (
                                      |
  `);
  const result = complete(f.analysis, f.cursors[0])!;
  assert.deepEqual(result.items.map((i) => i.label), ['Nguyen & Tran, 2020', 'Oke, 1982', 'Qerimi, 2023', 'Santamouris, 2015', 'Ziter et al., 2019']);
  assert.deepEqual(result.items.map((i) => i.insertText), result.items.map((i) => i.label));
});

test('completion filters by what was typed: author, year or title words', () => {
  const typed = (prose: string) => {
    const f = fixture(prose);
    const result = complete(f.analysis, f.cursors[0])!;
    return { labels: result.items.map((i) => i.label), replaced: slice(f.text, result.replace) };
  };
  assert.deepEqual(typed(`
    contested (Qer
                  |
  `), { labels: ['Qerimi, 2023'], replaced: 'Qer' });
  assert.deepEqual(typed(`
    contested (see Oke, 1982; lethal
                                    |
  `), { labels: ['Qerimi, 2023'], replaced: 'lethal' });
  assert.deepEqual(typed(`
    contested (2019
                   |
  `).labels, ['Ziter et al., 2019']);
});

test('completion in running text writes the narrative form', () => {
  const f = fixture(`
    As Ng
         |
  `);
  const result = complete(f.analysis, f.cursors[0])!;
  const nguyen = result.items.find((i) => i.label === 'Nguyen & Tran, 2020')!;
  assert.equal(nguyen.insertText, 'Nguyen and Tran (2020)');
  assert.equal(slice(f.text, result.replace), 'Ng');
  assert.match(nguyen.documentation ?? "", /Two authors/);
});

test('completion after a narrative author and "(" offers that author’s years', () => {
  const f = fixture(`
    As Ziter et al. (
                     |
  `);
  const result = complete(f.analysis, f.cursors[0])!;
  assert.deepEqual(result.items.map((i) => i.insertText), ['2019']);
});

test('diagnostics: a citation without an entry is an error, an uncited entry a warning', () => {
  const f = fixture(`
    Warmer (Oke, 1982; Slovic, 1986). Nguyen and Tran (2020) agree, and so does Ziter et al. (2019). See also (Qerimi, 2023).
                       ^^^^^^^^^^^^
  `);
  const diagnostics = diagnose(f.analysis, defaultDiagnosticSettings);
  assert.deepEqual(diagnostics.map((d) => [d.severity, d.code, d.message]), [
    ['error', 'missing-entry', 'No reference entry for Slovic (1986).'],
    ['warning', 'uncited-entry', 'Santamouris (2015) is never cited.'],
  ]);
  assert.deepEqual(diagnostics[0].span, f.ranges[0]);
  assert.equal(slice(f.text, diagnostics[1].span).startsWith('Santamouris, M. (2015).'), true);
});

test('severities come from the settings, and "off" silences a rule', () => {
  const f = fixture('Warmer (Slovic, 1986).');
  const diagnostics = diagnose(f.analysis, { ...defaultDiagnosticSettings, missingEntry: 'warning', uncitedEntry: 'off' });
  assert.deepEqual(diagnostics.map((d) => [d.severity, d.code]), [['warning', 'missing-entry']]);
});

test('completion forgives abbreviations and one wrong letter', () => {
  const labels = (prose: string) => {
    const f = fixture(prose);
    return complete(f.analysis, f.cursors[0])!.items.map((i) => i.label);
  };
  assert.deepEqual(labels(`
    contested (Qrm
                  |
  `), ['Qerimi, 2023']);
  assert.deepEqual(labels(`
    contested (Santamoris
                         |
  `), ['Santamouris, 2015']);
  assert.deepEqual(labels(`
    contested (Zyx
                  |
  `), []);
});

test('a capitalised word before "(" that is no author still gets every work', () => {
  const f = fixture(`
    Heat waves in Europe (
                          |
  `);
  const result = complete(f.analysis, f.cursors[0])!;
  assert.equal(result.items.length, 5);
  assert.equal(result.items[0].insertText, 'Nguyen & Tran, 2020');
});

test('completion writes citations in the document’s style: Harvard without the comma, from the setting or from csl:', () => {
  const f = fixture(`
    Weapons are contested (Qer
                              |
  `);
  assert.equal(complete(f.analysis, f.cursors[0], 'harvard')!.items[0].insertText, 'Qerimi 2023');
  assert.equal(complete(f.analysis, f.cursors[0])!.items[0].insertText, 'Qerimi, 2023');
  const front = `---\ncsl: harvard-cite-them-right.csl\n---\n\n${f.text}`;
  const analysis = analyse(front, 'markdown', 1);
  const offset = front.indexOf('(Qer') + 4;
  assert.equal(complete(analysis, offset)!.items[0].insertText, 'Qerimi 2023');
  const narrative = fixture(`
    As Qer
          |
  `);
  assert.equal(complete(narrative.analysis, narrative.cursors[0], 'chicago-author-date')!.items[0].insertText, 'Qerimi (2023)');
});
