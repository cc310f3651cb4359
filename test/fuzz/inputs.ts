// Input generators for the fuzz tests: arbitrary text, text built from fragments that citation and bibliography
// parsers react to, and random edits of valid samples. fast-check makes every generator replayable from its seed.

import fc from 'fast-check';

/** Pieces of author-date citations, keyed citations, reference lists, markup and bibliography syntax. */
export const FRAGMENTS = [
  '(', ')', '[', ']', '{', '}', '<', '>', ';', ',', '.', ':', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '"', '“', '”', "'", '’',
  '&', ' and ', ' et al.', ' et al., ', '2019', '2019a', '1982b', 'n.d.', 'n.d.-a', 'in press', '1900/1953', 'p. 4', 'pp. 3–5',
  'Smith', 'Oke', 'van der ', "O'", 'de la ', 'World Health Organization', '[WHO]', 'as cited in ', 'see ', 'e.g., ',
  'personal communication', 'Jr.', '(Ed.)', '...', '…', 'https://doi.org/10.1/x', 'doi:10.1002/qj.1', 'http://x.org/(a)',
  '@', '@key', '[@', '[-@', '@oke1982', '\\cite{', '\\citep[see][12]{', '\\textcite{', '\\parencites[3]{a}[]{b}', '\\cite',
  '\\bibitem{', '\\bibitem[Oke(1982)]{', '\\begin{thebibliography}{9}', '\\end{thebibliography}', '\\newblock ', '%',
  '\\addbibresource{', '\\bibliography{', '#cite(<', '>)', '#bibliography("', '`', '```\n', '<!--', '-->', '---\n',
  'bibliography: ', '# References\n', '## Bibliography\n', 'References\n----------\n', '.. ', '> ', '- ', '* ', '1. ', '\\item ',
  '@article{', '@string{', '@comment{', '@book(', 'author = {', 'title = "', ' # ', 'year = 1982', 'crossref = {', '},\n',
  'TY  - JOUR\n', 'AU  - ', 'PY  - 1982///\n', 'ER  - \n', '{"id": "', '"author": [{"family": "', '"issued": {"date-parts": [[',
  ']]}', 'references:\n', '- id: ', '  author:\n', '  - family: ', '&anchor ', '*anchor', '!!str ',
  'é', 'e\u0301', '\u00a0', '\ufeff', '\u2028', '\ud83d\ude00', '\ud800', '\u0000',
];

export const fragment = fc.constantFrom(...FRAGMENTS);

/** Text assembled from fragments with a little random text between them. */
export function fragmentSoup(maxPieces: number): fc.Arbitrary<string> {
  const piece = fc.oneof({ weight: 6, arbitrary: fragment }, { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme-ascii' }) });
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** Any text at all, including lone surrogates and control characters. */
export function anyText(maxLength: number): fc.Arbitrary<string> {
  const syntax = fc.constantFrom('(', ')', '[', ']', '{', '}', '@', '\\', '\n', ' ', ',', ';');
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  return fc.string({ maxLength, unit: fc.oneof(syntax, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), codeUnit) });
}

/** One edit at a relative position: a fragment inserted, a stretch deleted, or a stretch of the text copied elsewhere. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fragment, fragment, fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 60 }) }),
);

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, change: Edit): string {
  const at = Math.floor(change.at * text.length);
  if (change.kind === 'insert') return text.slice(0, at) + change.text + text.slice(at);
  if (change.kind === 'delete') return text.slice(0, at) + text.slice(at + change.length);
  const from = Math.floor(change.from * text.length);
  return text.slice(0, at) + text.slice(from, from + change.length) + text.slice(at);
}

/** One of the samples with up to `maxEdits` random edits. */
export function mutationOf(samples: readonly string[], maxEdits: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: maxEdits }))
    .map(([sample, edits]) => edits.reduce(applyEdit, sample));
}

/** The mix every parser is fed: mutated samples most often, then fragment soup, then arbitrary text. */
export function parserInput(samples: readonly string[], scale = 1): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: mutationOf(samples, 30 * scale) },
    { weight: 3, arbitrary: fragmentSoup(150 * scale) },
    { weight: 1, arbitrary: anyText(300 * scale) },
  );
}
