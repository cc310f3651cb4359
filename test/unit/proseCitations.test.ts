import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findProseCitations } from '../../server/src/core/syntax/proseCitations';
import { maskNonProse } from '../../server/src/core/syntax/mask';
import type { Citation, CitedWork, Span } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

/** What a test states about one cited work; the year is the date's year, or its text for "n.d." and "in press". */
interface WorkExpectation extends Partial<Omit<CitedWork, 'span' | 'authorSpan' | 'dateSpan' | 'date'>> {
  year?: number | string;
}

/**
 * Checks that the citations found are exactly the '^' ranges of the fixture, that no '!' range overlaps one, and, when
 * given, that the works of each citation (in order) match the expectations.
 */
function check(source: string, expected: WorkExpectation[][] = [], options: { skipMarked?: boolean; markdown?: boolean } = {}): Citation[] {
  const fixture = parseFixture(dedent(source));
  const masked = maskNonProse(fixture.text, options.markdown ? 'markdown' : 'plaintext');
  const skip: Span[] = options.skipMarked ? fixture.negatives : [];
  const { citations } = findProseCitations(masked, skip);
  const shown = (spans: Span[]) => spans.map((span) => slice(fixture.text, span));
  assert.deepEqual(shown(citations.map((c) => c.span)), shown(joinWrapped(fixture.text, fixture.ranges)));
  for (const negative of fixture.negatives) {
    const hit = citations.find((c) => c.span.start < negative.end && negative.start < c.span.end);
    assert.equal(hit && slice(fixture.text, hit.span), undefined, `"${slice(fixture.text, negative)}" is not a citation`);
  }
  expected.forEach((works, i) => {
    const actual = citations[i].items.map((work) => pick(work, works));
    assert.deepEqual(actual, works, `works of ${slice(fixture.text, citations[i].span)}`);
  });
  return citations;
}

/** Marks on consecutive lines that touch across one line break ("Smith and" / "Jones (2019)") are one range. */
function joinWrapped(text: string, ranges: Span[]): Span[] {
  const joined: Span[] = [];
  for (const range of ranges) {
    const last = joined[joined.length - 1];
    const gap = last ? text.slice(last.end, range.start) : '';
    if (last && /^[ \t]*\n[ \t]*$/.test(gap) && last.end === text.indexOf('\n', last.start)) last.end = range.end;
    else joined.push({ ...range });
  }
  return joined;
}

/** Keeps only the fields an expectation names, so each test states what it is about. */
function pick(work: CitedWork, expectations: WorkExpectation[]): WorkExpectation {
  const keys = new Set(expectations.flatMap((e) => Object.keys(e)));
  const shown: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === 'year') shown.year = work.date.year ?? work.date.text;
    else shown[key] = (work as unknown as Record<string, unknown>)[key];
  }
  return shown as WorkExpectation;
}

test('a parenthetical citation with one work', () => {
  check(
    `
    The forum is restricted by a small group of states (Qerimi, 2023).
                                                       ^^^^^^^^^^^^^^
    `,
    [[{ authors: ['Qerimi'], year: 2023, authorText: 'Qerimi', etAl: false, isTitle: false }]],
  );
});

