// Builds bibliographies of any size in memory, as BibTeX and as CSL-JSON with the same works, shaped like a
// reference manager's export: particles, diacritics (LaTeX escapes in BibTeX, Unicode in CSL-JSON), @string
// journals, month macros, DOIs, URLs, keywords, abstracts of a few hundred characters, and papers that inherit their
// proceedings through crossref. The same seed always gives the same text.

export interface SyntheticPerson {
  family: string;
  given: string;
  particle?: string;
}

export interface SyntheticWork {
  key: string;
  kind: 'article' | 'paper' | 'book';
  authors: SyntheticPerson[];
  year: number;
  month: number;
  title: string;
  /** Journal for an article, publisher for a book; papers take their proceedings' title. */
  container: string;
  volume: number;
  issue: number;
  pages: string;
  doi: string;
  abstract: string;
  /** The proceedings a paper belongs to. */
  proceedings?: number;
}

/** Family names as BibTeX writes them and as Unicode, with the particle where there is one. */
const FAMILIES: { latex: string; unicode: string; particle?: string }[] = [
  { latex: 'M{\\"u}ller', unicode: 'Müller' },
  { latex: 'Berg', unicode: 'Berg', particle: 'van der' },
  { latex: 'Qerimi', unicode: 'Qerimi' },
  { latex: 'Nguyen', unicode: 'Nguyen' },
  { latex: "O'Brien", unicode: "O'Brien" },
  { latex: 'Fontaine', unicode: 'Fontaine', particle: 'de la' },
  { latex: '{\\v{C}}apek', unicode: 'Čapek' },
  { latex: 'Garc{\\\'i}a', unicode: 'García' },
  { latex: 'Sch{\\"o}n', unicode: 'Schön' },
  { latex: 'Kowalski', unicode: 'Kowalski' },
  { latex: 'Humboldt', unicode: 'Humboldt', particle: 'von' },
  { latex: 'Ba{\\~n}os', unicode: 'Baños' },
  { latex: '{\\O}stergaard', unicode: 'Østergaard' },
  { latex: 'Tanaka', unicode: 'Tanaka' },
  { latex: 'Okafor', unicode: 'Okafor' },
  { latex: 'Lindqvist', unicode: 'Lindqvist' },
  { latex: 'Dalla Preda', unicode: 'Dalla Preda' },
  { latex: 'Smith', unicode: 'Smith' },
  { latex: 'Wei{\\ss}', unicode: 'Weiß' },
  { latex: 'Andr{\\\'e}', unicode: 'André' },
];

const GIVEN = ['Anna', 'Bernd', 'Chiara', 'Dmitri', 'Élodie', 'Farid', 'Grete', 'Hiro', 'Ines', 'Jonas', 'Kwame', 'Lea'];
const GIVEN_LATEX: Record<string, string> = { Élodie: "{\\'E}lodie" };

const TOPICS = [
  'urban heat islands', 'street trees', 'autonomous weapons', 'citation practices', 'soil carbon', 'language models',
  'coral bleaching', 'trade & development', 'housing policy', 'protein folding', 'migration routes', 'public transport', 'river restoration',
];
const FORMS = ['A systematic review of', 'Measuring', 'Rethinking', 'The economics of', 'Field evidence on', 'Modelling'];

/** Journals defined by @string in BibTeX; the macro name is the key. */
const JOURNALS: { macro: string; name: string }[] = [
  { macro: 'lup', name: 'Landscape and Urban Planning' },
  { macro: 'clsr', name: 'Computer Law & Security Review' },
  { macro: 'jair', name: 'Journal of Artificial Intelligence Research' },
  { macro: 'nature', name: 'Nature' },
  { macro: 'plos', name: 'PLOS ONE' },
];
const PUBLISHERS = ['Oxford University Press', 'MIT Press', 'Springer', 'Routledge'];
const PROCEEDINGS_COUNT = 200;
/** Emphasis, written as HTML in CSL-JSON titles and as \emph in BibTeX. */
const IN_SITU = '<i>in situ</i>';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const LOREM =
  'We study how the effect varies across sites and years. Lorem ipsum dolor sit amet, consectetur adipiscing elit, ' +
  'sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud ' +
  'exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in ' +
  'voluptate velit esse cillum dolore eu fugiat nulla pariatur; the results hold at 95% confidence.';

/** A small deterministic generator (a linear congruential one), so that every run measures the same text. */
export class Seeded {
  constructor(private state: number) {}

