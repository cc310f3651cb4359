// Measures the BibTeX reader on synthetic files of 1,000, 10,000 and 50,000 entries built in memory, against the
// floor of finding every "@type{key," with indexOf. Prints a table; nothing passes or fails.
// Run: node out/test/bench/bibtex.bench.js

import { linkBibtex, scanBibtex } from '../../server/src/core/syntax/bib/bibtex';

const SIZES = [1_000, 10_000, 50_000];
const REPEATS = 3;

const SURNAMES = ['M{\\"u}ller', 'van der Berg', 'Qerimi', '{\\\'O}lafur Fischer', 'Nguyen', "O'Brien", 'Dalla Preda'];
const JOURNALS = ['jair', 'aij', '{Computer Law \\& Security Review}', '"Journal of {AI} Research"'];

function syntheticEntry(index: number): string {
  const first = SURNAMES[index % SURNAMES.length];
  const second = SURNAMES[(index * 7 + 3) % SURNAMES.length];
  const type = index % 5 === 0 ? 'inproceedings' : 'article';
  const container = index % 5 === 0 ? `  crossref = {conf${index % 50}},\n` : `  journal = ${JOURNALS[index % JOURNALS.length]},\n`;
  return (
    `@${type}{key${index}:${index % 97},\n` +
    `  author = {${first}, Anna and ${second}, B. and others},\n` +
    `  title = {{Controlling} Lethal Autonomous Weapons Systems, part ${index} --- a {\\emph{study}} of {\\'e}l{\\\`e}ves},\n` +
    container +
    `  year = ${1990 + (index % 35)},\n  month = ${['jan', 'feb', 'mar'][index % 3]},\n` +
    `  volume = {${index % 40}}, number = "${index % 12}", pages = {${index}--${index + 12}},\n` +
    `  doi = {10.1000/test.${index}},\n` +
    `  abstract = {We study ${index} things. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.},\n` +
    `}\n\n`
  );
}

function syntheticFile(entries: number): string {
  const strings = '@string{jair = "Journal of Artificial Intelligence Research"}\n@string{aij = {Artificial Intelligence}}\n\n';
  const proceedings = Array.from({ length: 50 }, (_, i) => `@proceedings{conf${i},\n  title = {Proceedings of Conference ${i}},\n  publisher = {AAAI Press},\n  year = 2020\n}\n\n`);
  const parts = [strings, ...proceedings];
  for (let i = 0; i < entries; i++) parts.push(syntheticEntry(i));
  return parts.join('');
}

/** The least any reader must do: find each "@", its "{" and the comma after the key. */
function floorScan(text: string): number {
  let count = 0;
  let position = text.indexOf('@');
  while (position >= 0) {
    const open = text.indexOf('{', position);
    const comma = text.indexOf(',', open);
    if (open < 0 || comma < 0) break;
    count++;
    position = text.indexOf('\n@', comma);
    if (position >= 0) position++;
  }
  return count;
}

function fastest<T>(run: () => T): { milliseconds: number; result: T } {
  let best = Infinity;
  let result = run();
  for (let i = 0; i < REPEATS; i++) {
    const started = process.hrtime.bigint();
    result = run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { milliseconds: best, result };
}

function row(cells: (string | number)[]): string {
  return cells.map((cell, index) => String(cell).padStart(index === 0 ? 8 : 12)).join(' ');
}

console.log(row(['entries', 'MB', 'floor ms', 'scan ms', 'link ms', 'total ms', 'x floor', 'MB/s', 'read']));
for (const size of SIZES) {
  const text = syntheticFile(size);
  const megabytes = text.length / 1e6;
  const floor = fastest(() => floorScan(text));
  const scan = fastest(() => scanBibtex(text));
  const link = fastest(() => linkBibtex([{ source: 'bench.bib', scan: scan.result }]));
  const total = scan.milliseconds + link.milliseconds;
  const read = link.result.get('bench.bib')?.entries.length ?? 0;
  console.log(row([
    size, megabytes.toFixed(1), floor.milliseconds.toFixed(1), scan.milliseconds.toFixed(1), link.milliseconds.toFixed(1),
    total.toFixed(1), (total / floor.milliseconds).toFixed(1), (megabytes / (total / 1000)).toFixed(1), read,
  ]));
}
