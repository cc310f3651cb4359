import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyRandomEdit, randomEdits } from '../support/randomEdits';
import { AnalysisCache } from '../../server/src/core/index/analysis';
import { resolveDocument } from '../../server/src/core/resolve/resolve';
import { syntheticThesis } from '../bench/syntheticDocuments';

/** Edits that change what citations cite and what the reference list holds: authors, years, suffixes, et al., titles,
 * abbreviations, secondary sources, and entries added or retyped. */
const SNIPPETS = [
  'x',
  'a',
  '1',
  ' ',
  '\n\n',
  '(Smith, 2001)',
  '(Smith, 2001a)',
  'Smith (2001b)',
  '(Smith et al., 2001)',
  '(Smith & Jones, 2001)',
  '("A title", 2001)',
  '(Smyth, 2001)',
  'Smyth (2001)',
  '(Oke, 1982, as cited in Smith, 2001)',
  '(J. Smith, personal communication, March 3, 2020)',
  'World Health Organization (WHO, 2018)',
  '(WHO, 2018)',
  'Smith, J. (2001). A title. Publisher.\n\n',
  'Smith, J. (2001a). Another title. Publisher.\n\n',
  'World Health Organization. (2018). Report. WHO.\n\n',
];


const editArbitrary = randomEdits(SNIPPETS);


test('resolution kept across edits equals resolution made afresh', () => {
  const thesis = syntheticThesis({ words: 4000, references: 60, citations: 200 });
  // Half the edits land in the reference list at the end, which the other half leaves alone.
  const nearEnd = fc.record({ at: fc.double({ min: 0.85, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 20 }), insert: fc.constantFrom(...SNIPPETS) });
  fc.assert(
    fc.property(fc.array(fc.oneof(editArbitrary, nearEnd), { minLength: 1, maxLength: 10 }), (edits) => {
      const cache = new AnalysisCache();
      let text = thesis;
      let version = 1;
      cache.get('file:///thesis.md', text, 'markdown', version);
      for (const edit of edits) {
        text = applyRandomEdit(text, edit);
        const analysis = cache.get('file:///thesis.md', text, 'markdown', ++version);
        assert.deepStrictEqual(analysis.resolution, resolveDocument(analysis.facts, analysis.bibliography));
      }
    }),
    { seed: 20250301, numRuns: 40 },
  );
});

test('a one-character edit in the prose keeps the typed index and the other works resolutions', () => {
  const thesis = syntheticThesis({ words: 4000, references: 60, citations: 200 });
  const cache = new AnalysisCache();
  const before = cache.get('file:///thesis.md', thesis, 'markdown', 1);
  const offset = before.facts.citations[100].span.end + 1;
  const after = cache.get('file:///thesis.md', `${thesis.slice(0, offset)}x${thesis.slice(offset)}`, 'markdown', 2);
  assert.equal(after.resolution.indistinguishable, before.resolution.indistinguishable);
  after.resolution.byCitation.forEach((works, i) => works.forEach((resolution, j) => assert.equal(resolution, before.resolution.byCitation[i][j])));
});
