// MLA 9 author-page citations: found in the prose, matched against a Works Cited list without years, and checked by
// mla-missing and mla-uncited; only under the MLA style.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { hover } from '../../server/src/core/features/hover';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

const WORKS_CITED = dedent(`
  ## Works Cited

  Halbwachs, Maurice. *On Collective Memory*. University of Chicago Press, 1992.

  Morrison, Toni. *Beloved*. Knopf, 1987.

  Morrison, Toni. *Jazz*. Knopf, 1992.

  Oke, Ada, et al. "A Study of Things." *Journal of Stuff*, vol. 3, no. 2, 2019, pp. 1–20.

  Qerimi, Arta. *Memory*. Penguin.

  Smith, John, and Mary Jones. *Title Here*. Publisher, 2019.
`);

function mlaDiagnostics(text: string) {
  return diagnose(analyse(text, 'markdown', 1), defaultDiagnosticSettings, 'mla9').filter((d) => d.code.startsWith('mla-'));
}

test('author-page citations of every form find their entries: nothing is missing or uncited', () => {
  const text = dedent(`
    Memory is social (Halbwachs 23). Others disagree (Smith and Jones 45–47; Oke et al. 12).
    Two works: (Morrison, *Beloved* 23) and (see Morrison, *Jazz* 4). Qerimi argues this (23).
  `) + '\n' + WORKS_CITED;
  assert.deepEqual(mlaDiagnostics(text), []);
});

test('a page alone after several named authors cites the work of the first of them', () => {
  const text = dedent(`
    As Smith, Jones, and Oke show, memory is social (23).
  `) + '\n' + WORKS_CITED;
  const pageOnly = analyse(text, 'markdown', 1).facts.authorPageCitations?.flatMap((c) => c.items);
  assert.deepEqual(pageOnly?.map((work) => [work.authors, work.pages]), [[['Smith'], '23']]);
  assert.ok(!mlaDiagnostics(text).some((d) => d.code === 'mla-uncited' && d.message.startsWith('Smith,')));
});

test('mla-missing: an author without an entry, with the nearest surname; a title no work of the author has', () => {
  const f = parseFixture(dedent(`
    Memory (Halbwach 23), and (Morrison, *Paradise* 3).
            ^^^^^^^^^^^        ^^^^^^^^^^^^^^^^^^^^^^
  `) + '\n' + WORKS_CITED);
  const missing = mlaDiagnostics(f.text).filter((d) => d.code === 'mla-missing');
  assert.deepEqual(missing.map((d) => slice(f.text, d.span)), f.ranges.map((r) => slice(f.text, r)));
  assert.equal(missing[0].severity, 'error');
  assert.match(missing[0].message, /Did you mean Halbwachs/);
  assert.match(missing[1].message, /Did you mean Morrison/);
});

test('mla-uncited: an entry no author-page citation cites', () => {
  const text = 'Memory is social (Halbwachs 23).\n\n' + WORKS_CITED;
  const uncited = mlaDiagnostics(text).filter((d) => d.code === 'mla-uncited');
  assert.equal(uncited.length, 5);
  assert.ok(uncited.every((d) => d.severity === 'warning'));
  assert.ok(!uncited.some((d) => d.message.startsWith('Halbwachs')));
});

test('near misses: figures, tables, dates, acronyms and numbers without an author are not citations', () => {
  const text = 'See (Figure 3), (Table 2), (March 12), (NASA 4), (Chapter 2). Steps (1) and (2) follow.\n\n' + WORKS_CITED;
  const facts = analyse(text, 'markdown', 1).facts;
  assert.deepEqual(facts.authorPageCitations, []);
  assert.equal(mlaDiagnostics(text).filter((d) => d.code === 'mla-missing').length, 0);
});

test('author-page rules run only in MLA, and author-date diagnostics do not run there', () => {
  const text = 'Memory (Halbwach 23).\n\n' + WORKS_CITED;
  const apa = diagnose(analyse(text, 'markdown', 1), defaultDiagnosticSettings, 'apa7');
  assert.ok(!apa.some((d) => d.code.startsWith('mla-')));
  const mla = diagnose(analyse(text, 'markdown', 1), defaultDiagnosticSettings, 'mla9');
  assert.ok(!mla.some((d) => d.code === 'uncited-entry' || d.code === 'missing-entry'));
  assert.deepEqual(mlaDiagnostics(text).length, 7);
  const off = diagnose(analyse(text, 'markdown', 1), { ...defaultDiagnosticSettings, mlaMissing: 'off', mlaUncited: 'off' }, 'mla9');
  assert.ok(!off.some((d) => d.code.startsWith('mla-')));
});

test('hover on an author-page citation shows its entry, or the nearest one when it has none', () => {
  const f = parseFixture(dedent(`
    Memory (Halbwachs 23), (Morrison, *Jazz* 4) and (Halbwach 2).
              |                  |                      |
  `) + '\n' + WORKS_CITED);
  const analysis = analyse(f.text, 'markdown', 1);
  const [cited, titled, missing] = f.cursors.map((offset) => hover(analysis, offset, undefined, 'mla9')!.markdown);
  assert.match(cited, /On Collective Memory/);
  assert.match(titled, /Jazz/);
  assert.doesNotMatch(titled, /Beloved/);
  assert.match(missing, /No Works Cited entry for Halbwach[\s\S]*On Collective Memory/);
});

test('under MLA an entry without a year is no unparsed entry', () => {
  const text = 'As argued (Halbwachs 23).\n\n## Works Cited\n\nHalbwachs, Maurice. *On Collective Memory*. University of Chicago Press.\n';
  const analysis = analyse(text, 'markdown', 1);
  assert.deepEqual(diagnose(analysis, defaultDiagnosticSettings, 'mla9').filter((d) => d.code === 'unparsed-entry'), []);
  assert.ok(diagnose(analysis, defaultDiagnosticSettings, 'apa7').some((d) => d.code === 'unparsed-entry'), 'APA still wants a date');
});