test('several works, several years, and the spans of each work', () => {
  const [citation] = check(
    `
    Cities warm faster (Oke, 1982; Santamouris, 2015) and so on.
                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [[{ authors: ['Oke'], year: 1982 }, { authors: ['Santamouris'], year: 2015 }]],
  );
  assert.equal(citation.kind, 'parenthetical');
  const text = 'Cities warm faster (Oke, 1982; Santamouris, 2015) and so on.';
  assert.deepEqual(citation.items.map((w) => text.slice(w.span.start, w.span.end)), ['Oke, 1982', 'Santamouris, 2015']);

  const several = 'As shown before (Smith, 2019a, 2019b).';
  const [twice] = findProseCitations(several, []).citations;
  assert.deepEqual(twice.items.map((w) => several.slice(w.span.start, w.span.end)), ['Smith, 2019a', '2019b']);
  assert.deepEqual(twice.items.map((w) => several.slice(w.dateSpan.start, w.dateSpan.end)), ['2019a', '2019b']);
  assert.deepEqual(twice.items[0].authorSpan, twice.items[1].authorSpan);
  assert.deepEqual(twice.items.map((w) => w.date.suffix), ['a', 'b']);
});

test('two authors, et al., group authors', () => {
  check(
    `
    One (Nguyen & Tran, 2020), two (Nguyen and Tran, 2020), three (Heaviside et al., 2019) and (Heaviside et al 2019).
        ^^^^^^^^^^^^^^^^^^^^^      ^^^^^^^^^^^^^^^^^^^^^^^        ^^^^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^^^^
    Agencies (World Health Organization, 2018) and campaigns (Stop Killer Robots, 2024) agree.
             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^               ^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['Nguyen', 'Tran'], authorText: 'Nguyen & Tran' }],
      [{ authors: ['Nguyen', 'Tran'] }],
      [{ authors: ['Heaviside'], etAl: true, authorText: 'Heaviside et al.' }],
      [{ authors: ['Heaviside'], etAl: true }],
      [{ authors: ['World Health Organization'] }],
      [{ authors: ['Stop Killer Robots'] }],
    ],
  );
});

test('an abbreviation defined in a parenthetical citation and used later', () => {
  const text = 'Rates rose (Centers for Disease Control and Prevention [CDC], n.d.) and fell (CDC, n.d.).';
  const scan = findProseCitations(text, []);
  assert.equal(scan.citations.length, 2);
  const [defining, using] = scan.citations.map((c) => c.items[0]);
  assert.deepEqual(defining.authors, ['Centers for Disease Control and Prevention']);
  assert.equal(defining.definesAbbreviation, 'CDC');
  assert.equal(defining.date.noDate, true);
  assert.deepEqual(using.authors, ['CDC']);
  assert.equal(using.definesAbbreviation, undefined);
  assert.deepEqual(
    scan.abbreviations.map((a) => [a.short, a.long]),
    [['CDC', 'Centers for Disease Control and Prevention']],
  );
});

test('an abbreviation defined by a narrative citation', () => {
  const text = 'The World Health Organization (WHO, 2018) set limits.';
  const scan = findProseCitations(text, []);
  assert.equal(scan.citations.length, 1);
  const [citation] = scan.citations;
  assert.equal(citation.kind, 'narrative');
  assert.equal(text.slice(citation.span.start, citation.span.end), 'World Health Organization (WHO, 2018)');
  assert.deepEqual(citation.items[0].authors, ['World Health Organization']);
  assert.equal(citation.items[0].definesAbbreviation, 'WHO');
  assert.deepEqual(scan.abbreviations.map((a) => [a.short, a.long]), [['WHO', 'World Health Organization']]);
  // Initials that do not match: the parenthesis is an ordinary citation of the short name.
  check(
    `
    Members of the Council (WHO, 2018) met.
                           ^^^^^^^^^^^
    `,
    [[{ authors: ['WHO'] }]],
  );
});

test('a quoted title in place of the author', () => {
  check(
    `
    A policy ("New U.S. anti-personnel landmine", 2022) and another (“Curly quoted title,” 2021).
             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['New U.S. anti-personnel landmine'], isTitle: true, year: 2022 }],
      [{ authors: ['Curly quoted title'], isTitle: true, year: 2021 }],
    ],
  );
});

test('dates: no date, in press, suffixes, republished works, full dates', () => {
  const citations = check(
    `
    Some (Brown, n.d.), (Brown, in press), (Brown, n.d.-a), Freud (1900/1953) and (Rutherford, 2004, March 17).
         ^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
  );
  const dates = citations.map((c) => c.items[0].date);
  assert.equal(dates[0].noDate, true);
  assert.equal(dates[1].inPress, true);
  assert.deepEqual([dates[2].noDate, dates[2].suffix], [true, 'a']);
  assert.deepEqual([dates[3].originalYear, dates[3].year], [1900, 1953]);
  assert.deepEqual([dates[4].year, dates[4].month, dates[4].day], [2004, 'March', 17]);
});

