// DOI links in a typed reference list: bare DOIs and "doi:" DOIs open at doi.org, without the punctuation that ends the
// entry; DOIs inside URLs are left to the editor, which links URLs itself, and DOIs outside the list are not links.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { documentLinks, doiUrl } from '../../server/src/core/features/documentLinks';
import { dedent, parseFixture, slice } from '../support/fixture';

test('bare and "doi:" DOIs in entries are links to doi.org; URLs and the prose are left alone', () => {
  const f = parseFixture(dedent(`
    Prose mentions 10.1000/prose (Slovic, 1987; Zhao, 2014; Adams, 2019).

    ## References

    Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285. 10.1126/science.3563507.
                                                                    ^^^^^^^^^^^^^^^^^^^^^^^
    Zhao, L. (2014). Heat. *Nature*, 511. doi: 10.1038/nature13462
                                          ^^^^^^^^^^^^^^^^^^^^^^^^
    Adams, B. (2019). Cold. https://doi.org/10.1000/xyz
  `));
  const links = documentLinks(analyse(f.text, 'markdown', 1));
  assert.deepEqual(links.map((l) => slice(f.text, l.span)), f.ranges.map((r) => slice(f.text, r)));
  assert.deepEqual(links.map((l) => l.target), ['https://doi.org/10.1126/science.3563507', 'https://doi.org/10.1038/nature13462']);
});

test('a DOI with characters a URL reads specially is escaped', () => {
  assert.equal(doiUrl('10.1002/(SICI)1097-4679#x?y'), 'https://doi.org/10.1002/(SICI)1097-4679%23x%3Fy');
});
