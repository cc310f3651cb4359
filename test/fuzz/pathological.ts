// Inputs built to make a parser backtrack or rescan: long runs of one character, unclosed and nested brackets,
// citation syntax repeated inside itself, long words and one-line files of a megabyte. A linear parser takes about
// as long per kilobyte on a 256 KB input as on a 1 MB one; a backtracking one takes far longer on the larger.

export interface PathologicalPattern {
  name: string;
  /** The text repeated (and cut) to the wanted length. */
  unit: string;
  /** Text put once before the repeated part, to steer the parser into the mode under attack. */
  head?: string;
}

const runsOfOneCharacter = ['a', ' ', '\n', '\r', '(', ')', '[', '{', '}', '@', '\\', '.', ',', '-', '"', '0'].map((unit) => ({ name: `${JSON.stringify(unit)} repeated`, unit }));

export const pathologicalPatterns: PathologicalPattern[] = [
  ...runsOfOneCharacter,
  { name: '"\\r\\n" repeated', unit: '\r\n' },
  { name: 'nested "((("', unit: '((Smith, ' },
  { name: 'nested "[@[@[@"', unit: '[@' },
  { name: 'nested "\\cite{\\cite{"', unit: '\\cite{' },
  { name: 'nested "@a{@a{"', unit: '@a{' },
  { name: 'repeated "et al."', unit: 'et al. ' },
  { name: 'one long name without spaces', unit: 'Abcdefghijklmnopqrstuvwxyz' },
  { name: 'a name list that never reaches its year', unit: 'Smith, J., ' },
  { name: 'unclosed citations', unit: '(Smith, 2019; ' },
  { name: 'narrative citations', unit: 'Smith and Jones (2019) ' },
  { name: 'years without spaces', unit: '2019' },
  { name: 'pandoc keys without a closing bracket', unit: '[see @a; ' },
  { name: 'LaTeX keys that never close', unit: '\\cite{a,' },
  { name: 'optional arguments that never close', unit: '\\citep[see' },
  { name: 'Typst cites without a closing parenthesis', unit: '#cite(<a>' },
  { name: 'URLs and DOIs', unit: 'https://doi.org/10.1000/' },
  { name: 'reference entries', unit: 'Smith, J. (2019). Title. *Journal*, 1(2), 3–4.\n\n', head: '# References\n\n' },
  { name: 'one entry line of a megabyte', unit: 'Smith, J., ', head: '# References\n\n' },
  { name: 'list markers', unit: '- 1. > ' },
  { name: 'thebibliography items', unit: '\\bibitem[Oke(1982)]{k} ', head: '\\begin{thebibliography}{9}\n' },
  { name: 'BibTeX fields that never close', unit: 'author = {A and ', head: '@article{key,\n' },
  { name: 'BibTeX entries', unit: '@article{k, author = {A, B}, year = 2019}\n' },
  { name: 'BibTeX concatenation', unit: 'a # ', head: '@string{x = ' },
  // Linking reads each child and then its parent at the start, with no line that starts an entry between them.
  { name: 'BibTeX entries on one line that inherit', unit: '@inproceedings{c, title={T}, crossref={p}} ', head: '@proceedings{p, title={P}} ' },
  { name: 'RIS tags', unit: 'AU  - Smith, J.\n', head: 'TY  - JOUR\n' },
  { name: 'nested JSON arrays', unit: '[' },
  { name: 'CSL-JSON items', unit: '{"id":"k","author":[{"family":"A"}],"issued":{"date-parts":[[2019]]}},', head: '[' },
  { name: 'nested YAML lists', unit: '- ' },
  { name: 'YAML aliases', unit: '- *a\n', head: 'references:\n- &a {id: k}\n' },
  { name: 'nested YAML flow collections in an item', unit: '{a: [', head: 'references:\n- id: k\n  note: ' },
  { name: 'YAML flow collections opened and closed', unit: '{a: [{a: [{a: [x]}]}]}, ', head: 'references: [' },
  { name: 'one YAML flow mapping with complex keys', unit: '? [a, b]: c, ', head: '{' },
  { name: 'YAML items in flow style', unit: '- {id: k, author: [{family: A}], issued: {date-parts: [[2019]]}}\n', head: 'references:\n' },
  { name: 'YAML quoted strings in a flow list', unit: '"a\\"b", ', head: '[' },
  { name: 'front matter that never closes', unit: '  - refs.bib\n', head: '---\nbibliography:\n' },
  { name: 'code fences', unit: '```\n' },
  { name: 'HTML comments that never close', unit: '<!-- ' },
  { name: 'LaTeX comments and escapes', unit: '\\%%' },
];

export function pathologicalText(pattern: PathologicalPattern, length: number): string {
  const head = pattern.head ?? '';
  const body = pattern.unit.repeat(Math.ceil(Math.max(0, length - head.length) / pattern.unit.length));
  return (head + body).slice(0, length);
}
