// The lens above each typed entry says how often the document cites it; the status bar's summary counts the entries a
// document sees and how many of them it cites.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { mergeBibliography } from '../../server/src/core/index/bibliography';
import { citationLenses } from '../../server/src/core/features/citationLenses';
import { documentSummary } from '../../server/src/core/features/documentSummary';
import { entryOverview } from '../../server/src/core/features/entryOverview';
import type { ReferenceEntry } from '../../server/src/core/types';
import { dedent } from '../support/fixture';

const TEXT = dedent(`
  Risk is felt (Slovic, 1987). Slovic (1987) said so twice, and Zhao (2014) once [@oke1982].

  ## References

  Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285.

  Zhao, L. (2014). Heat. *Nature*, 511, 216–219.

  Adams, B. (2019). Never cited. *Journal*, 1, 1–2.
`);

function bibEntry(key: string): ReferenceEntry {
  return { id: `file:///r.bib#${key}`, source: 'file:///r.bib', key, span: { start: 0, end: 1 }, text: '', authors: [{ family: key }], date: { text: '1982', year: 1982 }, problems: [] };
}

const bibliography = mergeBibliography([{ source: 'file:///r.bib', version: '1', entries: [bibEntry('oke1982'), bibEntry('gago2013')], problems: [] }]);

test('each typed entry gets a lens at its start with how often it is cited', () => {
  const lenses = citationLenses(analyse(TEXT, 'markdown', 1));
  assert.deepEqual(lenses.map((l) => [TEXT.slice(l.at, l.at + 6), l.cited, l.title]), [
    ['Slovic', 2, 'cited 2 times'],
    ['Zhao, ', 1, 'cited once'],
    ['Adams,', 0, 'not cited'],
  ]);
});

test('the summary counts typed and bibliography entries, and the cited ones among them', () => {
  assert.deepEqual(documentSummary(analyse(TEXT, 'markdown', 1, bibliography)), { references: 5, cited: 3 });
  assert.deepEqual(documentSummary(analyse('\\nocite{*}', 'latex', 1, bibliography)), { references: 2, cited: 2 });
  assert.deepEqual(documentSummary(analyse('No list here.', 'markdown', 1)), { references: 0, cited: 0 });
});

test('under MLA the lenses, the summary and the Citations view count author-page citations', () => {
  const text = dedent(`
    Memory is social (Halbwachs 23). Elsewhere (Halbwachs 7; Morrison 3).

    ## Works Cited

    Halbwachs, Maurice. *On Collective Memory*. University of Chicago Press, 1992.

    Morrison, Toni. *Beloved*. Knopf, 1987.

    Smith, John. *Title Here*. Publisher, 2019.
  `);
  const analysis = analyse(text, 'markdown', 1);
  assert.deepEqual(citationLenses(analysis, 'mla9').map((l) => l.title), ['cited 2 times', 'cited once', 'not cited']);
  assert.deepEqual(documentSummary(analysis, 'mla9'), { references: 3, cited: 2 });
  assert.deepEqual(entryOverview(analysis, 'mla9').map((item) => item.citedCount), [2, 1, 0]);
  // Read as author-date, the same document cites nothing.
  assert.deepEqual(documentSummary(analysis, 'apa7'), { references: 3, cited: 0 });
});

test('in a numeric style the lenses count the citations of each number', () => {
  const text = dedent(`
    Risk is felt [1], [2] and again [1, 3].

    ## References

    [1] P. Slovic, "Perception of risk," Science, vol. 236, pp. 280-285, 1987.

    [2] L. Zhao, "Heat," Nature, vol. 511, pp. 216-219, 2014.

    [3] B. Adams, "Cited once," Journal, vol. 1, pp. 1-2, 2019.

    [4] C. Brown, "Never cited," Journal, vol. 2, pp. 3-4, 2020.
  `);
  assert.deepEqual(citationLenses(analyse(text, 'markdown', 1), 'ieee').map((l) => l.title), ['cited 2 times', 'cited once', 'cited once', 'not cited']);
});
