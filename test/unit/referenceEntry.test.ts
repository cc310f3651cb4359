import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReferenceEntry, WorkDate } from '../../server/src/core/types';
import { familyWithParticle } from '../../server/src/core/syntax/names';
import { looksLikeReferenceEntry, parseReferenceEntry } from '../../server/src/core/syntax/referenceEntry';

function parse(text: string): ReferenceEntry {
  return parseReferenceEntry(text, { start: 0, end: text.length }, 'entry-0');
}

interface EntryCase {
  name: string;
  text: string;
  families: string[];
  year?: number;
  date?: Partial<WorkDate>;
  title?: string;
  container?: string;
  doi?: string;
  url?: string;
  editors?: string[];
  elided?: boolean;
  problems?: string[];
}

const cases: EntryCase[] = [
  {
    name: 'APA journal article with DOI link',
    text: 'Bailey, S. F., Alonso Morales, L. A., & Kassen, R. (2021). Effects of synonymous mutations. *Genome Biology and Evolution*, 13(9), evab141. https://doi.org/10.1093/gbe/evab141',
    families: ['Bailey', 'Alonso Morales', 'Kassen'],
    year: 2021,
    title: 'Effects of synonymous mutations',
    container: 'Genome Biology and Evolution',
    doi: '10.1093/gbe/evab141',
  },
  {
    name: 'APA with angle-bracketed DOI',
    text: 'Petrova, M. H. (2016). Rhetorical entrapment and normative enticement. 387–399. <https://doi.org/10.1093/isq/sqv013>',
    families: ['Petrova'],
    year: 2016,
    title: 'Rhetorical entrapment and normative enticement',
    doi: '10.1093/isq/sqv013',
  },
  {
    name: 'doi: prefix',
    text: 'Hale, K. (2011). Working memory in writing. Journal of Writing, 4, 1–9. doi:10.1000/xyz.123.',
    families: ['Hale'],
    year: 2011,
    container: 'Journal of Writing',
    doi: '10.1000/xyz.123',
  },
  {
    name: 'semicolon-separated authors, no full stop after the year',
    text: 'Goodfellow, I. J.; Shlens, J.; Szegedy, C. (2015) Explaining and harnessing adversarial examples. ICLR 2015',
    families: ['Goodfellow', 'Shlens', 'Szegedy'],
    year: 2015,
    title: 'Explaining and harnessing adversarial examples',
  },
  {
    name: 'family name without comma',
    text: 'Nguyen A.; Yosinski J.; Clune J. (2015) Deep Neural Networks are Easily Fooled. In CVPR, IEEE',
    families: ['Nguyen', 'Yosinski', 'Clune'],
    year: 2015,
  },
  {
    name: 'initials before surnames',
    text: 'R. A. Berman & D. I. Slobin (1994). Relating events in narrative. Hillsdale, NJ: Erlbaum.',
    families: ['Berman', 'Slobin'],
    year: 1994,
    title: 'Relating events in narrative',
  },
  {
    name: 'given names first, ACL style',
    text: 'Yiheng Xu, Minghao Li, and Lei Cui. 2020. LayoutLM: Pre-training of text and layout. In Proceedings of KDD.',
    families: ['Xu', 'Li', 'Cui'],
    year: 2020,
    title: 'LayoutLM: Pre-training of text and layout',
  },
  {
    name: 'year only at the end of the entry',
    text: 'Yiheng Xu, Ming Zhou. [LayoutLM: Pre-training of Text](https://arxiv.org/pdf/1912.13318.pdf). KDD 2020',
    families: ['Xu', 'Zhou'],
    year: 2020,
    title: 'LayoutLM: Pre-training of Text',
    url: 'https://arxiv.org/pdf/1912.13318.pdf',
  },
  {
    name: 'Chicago with quoted title',
    text: 'Kesarwani, Vaibhav. 2018. “Automatic poetry classification using natural language processing.” Master’s thesis, University of Ottawa.',
    families: ['Kesarwani'],
    year: 2018,
    title: 'Automatic poetry classification using natural language processing',
  },
  {
    name: 'full given name and year without full stop',
    text: 'Zaghouani, Wajdi. (2014) Critical Survey of the Freely Available Arabic Corpora. Published in the Proceedings of LREC.',
    families: ['Zaghouani'],
    year: 2014,
    title: 'Critical Survey of the Freely Available Arabic Corpora',
  },
  {
    name: 'edited volume: the editor is the author',
    text: 'Alhawary, M. T. (Ed.) (2018). Routledge Handbook of Arabic Second Language Acquisition. London: Routledge.',
    families: ['Alhawary'],
    year: 2018,
    title: 'Routledge Handbook of Arabic Second Language Acquisition',
  },
  {
    name: 'several editors of an edited volume',
    text: 'Ortega, L., & Han, Z. (Eds.). (2017). Complexity theory and language development. John Benjamins.',
    families: ['Ortega', 'Han'],
    year: 2017,
  },
  {
    name: 'chapter: editors after "In" are not authors',
    text: 'Thorhallsson, B. (2019). Small states and the changing global order. In A. -M. Brady (Ed.), (pp. 379-395). Springer.',
    families: ['Thorhallsson'],
    year: 2019,
    title: 'Small states and the changing global order',
    editors: ['Brady'],
  },
  {
    name: 'group author',
    text: 'Stop Killer Robots. (2024). <https://www.stopkillerrobots.org/news/>',
    families: ['Stop Killer Robots'],
    year: 2024,
    url: 'https://www.stopkillerrobots.org/news/',
  },
  {
    name: 'group author with "of"',
    text: 'World Health Organization. (2018). Global status report on road safety. WHO.',
    families: ['World Health Organization'],
    year: 2018,
  },
  {
    name: 'particle',
    text: 'van den Boogard, J. (2024). *OpinioJuris*. <https://opiniojuris.org/2024/03/04/warning/>',
    families: ['van den Boogard'],
    year: 2024,
    title: 'OpinioJuris',
    url: 'https://opiniojuris.org/2024/03/04/warning/',
  },
  {
    name: 'suffix Jr.',
    text: 'King, M. L., Jr. (1963). Why we can’t wait. Harper & Row.',
    families: ['King'],
    year: 1963,
  },
  {
    name: 'et al. inside the author list',
    text: 'Danecek, P., Bonfield, J. K., Liddle, J., et al. (2021). Twelve years of SAMtools and BCFtools. *GigaScience*, 10(2).',
    families: ['Danecek', 'Bonfield', 'Liddle'],
    year: 2021,
    elided: true,
  },
  {
    name: 'APA 7 ellipsis',
    text: 'Ahn, A., Bell, B., Cho, C., Diaz, D., Eto, E., Fry, F., … Zhu, Z. (2020). Many hands. Science, 1, 2.',
    families: ['Ahn', 'Bell', 'Cho', 'Diaz', 'Eto', 'Fry', 'Zhu'],
    year: 2020,
    elided: true,
  },
  {
    name: 'full date',
    text: 'Rutherford, K. (2004, March 17). [Paper Presentation]. International Studies Association Annual Convention, Montreal.',
    families: ['Rutherford'],
    date: { year: 2004, text: '2004, March 17', month: 'March', day: 17 },
  },
  {
    name: 'year with suffix',
    text: 'Okafor, C. (2019b). Second thoughts. Press.',
    families: ['Okafor'],
    date: { year: 2019, suffix: 'b' },
  },
  {
    name: 'original year of a republished work',
    text: 'Freud, S. (1900/1953). The interpretation of dreams. Hogarth Press.',
    families: ['Freud'],
    date: { year: 1953, originalYear: 1900 },
  },
  {
    name: 'no date',
    text: 'Lindqvist, E. (n.d.). Field notes. Retrieved from the archive.',
    families: ['Lindqvist'],
    date: { noDate: true },
  },
  {
    name: 'in press',
    text: 'Moreau, P. (in press). Forthcoming work. Journal of Things.',
    families: ['Moreau'],
    date: { inPress: true },
  },
  {
    name: 'Econometrica: colon after the year, title in quotes',
    text: 'Armstrong, M. (2006): “Competition in Two-Sided Markets,” The RAND Journal of Economics, 37(3), 668–691.',
    families: ['Armstrong'],
    year: 2006,
    title: 'Competition in Two-Sided Markets',
    container: 'The RAND Journal of Economics',
  },
  {
    name: 'citation label in front of the entry',
    text: '_(Shen et al., 2021)_ Zejiang Shen, Kyle Lo, Doug Downey. 2021. Incorporating visual layout structures. arXiv:2106.00676',
    families: ['Shen', 'Lo', 'Downey'],
    year: 2021,
  },
  {
    name: 'surnames only, Harvard list',
    text: 'Fecher and Friesike (2014). Open Science: One Term, Five Schools of Thought. [doi.org/10.1007/978-3-319-00026-8_2](https://doi.org/10.1007/978-3-319-00026-8_2)',
    families: ['Fecher', 'Friesike'],
    year: 2014,
    doi: '10.1007/978-3-319-00026-8_2',
  },
  {
    name: 'URL that is not a DOI, with a parenthesis inside',
    text: 'Pérez, F. (2011). Python tools. <https://example.org/wiki/Python_(language)>.',
    families: ['Pérez'],
    year: 2011,
    url: 'https://example.org/wiki/Python_(language)',
  },
  {
    name: 'no date: still an entry, with a problem',
    text: 'Oxford Nanopore Technologies. Medaka: Sequence correction. https://github.com/nanoporetech/medaka',
    families: ['Oxford Nanopore Technologies'],
    url: 'https://github.com/nanoporetech/medaka',
    problems: ['entry-no-date'],
  },
  {
    name: 'no author: still an entry, with a problem',
    text: '(1970): “Estimating Cost Function Parameters,” Econometrica, 38(2), 256–75.',
    families: [],
    year: 1970,
    problems: ['entry-no-author'],
  },
  {
    name: 'neither author nor date',
    text: '12345 67890',
    families: [],
    problems: ['entry-no-date', 'entry-no-author'],
  },
];

