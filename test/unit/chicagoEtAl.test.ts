// chicago-et-al: Chicago author-date names up to three authors every time and cuts four or more to "First et al.".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { quickFixes } from '../../server/src/core/features/codeActions';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

const LIST = dedent(`
  ## References

  Müller, Anna, and Bo Tran. 2012. "Warm Cities." *Urban Climate* 3: 1–9.

  Ziter, Carly, Eric Pedersen, and Chris Kucharik. 2019. "Scale-Dependent Interactions." *PNAS* 116: 7575–80.

  Oke, Tim, Gerald Mills, Andreas Christen, and James Voogt. 2017. *Urban Climates*. Cambridge University Press.
`);

function chicagoFindings(text: string) {
  return diagnose(analyse(text, 'markdown', 1), defaultDiagnosticSettings, 'chicago-author-date').filter((d) => d.code === 'chicago-et-al');
}

test('chicago-et-al: "et al." for two or three authors, and all names of a four-author work', () => {
  const f = parseFixture(dedent(`
    Warm (Müller et al. 2012), as Ziter et al. (2019) found; (Oke, Mills, Christen, and Voogt 2017).
          ^^^^^^^^^^^^^           ^^^^^^^^^^^^                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    Fine: (Müller and Tran 2012), Ziter, Pedersen, and Kucharik (2019), (Oke et al. 2017).
  `) + '\n' + LIST);
  const found = chicagoFindings(f.text);
  assert.deepEqual(found.map((d) => slice(f.text, d.span)), f.ranges.map((r) => slice(f.text, r)));
  assert.match(found[1].message, /three authors: name all three/);
  assert.match(found[2].message, /four or more authors/);
});

test('chicago-et-al: the fixes write every name with "and", or cut to "et al."', () => {
  const cases: [string, string][] = [
    ['Warm (Müller et al. 2012).', 'Warm (Müller and Tran 2012).'],
    ['As Ziter et al. (2019) found.', 'As Ziter, Pedersen, and Kucharik (2019) found.'],
    ['Warm (Oke, Mills, Christen, and Voogt 2017).', 'Warm (Oke et al. 2017).'],
  ];
  for (const [before, after] of cases) {
    const text = `${before}\n\n${LIST}`;
    const analysis = analyse(text, 'markdown', 1);
    const fix = quickFixes(analysis, { start: 0, end: before.length }, 'markdown', 'chicago-author-date').find((action) => action.code === 'chicago-et-al');
    assert.ok(fix, before);
    const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
    let fixed = text;
    for (const edit of edits) fixed = fixed.slice(0, edit.span.start) + edit.newText + fixed.slice(edit.span.end);
    assert.equal(fixed.split('\n')[0], after);
  }
});

test('chicago-et-al runs only in Chicago; APA keeps its own threshold', () => {
  const text = 'As Ziter et al. (2019) found.\n\n' + LIST;
  const apa = diagnose(analyse(text, 'markdown', 1), defaultDiagnosticSettings, 'apa7');
  assert.ok(!apa.some((d) => d.code === 'chicago-et-al'));
  assert.ok(!apa.some((d) => d.code === 'apa-et-al'));
  const off = diagnose(analyse(text, 'markdown', 1), { ...defaultDiagnosticSettings, chicagoEtAl: 'off' }, 'chicago-author-date');
  assert.ok(!off.some((d) => d.code === 'chicago-et-al'));
});