test('locators, prefixes and notes', () => {
  check(
    `
    A (Qerimi, 2023, p. 4), B (Oke, 1982, pp. 33–35), C (Oke, 1982, para. 2), D (Oke, 1982, Chapter 3).
      ^^^^^^^^^^^^^^^^^^^^    ^^^^^^^^^^^^^^^^^^^^^^    ^^^^^^^^^^^^^^^^^^^^    ^^^^^^^^^^^^^^^^^^^^^^
    E (see Oke, 1982), F (see also Oke, 1982), G (e.g., Oke, 1982; cf. Lee, 2001), H (i.e., Oke, 1982, for a review).
      ^^^^^^^^^^^^^^^    ^^^^^^^^^^^^^^^^^^^^    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ locator: 'p. 4' }],
      [{ locator: 'pp. 33–35' }],
      [{ locator: 'para. 2' }],
      [{ locator: 'Chapter 3' }],
      [{ prefix: 'see', authors: ['Oke'] }],
      [{ prefix: 'see also', authors: ['Oke'] }],
      [{ prefix: 'e.g.,', authors: ['Oke'] }, { prefix: 'cf.', authors: ['Lee'] }],
      [{ prefix: 'i.e.,', note: 'for a review', locator: undefined }],
    ],
  );
  const text = 'E (see Qerimi, 2023, p. 4).';
  const work = findProseCitations(text, []).citations[0].items[0];
  assert.equal(text.slice(work.span.start, work.span.end), 'Qerimi, 2023');
});

test('secondary sources and personal communications', () => {
  check(
    `
    Growth (Rogers, 1961, as cited in Kirschenbaum, 2004) and talk (J. Smith, personal communication, March 3, 2020).
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [
        { authors: ['Rogers'], year: 1961, secondary: true },
        { authors: ['Kirschenbaum'], year: 2004, secondary: undefined },
      ],
      [{ authors: ['J. Smith'], year: 2020, personalCommunication: true }],
    ],
  );
});

test('Harvard and Chicago forms without a comma', () => {
  check(
    `
    Rhymes (Smith 2019), lines (Smith 2019, 23), sounds (Kesarwani 2018: 24) and (Noh et al. 2019: 23–24).
           ^^^^^^^^^^^^        ^^^^^^^^^^^^^^^^         ^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^^^^^^
    Listed by comma ([Niemeyer 2016], [Smith 2016]) too.
                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['Smith'], locator: undefined }],
      [{ authors: ['Smith'], locator: '23' }],
      [{ authors: ['Kesarwani'], locator: '24' }],
      [{ authors: ['Noh'], etAl: true, locator: '23–24' }],
      [{ authors: ['Niemeyer'] }, { authors: ['Smith'] }],
    ],
  );
});

test('narrative citations', () => {
  check(
    `
    However, Ingebritsen (2002) argues, as Nguyen and Tran (2020) and Smith et al. (2019) do, that Covington (1996, 1998)
             ^^^^^^^^^^^^^^^^^^            ^^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^          ^^^^^^^^^^^^^^^^^^^^^^
    was right. Berry, Levinsohn, and Pakes (1995) agree.
               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['Ingebritsen'], year: 2002 }],
      [{ authors: ['Nguyen', 'Tran'] }],
      [{ authors: ['Smith'], etAl: true, authorText: 'Smith et al.' }],
      [{ authors: ['Covington'], year: 1996 }, { authors: ['Covington'], year: 1998 }],
      [{ authors: ['Berry', 'Levinsohn', 'Pakes'] }],
    ],
  );
});

test('possessive narratives', () => {
  check(
    `
    In Müller's (2012) model and Berman & Slobin's (1994) frame and Jones' (2001) view.
       ^^^^^^^^^^^^^^^           ^^^^^^^^^^^^^^^^^^^^^^^^           ^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['Müller'], possessive: true }],
      [{ authors: ['Berman', 'Slobin'], possessive: true }],
      [{ authors: ['Jones'], possessive: true }],
    ],
  );
});

test('particles, apostrophes, hyphens, diacritics and group names before a narrative parenthesis', () => {
  check(
    `
    As van der Berg (2010) and de Souza (2011) and De Souza (2011) note, O'Connor (2001) and Al-Farsi (2015) do too.
       ^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^       ^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^
    Then Thorvaldsdóttir (2013) and the World Health Organization (2018) and the U.S. Department of Justice (1997).
         ^^^^^^^^^^^^^^^^^^^^^^         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['van der Berg'] }],
      [{ authors: ['de Souza'] }],
      [{ authors: ['De Souza'] }],
      [{ authors: ["O'Connor"] }],
      [{ authors: ['Al-Farsi'] }],
      [{ authors: ['Thorvaldsdóttir'] }],
      [{ authors: ['World Health Organization'] }],
      [{ authors: ['U.S. Department of Justice'] }],
    ],
  );
});