for (const c of cases) {
  test(`entry: ${c.name}`, () => {
    const entry = parse(c.text);
    assert.deepEqual(entry.authors.map(familyWithParticle), c.families, 'authors');
    if (c.year !== undefined) assert.equal(entry.date?.year, c.year, 'year');
    if (c.date) for (const [key, value] of Object.entries(c.date)) assert.equal(entry.date?.[key as keyof WorkDate], value, `date.${key}`);
    if (c.title !== undefined) assert.equal(entry.title, c.title, 'title');
    if (c.container !== undefined) assert.equal(entry.container, c.container, 'container');
    assert.equal(entry.doi, c.doi, 'doi');
    if (c.url !== undefined) assert.equal(entry.url, c.url, 'url');
    assert.deepEqual((entry.editors ?? []).map(familyWithParticle), c.editors ?? [], 'editors');
    assert.equal(entry.authorsElided ?? false, c.elided ?? false, 'authorsElided');
    assert.deepEqual(entry.problems.map((p) => p.code), c.problems ?? [], 'problems');
    for (const problem of entry.problems) {
      assert.deepEqual(problem.span, { start: 0, end: c.text.length });
      assert.ok(problem.message.length > 20, 'a problem says what is wrong');
    }
    assert.equal(entry.text, c.text);
    assert.equal(entry.id, 'entry-0');
  });
}