  next(): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
    return this.state / 0x1_0000_0000;
  }

  below(limit: number): number {
    return Math.floor(this.next() * limit);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

export function syntheticWorks(count: number, seed = 1): SyntheticWork[] {
  const random = new Seeded(seed);
  const works: SyntheticWork[] = [];
  for (let index = 0; index < count; index++) {
    const authors = Array.from({ length: 1 + random.below(4) }, () => person(random));
    const kind = index % 10 === 0 ? 'book' : index % 5 === 0 ? 'paper' : 'article';
    const year = 1970 + random.below(55);
    const topic = random.pick(TOPICS);
    const first = authors[0];
    works.push({
      key: `${asciiKey(first.family)}${year}${String.fromCharCode(97 + (index % 26))}${index}`,
      kind,
      authors,
      year,
      month: 1 + random.below(12),
      title: `${random.pick(FORMS)} ${topic}: evidence from ${100 + random.below(900)} sites${index % 4 === 0 ? ` ${IN_SITU}` : ''}`,
      container: kind === 'book' ? random.pick(PUBLISHERS) : random.pick(JOURNALS).macro,
      volume: 1 + random.below(120),
      issue: 1 + random.below(12),
      pages: `${1 + random.below(400)}--${401 + random.below(400)}`,
      doi: `10.${1000 + random.below(9000)}/synthetic.${index}`,
      abstract: LOREM.slice(0, 200 + random.below(200)),
      proceedings: kind === 'paper' ? random.below(PROCEEDINGS_COUNT) : undefined,
    });
  }
  return works;
}

function person(random: Seeded): SyntheticPerson {
  const family = random.pick(FAMILIES);
  return { family: family.unicode, given: random.pick(GIVEN), particle: family.particle };
}

function asciiKey(family: string): string {
  return family.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

function latexFamily(unicode: string): string {
  return FAMILIES.find((family) => family.unicode === unicode)?.latex ?? unicode;
}

function bibtexName(author: SyntheticPerson): string {
  const family = author.particle ? `${author.particle} ${latexFamily(author.family)}` : latexFamily(author.family);
  return `${family}, ${GIVEN_LATEX[author.given] ?? author.given}`;
}

function bibtexTitle(title: string): string {
  // Protective braces and an escape or two, as reference managers write them.
  return `{${title.replace(/^(\w+)/, '{$1}').replace(' & ', ' \\& ').replace(IN_SITU, '\\emph{in situ}')}}`;
}

/** A BibTeX file of the works, with its @string journals and the proceedings the papers cross-reference. */
export function bibtexText(works: SyntheticWork[]): string {
  const parts: string[] = [JOURNALS.map((journal) => `@string{${journal.macro} = "${journal.name.replace('&', '\\&')}"}\n`).join(''), '\n'];
  for (const work of works) parts.push(bibtexEntry(work));
  for (let i = 0; i < PROCEEDINGS_COUNT; i++) {
    parts.push(`@proceedings{proc${i},\n  title = {Proceedings of the {${2000 + (i % 25)}} Conference on ${TOPICS[i % TOPICS.length]}},\n` +
      `  publisher = {ACM}, address = {New York}, year = ${2000 + (i % 25)}\n}\n\n`);
  }
  return parts.join('');
}

function bibtexEntry(work: SyntheticWork): string {
  const type = work.kind === 'book' ? 'book' : work.kind === 'paper' ? 'inproceedings' : 'article';
  const lines = [
    `  author = {${work.authors.map(bibtexName).join(' and ')}}`,
    `  title = ${bibtexTitle(work.title)}`,
  ];
  if (work.kind === 'article') lines.push(`  journal = ${work.container}`, `  volume = {${work.volume}}`, `  number = {${work.issue}}`);
  if (work.kind === 'book') lines.push(`  publisher = {${work.container}}`, '  address = {Oxford}');
  if (work.kind === 'paper') lines.push(`  crossref = {proc${work.proceedings}}`);
  lines.push(
    `  year = ${work.year}`,
    `  month = ${MONTHS[work.month - 1]}`,
    `  pages = {${work.pages}}`,
    `  doi = {${work.doi}}`,
    `  url = {https://doi.org/${work.doi}}`,
    '  keywords = {cities, climate, review}',
    `  abstract = {${work.abstract.replace('%', '\\%')}}`,
    '  langid = {english}',
  );
  return `@${type}{${work.key},\n${lines.join(',\n')},\n}\n\n`;
}

/** The same works as a CSL-JSON array, the way Zotero exports it. */
export function cslJsonText(works: SyntheticWork[]): string {
  const items = works.map((work) => {
    const item: Record<string, unknown> = {
      id: work.key,
      type: work.kind === 'book' ? 'book' : work.kind === 'paper' ? 'paper-conference' : 'article-journal',
      author: work.authors.map((author) => ({ family: author.family, given: author.given, 'non-dropping-particle': author.particle })),
      issued: { 'date-parts': [[work.year, work.month]] },
      title: work.title,
      page: work.pages.replace('--', '–'),
      DOI: work.doi,
      URL: `https://doi.org/${work.doi}`,
      abstract: work.abstract,
      language: 'en',
    };
    if (work.kind === 'article') Object.assign(item, { 'container-title': JOURNALS.find((j) => j.macro === work.container)!.name, volume: String(work.volume), issue: String(work.issue) });
    if (work.kind === 'book') Object.assign(item, { publisher: work.container, 'publisher-place': 'Oxford' });
    if (work.kind === 'paper') Object.assign(item, { 'container-title': `Proceedings of the conference ${work.proceedings}`, publisher: 'ACM' });
    return item;
  });
  return JSON.stringify(items, null, 2);
}
