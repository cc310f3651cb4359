// Generated documents for the edit-safety properties: prose with citations that are right or carry the mistakes people
// make (a wrong year, a misspelt author, a missing co-author, an unknown work or key), and a typed reference list in
// random order, written with CRLF or LF line endings, with or without a byte order mark, with non-ASCII text and tabs.

import fc from 'fast-check';

/** A work of the typed list and how it is cited. */
interface Work {
  entry: string;
  narrative: string;
  parenthetical: string;
  year: string;
  misspelt: string;
  /** The first author alone, for a work by several authors (a citation that leaves out co-authors). */
  firstAuthor?: string;
}

const WORKS: Work[] = [
  { entry: 'Slovic, P. (1987). Perception of risk. *Science*, 236(4799), 280–285.', narrative: 'Slovic', parenthetical: 'Slovic', year: '1987', misspelt: 'Slovik' },
  {
    entry: 'Müller, A., & Tran, H. (2012). Two authors. *Journal*, 3, 1–9.',
    narrative: 'Müller and Tran',
    parenthetical: 'Müller & Tran',
    year: '2012',
    misspelt: 'Mueller and Tran',
    firstAuthor: 'Müller',
  },
  {
    entry: 'Ødegård, K., Berg, S., & Lund, T. (2019). Fjords\tand ice. *Polar Research*, 38, 1–12.',
    narrative: 'Ødegård et al.',
    parenthetical: 'Ødegård et al.',
    year: '2019',
    misspelt: 'Odegard et al.',
  },
  { entry: 'Zhao, L. (2014). Never cited. *Nature*, 511, 216–219.', narrative: 'Zhao', parenthetical: 'Zhao', year: '2014', misspelt: 'Zaho' },
  { entry: 'Smith, J. (2019). The beta study. *Journal*, 3, 1–9.', narrative: 'Smith', parenthetical: 'Smith', year: '2019', misspelt: 'Smyth' },
  { entry: 'Smith, J. (2019). An alpha study. *Journal*, 4, 10–19.', narrative: 'Smith', parenthetical: 'Smith', year: '2019', misspelt: 'Smith' },
  { entry: 'Çelik, E. (n.d.). Undated notes. *Bulletin*, 2, 5–6.', narrative: 'Çelik', parenthetical: 'Çelik', year: 'n.d.', misspelt: 'Celik' },
];

type Mistake = 'none' | 'wrong year' | 'misspelt' | 'missing co-author' | 'unknown work';

function authorOf(work: Work, form: 'narrative' | 'parenthetical', mistake: Mistake): string {
  if (mistake === 'misspelt') return work.misspelt;
  if (mistake === 'missing co-author' && work.firstAuthor) return work.firstAuthor;
  if (mistake === 'unknown work') return 'Nobody';
  return form === 'narrative' ? work.narrative : work.parenthetical;
}

function yearOf(work: Work, mistake: Mistake): string {
  if (mistake === 'wrong year') return work.year === 'n.d.' ? '2001' : String(Number(work.year) - 1);
  return mistake === 'unknown work' ? '2001' : work.year;
}

const authorDateCitation = fc
  .record({
    work: fc.constantFrom(...WORKS),
    form: fc.constantFrom('narrative' as const, 'parenthetical' as const),
    mistake: fc.constantFrom<Mistake>('none', 'wrong year', 'misspelt', 'missing co-author', 'unknown work'),
    locator: fc.constantFrom('', ', p. 4', ', pp. 3–5'),
  })
  .map(({ work, form, mistake, locator }) => {
    const author = authorOf(work, form, mistake);
    const year = yearOf(work, mistake);
    return form === 'narrative' ? `${author} (${year}${locator})` : `(${author}, ${year}${locator})`;
  });

/** Keys of the sample bibliography file, a near miss of one, and a key no entry has. */
const keyedCitation = fc.constantFrom('[@oke1982]', '[@bowler2010, p. 3]', '[@oke1928]', '@oke1982', '[@oke1982; @bowler2010]', '[@nobody2020]');

const proseWord = fc.constantFrom('Risk', 'is felt', 'naïve', 'façade', 'über', '日本語の文', 'heat\tislands', 'cities', 'as shown', '—', 'see');

const sentence = fc
  .tuple(fc.array(proseWord, { minLength: 1, maxLength: 4 }), fc.oneof({ weight: 3, arbitrary: authorDateCitation }, { weight: 2, arbitrary: keyedCitation }))
  .map(([words, citation]) => `${words.join(' ')} ${citation}.`);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(' '));

export interface EditDocument {
  text: string;
  lineEnding: '\n' | '\r\n';
}

/** A document of prose paragraphs and a typed reference list, its entries in random order. */
export const editDocument: fc.Arbitrary<EditDocument> = fc
  .record({
    lineEnding: fc.constantFrom('\n' as const, '\r\n' as const),
    byteOrderMark: fc.boolean(),
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
    entries: fc.shuffledSubarray(WORKS, { minLength: 0 }).map((works) => works.map((work) => work.entry)),
    listMarker: fc.constantFrom('', '- '),
    heading: fc.constantFrom('## References', 'References', '# Bibliography'),
    finalLineBreak: fc.boolean(),
  })
  .map(({ lineEnding, byteOrderMark, paragraphs, entries, listMarker, heading, finalLineBreak }) => {
    const list = entries.length ? ['', heading, '', entries.map((entry) => listMarker + entry).join(lineEnding + (listMarker ? '' : lineEnding))] : [];
    const lines = [paragraphs.join(lineEnding + lineEnding), ...list];
    const text = (byteOrderMark ? '\ufeff' : '') + lines.join(lineEnding) + (finalLineBreak ? lineEnding : '');
    return { text, lineEnding };
  });
