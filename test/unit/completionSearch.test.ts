import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeBibliography, type Bibliography } from '../../server/src/core/index/bibliography';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { analyse } from '../../server/src/core/index/analysis';
import { complete, MAX_COMPLETION_ITEMS } from '../../server/src/core/features/completion';
import { bibliographyMatcher, searchWords } from '../../server/src/core/features/entrySearch';
import { fits, matchesAll } from '../../server/src/core/text/fuzzy';
import { editDistance, titleWords } from '../../server/src/core/text/normalize';
import { bibtexText, syntheticWorks } from '../bench/syntheticBibliography';

function bibliographyOf(count: number): Bibliography {
  const text = bibtexText(syntheticWorks(count));
  return mergeBibliography(new BibliographyReader().read([{ source: 'file:///refs.bib', path: '/refs.bib', text, version: '1' }]));
}

const bibliography = bibliographyOf(2500);
const allWords = [...new Set(bibliography.entries.flatMap(searchWords))];

/** A word as a person may type it: its start, an abbreviation, with one letter wrong, or with a letter left out. */
const typedWord: fc.Arbitrary<string> = fc
  .record({ word: fc.constantFrom(...allWords), cut: fc.integer({ min: 1, max: 9 }), change: fc.integer({ min: 0, max: 4 }), at: fc.nat() })
  .map(({ word, cut, change, at }) => {
    const start = word.slice(0, cut);
    const position = at % start.length;
    if (change === 1) return start.slice(0, position) + 'q' + start.slice(position + 1);
    if (change === 2 && start.length > 2) return start.slice(0, position || 1) + start.slice((position || 1) + 1);
    if (change === 3) return start.toUpperCase();
    return start;
  });

test('the letter index of a bibliography finds exactly the entries that word matching finds', () => {
  fc.assert(
    fc.property(fc.array(typedWord, { minLength: 1, maxLength: 3 }), (typed) => {
      const queryWords = titleWords(typed.join(' '));
      const matcher = bibliographyMatcher(bibliography, queryWords);
      bibliography.entries.forEach((entry, position) => {
        assert.equal(matcher(position), matchesAll(queryWords, searchWords(entry)), `${typed.join(' ')} and ${entry.key}`);
      });
    }),
    { seed: 1130, numRuns: 150 },
  );
});

test('a query word of four or more letters fits a word whose start is at most one edit away, and no other word', () => {
  fc.assert(
    fc.property(typedWord, fc.constantFrom(...allWords), (typed, word) => {
      const query = titleWords(typed)[0] ?? 'a';
      const oneEditAway = query.length >= 4 && !/^\d/.test(query) && word.length >= query.length && editDistance(query, word.slice(0, query.length), 1) <= 1;
      if (oneEditAway) assert.ok(fits(query, word), `${query} should fit ${word}`);
      // Otherwise only a start or an abbreviation fits, and both keep the first letter.
      else if (fits(query, word)) assert.equal(query[0], word[0], `${query} fits ${word}`);
    }),
    { seed: 1201, numRuns: 3000 },
  );
});

test('key completion in a large bibliography lists cited entries first, is marked incomplete and narrows as one types', () => {
  const cited = bibliography.entries[2400].key!;
  const paper = `---\nbibliography: refs.bib\n---\n\nAs shown [@${cited}], and [@`;
  const analysis = analyse(paper, 'markdown', 1, bibliography);
  const all = complete(analysis, paper.length)!;
  assert.equal(all.items.length, MAX_COMPLETION_ITEMS);
  assert.equal(all.isIncomplete, true);
  assert.equal(all.items[0].label, cited);
  assert.deepEqual(all.items.slice(1, 3).map((item) => item.label), bibliography.entries.slice(0, 2).map((entry) => entry.key));

  const family = titleWords(bibliography.entries[1234].authors[0].family)[0];
  const narrowed = complete(analyse(paper + family, 'markdown', 2, bibliography), paper.length + family.length)!;
  const expected = bibliography.entries.filter((entry) => matchesAll([family], searchWords(entry)));
  assert.equal(narrowed.items.length, Math.min(expected.length, MAX_COMPLETION_ITEMS));
  assert.ok(narrowed.items.some((item) => item.label === bibliography.entries[1234].key));
  assert.equal(narrowed.isIncomplete, true);
});
