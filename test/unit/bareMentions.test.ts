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

test('"et al." may be written with any white space and without its period or comma', () => {
  const prose = 'As Tkaczyk et al 2014 and Tkaczyk  et\tal., 2014 show, and Tkaczyk et al. 2014b too.';
  const analysis = analyse(`${prose}\n\n${LIST}\n`, 'markdown', 1);
  assert.deepEqual(
    analysis.facts.citations.map((c) => prose.slice(c.span.start, c.span.end)),
    ['Tkaczyk et al 2014', 'Tkaczyk  et\tal., 2014', 'Tkaczyk et al. 2014b'],
  );
  assert.deepEqual(analysis.facts.citations.map((c) => c.items[0].etAl), [true, true, true]);
});

test('a name glued to other text, a year run on into more digits, or two spaces before the year is no mention', () => {
  const { analysis } = found(`
    Not xAnanian 2001, Ananian 20011, Ananian 2001-2, Ananian  2001, @Ananian 2001 or Ananian-2001.
  `);
  assert.deepEqual(analysis.facts.citations, []);
});

test('a mention inside a parenthetical citation is that citation, not a second one', () => {
  const { analysis } = found(`
    Both agree (Tkaczyk et al., 2014; Ananian 2001).
  `);
  assert.deepEqual(
    analysis.facts.citations.map((c) => c.kind),
    ['parenthetical'],
  );
});

test('names with letters outside ASCII are read back from their year', () => {
  const list = dedent(`
    ## References

    Øster-Müller, K. (2019). A study. *Journal*, 1, 1–2.
  `);
  const f = parseFixture(dedent(`
    Compare Øster-Müller 2019 with the rest.
            ^^^^^^^^^^^^^^^^^
  `));
  const analysis = analyse(`${f.text}\n\n${list}\n`, 'markdown', 1);
  assert.deepEqual(analysis.facts.citations.map((c) => c.span), f.ranges);
  assert.deepEqual(analysis.resolution.byCitation.flat().map((r) => r.status), ['resolved']);
});