test('sentence openers are not part of a narrative author', () => {
  check(
    `
    According to Smith (2019) it works. Thus Jones (2018) agrees. While Lee (2017) does not. The Brown (2016) study.
                 ^^^^^^^^^^^^                ^^^^^^^^^^^^               ^^^^^^^^^^               ^^^^^^^^^^^^
    `,
    [[{ authors: ['Smith'] }], [{ authors: ['Jones'] }], [{ authors: ['Lee'] }], [{ authors: ['Brown'] }]],
  );
});

test('citations wrapped across single line breaks, but never across a blank line', () => {
  check(
    `
    As Smith and
       ^^^^^^^^^
    Jones (2019) and (Smith,
    ^^^^^^^^^^^^     ^^^^^^^
    2019) show. A hyphenated Arm-
    ^^^^^                    ^^^^
    strong (2006) too.
    ^^^^^^^^^^^^^

    (Smith,

    2019) is not one.
    `,
    [[{ authors: ['Smith', 'Jones'] }], [{ authors: ['Smith'] }], [{ authors: ['Armstrong'] }]],
  );
});

test('Markdown decorations around citations', () => {
  check(
    String.raw`
    Parsing _(Tkaczyk et al., 2015)_ works, and \([Barnes, 2010](https://example.org/a); [Smith 2016](https://example.org/b)\) too.
             ^^^^^^^^^^^^^^^^^^^^^^              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    Also [Barnes (2010 )] and *Lee* (*2004*).
          ^^^^^^^^^^^^^^       ^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['Tkaczyk'], etAl: true }],
      [{ authors: ['Barnes'], year: 2010 }, { authors: ['Smith'], year: 2016 }],
      [{ authors: ['Barnes'] }],
      [{ authors: ['Lee'], year: 2004 }],
    ],
    { markdown: true },
  );
});

test('narrative citations inside an enclosing parenthesis', () => {
  check(
    `
    Demand is estimated (see Berry, Levinsohn, and Pakes (1995) and Nevo (2000)) here.
                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^
    `,
    [[{ authors: ['Berry', 'Levinsohn', 'Pakes'] }], [{ authors: ['Nevo'] }]],
  );
});

test('separators between authors and the ways of writing "et al."', () => {
  check(
    `
    Lists (Smith, Jones, & Lee, 2019), (Smith, and Jones, 2019) and (Smith and  Jones, 2019).
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^^^^^^
    Forms (Smith, et al., 2019), (Smith Et Al. 2019), (Smith et. al., 2019) and Smith, et al. (2019).
          ^^^^^^^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['Smith', 'Jones', 'Lee'], etAl: false }],
      [{ authors: ['Smith', 'Jones'] }],
      [{ authors: ['Smith', 'Jones'], authorText: 'Smith and Jones' }],
      [{ authors: ['Smith'], etAl: true, authorText: 'Smith, et al.' }],
      [{ authors: ['Smith'], etAl: true, authorText: 'Smith Et Al.' }],
      [{ authors: ['Smith'], etAl: true }],
      [{ authors: ['Smith'], etAl: true, authorText: 'Smith, et al.' }],
    ],
  );
});

