// Rewriting a citation between its parenthetical and narrative forms, keeping the date and locator as written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { convertCitationActions } from '../../server/src/core/features/convertCitation';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { dedent } from '../support/fixture';
import { applyEdits } from '../support/applyEdits';

const LIST = dedent(`
  ## References

  Nguyen, A., & Tran, H. (2020). Two authors. *Journal*, 3, 1–9.

  Qerimi, A. (2023). One author. *Journal*, 4, 10–19.
`);

function convert(prose: string, needle: string) {
  const text = `${prose}\n\n${LIST}\n`;
  const at = text.indexOf(needle);
  const actions = convertCitationActions(analyse(text, 'markdown', 1), { start: at, end: at });
  return { text, actions, after: actions[0] ? applyEdits(text, actions[0].edits) : text };
}

const problems = (text: string) => diagnose(analyse(text, 'markdown', 2), defaultDiagnosticSettings).filter((d) => d.code !== 'uncited-entry');

test('a parenthetical citation becomes narrative, keeping its locator', () => {
  const { text, actions, after } = convert('Risk is felt (Qerimi, 2023, p. 4).', 'Qerimi');
  assert.equal(actions[0].title, 'Write as a narrative citation: Qerimi (2023, p. 4)');
  assert.equal(after, text.replace('(Qerimi, 2023, p. 4)', 'Qerimi (2023, p. 4)'));
  assert.deepEqual(problems(after), []);
});

test('"&" becomes "and" in running text, and back inside parentheses', () => {
  const narrative = convert('Risk is felt (Nguyen & Tran, 2020).', 'Nguyen');
  assert.equal(narrative.after, narrative.text.replace('(Nguyen & Tran, 2020)', 'Nguyen and Tran (2020)'));
  assert.deepEqual(problems(narrative.after), []);
  const parenthetical = convert('As Nguyen and Tran (2020, pp. 3-4) showed, risk is felt.', 'Nguyen');
  assert.equal(parenthetical.after, parenthetical.text.replace('Nguyen and Tran (2020, pp. 3-4)', '(Nguyen & Tran, 2020, pp. 3-4)'));
  assert.deepEqual(problems(parenthetical.after), []);
});

test('a parenthesis of several works, or one with a prefix, is not offered', () => {
  assert.deepEqual(convert('Risk is felt (Nguyen & Tran, 2020; Qerimi, 2023).', 'Qerimi').actions, []);
  assert.deepEqual(convert('Risk is felt (see Qerimi, 2023).', 'Qerimi').actions, []);
});