test('a date in capitals after the authors is read like one in lower case', () => {
  assert.deepEqual(parse('Smith, J. (2004, MARCH 17). Title. Source.').date, { text: '2004, MARCH 17', year: 2004, month: 'March', day: 17 });
  assert.deepEqual(parse('Smith, J. (IN PRESS-B). Title. Source.').date, { text: 'IN PRESS-B', inPress: true, suffix: 'b' });
});

test('a year outside the publication years in parentheses is no date, and the next date is looked for', () => {
  assert.deepEqual(parse('Smith, J. (1300). Title. Source.').problems.map((p) => p.code), ['entry-no-date']);
  assert.equal(parse('Smith, J. (1300) Title (2019). Source.').date?.year, 2019);
});

test('initials with letters outside ASCII are read as initials', () => {
  const entry = parse('Ölander, Ö.-M., & Łukasz, Ł. (2019). Title. Source.');
  assert.deepEqual(entry.authors.map(familyWithParticle), ['Ölander', 'Łukasz']);
  assert.deepEqual(entry.authors.map((name) => name.given), ['Ö.-M.', 'Ł.']);
});

test('an n.d. suffix is kept', () => {
  assert.equal(parse('Lindqvist, E. (n.d.-b). Notes.').date?.suffix, 'b');
});

