import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyRandomEdit, randomEdits } from '../support/randomEdits';
import { AnalysisCache, analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { apaQuickFixes } from '../../server/src/core/style/apaRules';
import { StyleRuleMemo } from '../../server/src/core/style/rules/ruleMemo';
import type { CitationRule } from '../../server/src/core/style/rules/finding';
import { citationStyle } from '../../server/src/core/style/citationStyles';
import { defaultDiagnosticSettings, type CitationStyleId } from '../../server/src/core/types';

/** An essay that breaks every author-date style rule at least once, in its citations and in its typed list. */
const ESSAY = `# Street trees

Trees cool streets (Bowler et al., 2010). Ziter, Pedersen and Kucharik (2019) measured it.

Shade matters (Nguyen and Tran, 2020; Oke, 1982). Nguyen & Tran (2020) agree (Smith, 2001; Oke, 1985, 1982).

Later work (Lee, 2019) and (Ziter et. al., 2019) disagree. Muller (2012) is spelt badly.

Health comes first (World Health Organization [WHO], 2018). The World Health Organization (2019) says more.

Then (WHO, 2018) again, and (World Health Organization [WHO], 2019).

## References

Smith, J. (2001). Shade. Publisher.

Bowler, D. E., & Buyung-Ali, L. (2010). Urban greening to cool towns. Landscape and Urban Planning, 97(3), 147–155. doi:10.1016/j.landurbplan.2010.05.006

Oke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal, 108, 1–24.

Oke, T. R. (1985). Boundary layer climates. Methuen.

Lee, A. (2019a). A study of shade. Journal of Shade, 1, 1–2.

Müller, K. (2012).

Nguyen, A., & Tran, B. (2020). Heat. https://doi.org/10.1000/xyz

World Health Organization. (2018). Heat and health. WHO.

World Health Organization. (2019). More heat. WHO.

Ziter, C. D., Pedersen, E. J., & Kucharik, C. J. (2019). Scale-dependent interactions. PNAS, 116(15), 7575–7580.
`;

/** Text that changes what the rules find: citations, names, connectors, suffixes, DOIs, entries, blank lines. */
const SNIPPETS = [
  'x',
  ' ',
  '\n\n',
  ';',
  ' and ',
  ' & ',
  ' et al.',
  'a',
  '(Oke, 1985, 1982)',
  '(Smith, 2001; Bowler & Buyung-Ali, 2010)',
  'Müller (2012)',
  '(WHO, 2019)',
  'doi:10.1000/abc ',
  'Aaron, A. (1999). First. Press.\n\n',
  'Zed, Z. (2000b). Last. Press.\n\n',
];


const editArbitrary = randomEdits(SNIPPETS);


const STYLES: CitationStyleId[] = ['apa7', 'chicago-author-date'];
const WHOLE = { start: 0, end: Number.MAX_SAFE_INTEGER };

test('the essay breaks the rules this test relies on', () => {
  const codes = new Set(diagnose(analyse(ESSAY, 'markdown', 1), defaultDiagnosticSettings).map((d) => d.code));
  for (const code of ['apa-et-al', 'apa-ampersand', 'apa-order-in-parenthesis', 'apa-suffix', 'apa-abbreviation', 'apa-et-al-period', 'apa-list-order', 'apa-entry-parts', 'apa-doi-format', 'apa-spelling']) {
    assert.ok(codes.has(code as never), `the essay has no ${code} finding`);
  }
});

test('after random edits, diagnostics and quick fixes from the kept findings equal those of a fresh run', () => {
  fc.assert(
    fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (edits) => {
      const cache = new AnalysisCache();
      let text = ESSAY;
      let version = 1;
      const check = () => {
        const kept = cache.get('essay.md', text, 'markdown', version);
        const fresh = analyse(text, 'markdown', version);
        for (const style of STYLES) {
          assert.deepStrictEqual(diagnose(kept, defaultDiagnosticSettings, style), diagnose(fresh, defaultDiagnosticSettings, style));
          assert.deepStrictEqual(apaQuickFixes(kept, WHOLE, citationStyle(style)), apaQuickFixes(fresh, WHOLE, citationStyle(style)));
        }
      };
      check();
      for (const edit of edits) {
        text = applyRandomEdit(text, edit);
        version++;
        check();
      }
    }),
    { seed: 20261130, numRuns: 120 },
  );
});

test('a keystroke in one paragraph checks again only the citations of that paragraph', () => {
  const checked: string[] = [];
  const rule: CitationRule = (text, citation) => {
    checked.push(text.slice(citation.span.start, citation.span.end));
    return [{ span: citation.span, message: 'seen' }];
  };
  const cache = new AnalysisCache();
  const memo = new StyleRuleMemo();
  const first = cache.get('essay.md', ESSAY, 'markdown', 1);
  const before = memo.citationFindings('apa-et-al', rule, first);
  assert.equal(checked.length, first.facts.citations.length);
  checked.length = 0;
  const edited = ESSAY.replace('Trees cool streets', 'Trees cool the streets');
  const second = cache.get('essay.md', edited, 'markdown', 2);
  const after = memo.citationFindings('apa-et-al', rule, second);
  assert.deepEqual(checked, ['(Bowler et al., 2010)', 'Ziter, Pedersen and Kucharik (2019)']);
  // The findings of the other citations are kept, moved by the four characters typed before them.
  assert.deepEqual(after.slice(2).map((f) => f.span.start), before.slice(2).map((f) => f.span.start + 4));
  assert.deepEqual(after.map((f) => f.span), second.facts.citations.map((c) => c.span));
});
