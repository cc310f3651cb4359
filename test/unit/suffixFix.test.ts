// The a/b suffix fixes: entries with the same authors and year get suffixes in title order; an ambiguous citation gets
// one fix per entry it may mean. Each fix is applied and the document analysed again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { quickFixes } from '../../server/src/core/features/codeActions';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { dedent } from '../support/fixture';
import { applyEdits as apply } from '../support/applyEdits';

const DOCUMENT = dedent(`
  Beta came first (Smith, 2019), as Oke (1982) said.

  ## References

  Oke, T. R. (1982). The energetic basis. *Journal*, 108, 1–24.

  Smith, J. (2019). The beta study. *Journal*, 3, 1–9.

  Smith, J. (2019). An alpha study. *Journal*, 4, 10–19.
`);

const ambiguities = (text: string) => diagnose(analyse(text, 'markdown', 2), defaultDiagnosticSettings).filter((d) => d.code === 'ambiguous-entry');

test('the entries get "a" and "b" in title order, leaving out "An" and "The", and nothing else changes', () => {
  const analysis = analyse(DOCUMENT, 'markdown', 1);
  const at = DOCUMENT.indexOf('Smith, J. (2019). The beta');
  const fix = quickFixes(analysis, { start: at, end: at }).find((f) => f.code === 'ambiguous-entry');
  assert.ok(fix);
  assert.equal(fix.title, 'Add a/b suffixes to the 2 entries Smith (2019), in title order');
  const after = apply(DOCUMENT, fix.edits);
  assert.equal(after, DOCUMENT.replace('(2019). The beta', '(2019b). The beta').replace('(2019). An alpha', '(2019a). An alpha'));
  // The citation still names both: that is left to its own fixes.
  assert.deepEqual(ambiguities(after).map((d) => after.slice(d.span.start, d.span.end)), ['Smith, 2019']);
});

test('an ambiguous citation offers each entry; choosing one suffixes the entries and the citation', () => {
  const analysis = analyse(DOCUMENT, 'markdown', 1);
  const at = DOCUMENT.indexOf('Smith, 2019');
  const fixes = quickFixes(analysis, { start: at, end: at }).filter((f) => f.code === 'ambiguous-entry');
  assert.deepEqual(fixes.map((f) => f.title), ['Cite Smith, 2019a: An alpha study', 'Cite Smith, 2019b: The beta study']);
  const after = apply(DOCUMENT, fixes[1].edits);
  assert.equal(after, DOCUMENT.replace('(Smith, 2019)', '(Smith, 2019b)').replace('(2019). The beta', '(2019b). The beta').replace('(2019). An alpha', '(2019a). An alpha'));
  assert.deepEqual(ambiguities(after), []);
});

test('once the entries have suffixes, a citation without one only gets its date changed', () => {
  const suffixed = DOCUMENT.replace('(2019). The beta', '(2019b). The beta').replace('(2019). An alpha', '(2019a). An alpha');
  const at = suffixed.indexOf('Smith, 2019');
  const fixes = quickFixes(analyse(suffixed, 'markdown', 1), { start: at, end: at }).filter((f) => f.code === 'ambiguous-entry');
  const chosen = fixes.find((f) => f.title.startsWith('Cite Smith, 2019a'));
  assert.ok(chosen, fixes.map((f) => f.title).join(' | '));
  const after = apply(suffixed, chosen.edits);
  assert.equal(after, suffixed.replace('(Smith, 2019)', '(Smith, 2019a)'));
  assert.deepEqual(ambiguities(after), []);
});