test('curly apostrophes in possessives, and a personal communication written in capitals', () => {
  check(
    `
    In Jones’ (2001) and Smith’s (2002) views, and in a talk (J. Smith, Personal Communication, March 3, 2020).
       ^^^^^^^^^^^^^     ^^^^^^^^^^^^^^                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['Jones'], possessive: true, authorText: 'Jones’' }],
      [{ authors: ['Smith'], possessive: true }],
      [{ authors: ['J. Smith'], year: 2020, personalCommunication: true }],
    ],
  );
});

test('authors whose names hold the letters that may start a date', () => {
  check(
    `
    Names (Finn & Ivanov, 2019), (Nash, n.d.), (Ford, in press) and (Field, forthcoming).
          ^^^^^^^^^^^^^^^^^^^^^  ^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^^
    `,
    [
      [{ authors: ['Finn', 'Ivanov'], year: 2019 }],
      [{ authors: ['Nash'], year: 'n.d.' }],
      [{ authors: ['Ford'], year: 'in press' }],
      [{ authors: ['Field'], year: 'forthcoming' }],
    ],
  );
});

test('a part holding a parenthesis is skipped, and a citation around a narrative one is kept in text order', () => {
  const citations = check(
    `
    Parts (Oke, 1982; Smith (Ed.), 2001; Lee, 2003) and (Oke, 1982; see Nevo (2000)) here.
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [[{ authors: ['Oke'], year: 1982 }, { authors: ['Lee'], year: 2003 }], [{ authors: ['Oke'], year: 1982 }]],
  );
  assert.equal(citations.length, 2);
});

test('parentheses that are not citations', () => {
  check(
    `
    The war (1939–1945) and Russel (1872-1970) lived (see Table 2) with (N = 2,019) and (p < .001) in (Figure 3).
            !!!!!!!!!!!     !!!!!!!!!!!!!!!!!!       !!!!!!!!!!!!!      !!!!!!!!!!!     !!!!!!!!!!    !!!!!!!!!!
    It cost (USD 2,400) in (the Sahel, 2015 data excluded) and (in 2019 we found) after 1996 in the report (2019).
            !!!!!!!!!!!    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!     !!!!!!!!!!!!!!!!!! !!!!!!!!!! !!!!!!!!!!!!!!!!!!!
    Version (v2.0, 2019), a venue (ISMIR 2009), a month (March 2019) and (Table 3, 2019).
            !!!!!!!!!!!!          !!!!!!!!!!!!          !!!!!!!!!!!!     !!!!!!!!!!!!!!!
    `,
  );
});

test('a failing segment is skipped while the others remain', () => {
  check(
    `
    Mixed (Table 2, 2019; Oke, 1982; the data 2020) list.
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `,
    [[{ authors: ['Oke'], year: 1982 }]],
  );
});

test('nothing is found inside a skipped span', () => {
  check(
    `
    Cited (Oke, 1982) here.
          ^^^^^^^^^^^
    Oke, T. R. (1982). The energetic basis of the urban heat island (Oke, 1982).
    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
    `,
    [],
    { skipMarked: true },
  );
});

test('nothing is found in code or comments once the text is masked', () => {
  check(
    '`(Oke, 1982)` and <!-- (Oke, 1982) --> but (Lee, 2001).\n' + '                                           ^^^^^^^^^^^',
    [],
    { markdown: true },
  );
});

test('adversarial inputs finish and give sane results', () => {
  const inputs = [
    '('.repeat(100_000),
    ')'.repeat(100_000),
    '('.repeat(50_000) + 'Smith, 2019' + ')'.repeat(50_000),
    'Smith (2019) '.repeat(400_000),
    'a'.repeat(5_000_000),
    '"'.repeat(10_000) + '(' + '“'.repeat(10_000) + ', 2019)',
    'Aa '.repeat(100_000) + '(2019)',
    '(' + 'Smith, '.repeat(50_000) + '2019)',
    '(Smith, 2019' + ', 2019'.repeat(50_000) + ')',
    ('Van der ' + 'de '.repeat(1_000) + '(2019) ').repeat(100),
    '\n'.repeat(100_000) + '(Smith, 2019)',
    '(“x, 2019) '.repeat(100_000),
  ];
  for (const input of inputs) {
    const { citations } = findProseCitations(input, []);
    for (const citation of citations) {
      assert.ok(citation.span.start >= 0 && citation.span.end <= input.length && citation.span.start < citation.span.end);
      assert.ok(citation.items.length > 0);
    }
  }
  assert.equal(findProseCitations('Smith (2019) '.repeat(1000), []).citations.length, 1000);
  assert.equal(findProseCitations('('.repeat(50_000) + 'Smith, 2019' + ')'.repeat(50_000), []).citations.length, 1);
});