test('a work without an author starts with its title', () => {
  const entry = parse('New U.S. anti-personnel landmine policy. (2022). *Arms Control Today*, 52(6).');
  assert.deepEqual(entry.authors, []);
  assert.equal(entry.title, 'New U.S. anti-personnel landmine policy');
  assert.equal(entry.container, 'Arms Control Today');
  assert.equal(entry.date?.year, 2022);
  assert.deepEqual(entry.problems, [], 'a title in the author position is a complete APA entry');
  assert.equal(looksLikeReferenceEntry(entry.text), true);
});

test('the editor of a chapter keeps the given-name initials', () => {
  const entry = parse('Thorhallsson, B. (2019). Small states. In A. -M. Brady (Ed.), (pp. 379-395). Springer.');
  assert.deepEqual(entry.editors, [{ family: 'Brady', given: 'A. -M.' }]);
  assert.deepEqual(entry.authors, [{ family: 'Thorhallsson', given: 'B.' }]);
});

test('the particle is kept apart from the family name', () => {
  const entry = parse('van den Boogard, J. (2024). *OpinioJuris*.');
  assert.deepEqual(entry.authors, [{ family: 'Boogard', particle: 'van den', given: 'J.' }]);
});

test('a group author is kept whole as literal and family', () => {
  const entry = parse('United Nations. (2018). [Press Release]. <https://press.un.org/en/2018/sgsm19332.doc.htm>');
  assert.deepEqual(entry.authors, [{ family: 'United Nations', literal: 'United Nations' }]);
  assert.equal(entry.title, undefined);
});

const entryShapes: { text: string; isEntry: boolean }[] = [
  { text: 'Smith, J. (2019). A title. Journal.', isEntry: true },
  { text: 'Stop Killer Robots. (2024). <https://example.org/>', isEntry: true },
  { text: 'Kesarwani, Vaibhav. 2018. “Automatic poetry classification.”', isEntry: true },
  { text: 'van den Boogard, J. (2024). *OpinioJuris*.', isEntry: true },
  { text: 'Thus, Smith (2019) argued that small states matter.', isEntry: false },
  { text: 'In 2019 the treaty was signed by most states.', isEntry: false },
  { text: 'The CCW is restricted by the beliefs of a few states (Qerimi, 2023).', isEntry: false },
  { text: 'Smith, J. A title without any date.', isEntry: false },
];

for (const c of entryShapes) {
  test(`looksLikeReferenceEntry: ${c.text}`, () => {
    assert.equal(looksLikeReferenceEntry(c.text), c.isEntry);
  });
}

test('entries never throw and stay sane on hostile input', () => {
  const hostile = ['', ' ', '('.repeat(100000), '“'.repeat(50000) + '"', 'a, '.repeat(100000), '\u0000\u0001\ud800\uffff'.repeat(1000), '2019. '.repeat(20000), 'In (Ed.) '.repeat(10000)];
  for (const text of hostile) {
    const entry = parse(text);
    assert.equal(entry.text, text);
    assert.ok(Array.isArray(entry.authors));
    assert.ok(Array.isArray(entry.problems));
  }
});

test('an MLA entry of three or more authors, "Oke, Ada, et al.", reads its first author, its title and its container', () => {
  const entry = parse('Oke, Ada, et al. "A Study of Things." *Journal of Stuff*, vol. 3, no. 2, 2019, pp. 1–20.');
  assert.deepEqual(entry.authors.map((a) => a.family), ['Oke']);
  assert.equal(entry.authorsElided, true);
  assert.equal(entry.title, 'A Study of Things');
  assert.equal(entry.container, 'Journal of Stuff');
  assert.equal(entry.date?.year, 2019);
  // "et al." inside a title ends neither the title nor the authors.
  const inTitle = parse('Smith, J. (2019). Revisiting Jones et al. Findings on memory. *Journal of Memory*, 3(2), 1–9.');
  assert.deepEqual([inTitle.title, inTitle.container], ['Revisiting Jones et al. Findings on memory', 'Journal of Memory']);
  // APA's "et al." before the date is read as before.
  const apa = parse('Oke, T. R., et al. (2019). A study of things. *Journal of Stuff*, 3(2), 1–20.');
  assert.deepEqual([apa.authors.map((a) => a.family), apa.title], [['Oke'], 'A study of things']);
});
