// The matching rules of the accuracy evaluation, on tiny hand-made documents and findings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Citation, CitedWork, PersonName, ReferenceEntry, Resolution, Span } from '../../server/src/core/types';
import {
  LineIndex,
  checkTruth,
  evaluateDocument,
  firstSurname,
  locateEntries,
  locateTruthCitations,
  matchWorks,
  pairByOverlap,
  sameName,
  type FoundFacts,
  type Truth,
} from '../eval/match';

/** The span of the `nth` occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `the text contains ${needle}`);
  return { start: at, end: at + needle.length };
}

function work(authors: string[], year: number | undefined, span: Span = { start: 0, end: 0 }, suffix?: string): CitedWork {
  const date = year === undefined ? { text: 'n.d.', noDate: true } : { text: `${year}${suffix ?? ''}`, year, suffix };
  return { span, authorText: authors.join(' & '), authorSpan: span, authors, etAl: false, isTitle: false, date, dateSpan: span };
}

function citation(span: Span, items: CitedWork[]): Citation {
  return { span, kind: 'parenthetical', items };
}

function entry(id: string, span: Span, author: PersonName | undefined, year: number | undefined, text = ''): ReferenceEntry {
  const date = year === undefined ? undefined : { text: String(year), year };
  return { id, span, text, authors: author ? [author] : [], date, problems: [] };
}

function found(citations: Citation[], byCitation: Resolution[][], entries: ReferenceEntry[], citeCount: [string, number][]): FoundFacts {
  const referenceList = { span: { start: 0, end: 0 }, entries };
  return {
    facts: { version: 1, citations, keyedCitations: [], bibliographies: [], referenceList, abbreviations: [], problems: [] },
    resolution: { byCitation, byKeyedCitation: [], citeCount: new Map(citeCount), citesAll: false, indistinguishable: [] },
  };
}

function emptyTruth(): Truth {
  return { citations: [], references: [], cited_not_listed: [], listed_not_cited: [] };
}

const resolved: Resolution = { status: 'resolved', entryId: 'entry-0' };
const missing: Resolution = { status: 'missing', candidates: [] };

test('lines are counted by line feeds only', () => {
  const lines = new LineIndex('one\ntwo\rstill two\f\nthree');
  assert.equal(lines.lineCount, 3);
  assert.equal(lines.startOf(2), 4);
  assert.equal(lines.startOf(4), undefined);
  assert.equal(lines.lineOf(0), 1);
  assert.equal(lines.lineOf(3), 1);
  assert.equal(lines.lineOf(4), 2);
  assert.equal(lines.lineOf(12), 2);
  assert.deepEqual(lines.linesOf({ start: 0, end: 8 }), { first: 1, last: 2 });
  assert.deepEqual(lines.linesOf({ start: 0, end: 4 }), { first: 1, last: 1 });
});

test('a citation written twice on one line is located twice, and a wrapped one across lines', () => {
  const text = 'Intro\n(A, 2001) and (A, 2001).\nSmith\n(2002) said.';
  const lines = new LineIndex(text);
  const spans = locateTruthCitations(text, lines, [
    { line: 2, text: '(A, 2001)', works: [] },
    { line: 2, text: '(A, 2001)', works: [] },
    { line: 3, text: 'Smith\n(2002)', works: [] },
  ]);
  assert.deepEqual(spans, [spanOf(text, '(A, 2001)'), spanOf(text, '(A, 2001)', 1), spanOf(text, 'Smith\n(2002)')]);
});

test('a citation text that is not on its line is not located', () => {
  const text = 'Intro\n(A, 2001)';
  const spans = locateTruthCitations(text, new LineIndex(text), [
    { line: 1, text: '(A, 2001)', works: [] },
    { line: 2, text: '(B, 2001)', works: [] },
  ]);
  assert.deepEqual(spans, [undefined, undefined]);
});

test('found citations pair with truth citations one to one, by overlap, in order of position', () => {
  const wide = { start: 0, end: 30 };
  assert.deepEqual(pairByOverlap([{ start: 12, end: 20 }, { start: 1, end: 10 }, undefined], [{ start: 40, end: 50 }, wide]), [undefined, 1, undefined]);
  assert.deepEqual(pairByOverlap([{ start: 0, end: 5 }], [{ start: 5, end: 9 }]), [undefined]);
});

test('the first surname of a truth author string', () => {
  assert.equal(firstSurname('Wick & Holt'), 'Wick');
  assert.equal(firstSurname('Havelaar et al.'), 'Havelaar');
  assert.equal(firstSurname('Kryzhevski et. al.'), 'Kryzhevski');
  assert.equal(firstSurname('Bajari, Benkard & Levin'), 'Bajari');
  assert.equal(firstSurname('Smith et al. / Smith'), 'Smith');
  assert.equal(firstSurname('U.S. Department of Justice'), 'U.S. Department of Justice');
});

test('names match despite diacritics, given names, initials, qualifiers and acronyms, not despite other words', () => {
  assert.ok(sameName('Thorvaldsdóttir', 'Thorvaldsdottir'));
  assert.ok(sameName('Dreyfus', 'Hubert Dreyfus'));
  assert.ok(sameName('A.Richter', 'Richter'));
  assert.ok(sameName('Department of Justice', 'U.S. Department of Justice'));
  assert.ok(sameName('High Level Group (HLG)', 'High Level Group'));
  assert.ok(!sameName('Li', 'Lin'));
  assert.ok(!sameName('Sáez', 'Vicente-Sáez'));
  assert.ok(!sameName('Webber', 'Weber'));
  assert.ok(!sameName('', 'Weber'));
});

test('a cited work needs the same first author and the same year with its suffix, one to one', () => {
  const items = [work(['Smith', 'Jones'], 2019, undefined, 'a'), work(['Smith'], 2019)];
  assert.deepEqual(matchWorks([{ authors: 'Smith & Jones', year: '2019' }, { authors: 'Smith', year: '2019' }], items), [1, undefined]);
  assert.deepEqual(matchWorks([{ authors: 'Smith et al.', year: '2019a' }], items), [0]);
  assert.deepEqual(matchWorks([{ authors: 'Smith', year: '' }], [work(['Smith'], undefined)]), [0]);
});

test('an entry starting on the truth line wins over one that only contains it', () => {
  const text = 'A, 2001.\ncontinued\nB, 2002.\nC, 2003\n';
  const lines = new LineIndex(text);
  const entries = [
    entry('entry-0', { start: 0, end: spanOf(text, 'continued').end }, undefined, 2001),
    entry('entry-1', spanOf(text, 'B, 2002.'), undefined, 2002),
  ];
  const references = [
    { line: 2, first_author: 'A', year: '2001' },
    { line: 3, first_author: 'B', year: '2002' },
    { line: 1, first_author: 'A', year: '2001' },
    { line: 4, first_author: 'C', year: '2003' },
  ];
  assert.deepEqual(locateEntries(lines, references, entries), [undefined, 1, 0, undefined]);
});

test('a small document: counts, an extra citation and a wrong entry year', () => {
  const text = [
    'Intro (Wick & Holt, 2021) and (Wick & Holt, 2021).',
    'Hubert Dreyfus (1979) argued (Table 2).',
    '',
    'References',
    'Dreyfus, H. (1979). What computers cannot do.',
    'Wick, R., & Holt, K. (2021). Benchmarking.',
    'Zed, A. (2000). Never cited.',
  ].join('\n');
  const truth: Truth = {
    ...emptyTruth(),
    citations: [
      { line: 1, text: '(Wick & Holt, 2021)', works: [{ authors: 'Wick & Holt', year: '2021' }] },
      { line: 1, text: '(Wick & Holt, 2021)', works: [{ authors: 'Wick & Holt', year: '2021' }] },
      { line: 2, text: 'Hubert Dreyfus (1979)', works: [{ authors: 'Dreyfus', year: '1979' }] },
    ],
    references: [
      { line: 5, first_author: 'Dreyfus', year: '1979' },
      { line: 6, first_author: 'Wick', year: '2021' },
      { line: 7, first_author: 'Zed', year: '2000' },
    ],
    listed_not_cited: [{ first_author: 'Zed', year: '2000' }],
  };
  const wick = (nth: number) => citation(spanOf(text, '(Wick & Holt, 2021)', nth), [work(['Wick', 'Holt'], 2021)]);
  const findings = found(
    [wick(0), wick(1), citation(spanOf(text, 'Hubert Dreyfus (1979)'), [work(['Hubert Dreyfus'], 1979)]), citation(spanOf(text, '(Table 2)'), [])],
    [[resolved], [resolved], [resolved], []],
    [
      entry('entry-0', spanOf(text, 'Dreyfus, H. (1979). What computers cannot do.'), { family: 'Dreyfus' }, 1979),
      entry('entry-1', spanOf(text, 'Wick, R., & Holt, K. (2021). Benchmarking.'), { family: 'Wick' }, 2012),
      entry('entry-2', spanOf(text, 'Zed, A. (2000). Never cited.'), { family: 'Zed' }, 2000),
    ],
    [['entry-0', 1], ['entry-1', 2]],
  );
  const result = evaluateDocument(text, truth, findings);
  assert.deepEqual(result.counts, {
    truthCitations: 3,
    foundCitations: 4,
    matchedCitations: 3,
    truthWorks: 3,
    matchedWorks: 3,
    truthEntries: 3,
    foundEntries: 3,
    locatedEntries: 3,
    correctEntries: 2,
    resolutionChecks: 6,
    resolutionAgreements: 6,
  });
  assert.deepEqual(
    result.misses.map((miss) => [miss.line, miss.kind, miss.expected, miss.found]),
    [
      [2, 'extra', 'no citation', '(Table 2)'],
      [6, 'entry', 'Wick 2021', 'Wick 2012 [line 6]'],
    ],
  );
  assert.deepEqual(result.truthWarnings, []);
});

test('a work the truth says is not listed must resolve as missing; a missed citation is listed with what was found', () => {
  const text = 'As (Weber et al., 2010) and Brown (1973) said.\n\nWebber, W. (2010). Title.';
  const truth: Truth = {
    ...emptyTruth(),
    citations: [
      { line: 1, text: '(Weber et al., 2010)', works: [{ authors: 'Weber et al.', year: '2010' }] },
      { line: 1, text: 'Brown (1973)', works: [{ authors: 'Brown', year: '1973' }] },
    ],
    references: [{ line: 3, first_author: 'Webber', year: '2010' }],
    cited_not_listed: [{ authors: 'Weber et al.', year: '2010' }, { authors: 'Brown', year: '1973' }],
    listed_not_cited: [{ first_author: 'Webber', year: '2010' }],
  };
  const findings = found(
    [citation(spanOf(text, '(Weber et al., 2010)'), [work(['Weber'], 2010)])],
    [[resolved]],
    [entry('entry-0', spanOf(text, 'Webber, W. (2010). Title.'), { family: 'Webber' }, 2010)],
    [['entry-0', 1]],
  );
  const result = evaluateDocument(text, truth, findings);
  assert.equal(result.counts.matchedCitations, 1);
  assert.equal(result.counts.resolutionChecks, 2);
  assert.equal(result.counts.resolutionAgreements, 0);
  assert.deepEqual(
    result.misses.map((miss) => [miss.kind, miss.expected, miss.found]),
    [
      ['resolution', 'Weber et al. 2010 missing', 'Weber 2010 listed'],
      ['citation', 'Brown (1973)', '(Weber et al., 2010)'],
      ['uncited', 'Webber 2010 never cited', 'cited 1×'],
    ],
  );
  const resolvedAsMissing = { ...findings, resolution: { ...findings.resolution, byCitation: [[missing]] } };
  assert.equal(evaluateDocument(text, truth, resolvedAsMissing).counts.resolutionAgreements, 1);
});

test('the truth is checked against itself', () => {
  const truth: Truth = {
    ...emptyTruth(),
    citations: [{ line: 4, text: 'Richter (2006)', works: [{ authors: 'Richter', year: '2006' }] }],
    references: [{ line: 9, first_author: 'A.Richter', year: '2006' }],
    cited_not_listed: [{ authors: 'Nobody', year: '1999' }],
    listed_not_cited: [{ first_author: 'Zed', year: '2000' }],
  };
  assert.deepEqual(checkTruth(truth), [
    'line 4: Richter 2006 has no reference with that first author and year, and is not in cited_not_listed',
    'cited_not_listed Nobody 1999 matches no cited work',
    'listed_not_cited Zed 2000 matches no reference',
  ]);
});
