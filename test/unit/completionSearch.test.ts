import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeBibliography, type Bibliography } from '../../server/src/core/index/bibliography';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { analyse } from '../../server/src/core/index/analysis';
import { complete, MAX_COMPLETION_ITEMS } from '../../server/src/core/features/completion';
import { bibliographyMatcher, searchWords, searchWordsOfBibliography } from '../../server/src/core/features/entrySearch';
import { candidates, ENTRIES_INDEXED_BY_A_SEARCH, prepareCompletion } from '../../server/src/core/features/completionCandidates';
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
  prepareCompletion(bibliography);
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

test('an entry not read yet gives the same search words as the same entry once read', () => {
  const crossref = '@proceedings{conf, title = {Proceedings of {ICAPS}}, year = 2017}\n' +
    '@inproceedings{paper, author = {van der Berg, Jo and {World Health Organization} and others}, title = {A Paper}, subtitle = {With a Subtitle}, crossref = {conf}}\n' +
    '@misc{dated, title = {T}, date = {2019-03/2020}}\n@misc{bare, note = {nothing searched}}\n';
  const read = (text: string) => mergeBibliography(new BibliographyReader().read([{ source: 'file:///refs.bib', path: '/refs.bib', text, version: '1' }]));
  const text = crossref + bibtexText(syntheticWorks(300));
  const unread = read(text).entries;
  const filled = read(text).entries;
  for (const entry of filled) void entry.title;
  assert.equal(unread.length, filled.length);
  unread.forEach((entry, position) => assert.deepEqual(searchWords(entry), searchWords(filled[position]), entry.key));
  assert.ok(searchWords(unread[1]).includes('subtitle'));
  assert.ok(searchWords(unread[1]).includes('2017'));
  // Reading the words did not fill the entry: its properties are still worked out when read, and the same.
  assert.equal(JSON.stringify(unread[1]), JSON.stringify(filled[1]));
});

test('completion gives the same items whether its indexes were built ahead in slices or all at once', () => {
  const paper = `---\nbibliography: refs.bib\n---\n\nAs shown [@${bibliography.entries[10].key}], and [@`;
  const prepared = bibliographyOf(2500);
  let slices = 0;
  while (!prepareCompletion(prepared, () => true)) slices++;
  assert.ok(slices > 10, `built in ${slices} slices`);
  const atOnce = bibliographyOf(2500);
  assert.equal(prepareCompletion(atOnce), true);
  for (const typed of ['', 'b', 'smi', 'nguy', 'urbn', 'qerimi20']) {
    const itemsOf = (bib: Bibliography) => complete(analyse(paper + typed, 'markdown', 1, bib), paper.length + typed.length)!.items.map((item) => item.label);
    assert.deepEqual(itemsOf(prepared), itemsOf(atOnce), typed);
  }
});

test('a completion before the index is complete lists the matches among the entries indexed so far and the cited ones, says more may match, and the next ones see more', () => {
  const complete2500 = bibliographyOf(2500);
  prepareCompletion(complete2500);
  const partial = bibliographyOf(2500);
  const cited = partial.entries[2400];
  const family = titleWords(partial.entries[100].authors[0].family)[0];
  const paper = `---\nbibliography: refs.bib\n---\n\nAs shown [@${cited.key}], and [@`;
  const positionOf = new Map(partial.entries.map((entry, position) => [entry.key!, position]));
  const completionOf = (bib: Bibliography, typed: string) => complete(analyse(paper + typed, 'markdown', 1, bib), paper.length + typed.length)!;

  const everyMatch = completionOf(complete2500, family).items.map((item) => item.label);
  const first = completionOf(partial, family);
  assert.ok(first.items.some((item) => item.label === partial.entries[100].key), 'an indexed entry that matches is listed');
  assert.equal(first.isIncomplete, true);
  const firstLabels = first.items.map((item) => item.label);
  assert.ok(firstLabels.length < everyMatch.length, `${firstLabels.length} of ${everyMatch.length}`);
  const indexedFirst = (label: string) => positionOf.get(label)! < ENTRIES_INDEXED_BY_A_SEARCH || label === cited.key;
  assert.deepEqual(firstLabels, everyMatch.filter(indexedFirst), 'the matches among the entries indexed by the first completion, in order');

  // A cited entry is searched even when it is not indexed yet.
  const citedFamily = titleWords(cited.authors[0].family)[0];
  assert.equal(completionOf(partial, citedFamily).items[0].label, cited.key);
  const analysis = analyse(paper, 'markdown', 1, partial);
  assert.equal(candidates(analysis, family, true, 1000).more, true, 'other entries may match');

  // Each completion indexes a bounded number of entries more, so as the person types the answers become complete.
  let requests = 0;
  while (candidates(analysis, family, true, 1000).more && requests < 100) requests++;
  assert.ok(requests > 1, `complete after ${requests} more completions`);
  assert.deepEqual(completionOf(partial, family).items.map((item) => item.label), everyMatch);
  assert.equal(candidates(analysis, family, true, 1000).more, false, 'nothing is left out once all is indexed');
});

test('building completion\'s indexes stops when asked and resumes where it stopped', () => {
  const prepared = bibliographyOf(300);
  let looks = 0;
  assert.equal(prepareCompletion(prepared, () => ++looks >= 2), false);
  assert.equal(prepareCompletion(prepared), true);
  assert.equal(prepareCompletion(prepared, () => true), true, 'nothing is left to do');
  const words = searchWordsOfBibliography(prepared);
  assert.deepEqual(words, prepared.entries.map(searchWords));
});
