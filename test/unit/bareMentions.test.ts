// Author-year mentions without parentheses count only when the name is a first author of the document's own list.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { dedent, parseFixture } from '../support/fixture';

const LIST = dedent(`
  ## References

  Ananian, C. S. (2001). A phonetic alignment. *Journal*, 1, 1–9.

  Tkaczyk, D., Szostek, P., & Bolikowski, L. (2014). A layout analysis. *Journal*, 2, 3–4.

  Department of Justice. (1997). *Horizontal merger guidelines*. Washington.
`);

function found(prose: string) {
  const f = parseFixture(dedent(prose));
  const text = `${f.text}\n\n${LIST}\n`;
  const analysis = analyse(text, 'markdown', 1);
  return { f, analysis };
}

test('a bare mention of a listed first author is a citation and resolves', () => {
  const { f, analysis } = found(`
    It ignores consonants; compare to Ananian 2001, who does not (up to 22 in the dataset, _Tkaczyk et al., 2014_, the most).
                                      ^^^^^^^^^^^^                                          ^^^^^^^^^^^^^^^^^^^^
  `);
  assert.deepEqual(analysis.facts.citations.map((c) => c.span), f.ranges);
  assert.deepEqual(analysis.resolution.byCitation.flat().map((r) => r.status), ['resolved', 'resolved']);
});

test('bare capitalised words before a year are no citations unless they name a listed author', () => {
  const { analysis } = found(`
    In March 2019 the Windows 2000 machines failed, as COVID 2020 showed; Smith 2019 is not listed.
  `);
  assert.deepEqual(analysis.facts.citations, []);
});

test('prose may add qualifiers the entry leaves out: "U.S. Department of Justice (1997)"', () => {
  const { analysis } = found(`
    The guidelines of the U.S. Department of Justice (1997) apply.
  `);
  assert.deepEqual(analysis.resolution.byCitation.flat().map((r) => r.status), ['resolved']);
});
