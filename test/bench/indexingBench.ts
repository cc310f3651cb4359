// How long reading a bibliography file takes, per format and size, against the least any reader must do (read the
// file and find every "@type{key," with indexOf) and against citation-js on the same BibTeX text.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { linkBibtex, scanBibtex } from '../../server/src/core/syntax/bib/bibtex';
import type { ReferenceEntry } from '../../server/src/core/types';
import { searchWords } from '../../server/src/core/features/entrySearch';
import { parseCslJson } from '../../server/src/core/syntax/bib/cslJson';
import { timeOnce, timeRepeated, summarise, type Timing } from './measure';
import { milliseconds, type Row } from './report';
import type { BibliographyFiles } from './bibliographyFiles';

/** Sizes up to this many entries are also read by citation-js; larger ones would take most of the run's time. */
const CITATION_JS_LIMIT = 10_000;

/** The least any reader must do: find each "@", its "{" and the comma after the key. */
export function floorScan(text: string): number {
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

function repeatsFor(entries: number): number {
  return entries <= 1_000 ? 15 : entries <= 10_000 ? 7 : 3;
}

/** The files a child process reads: the collection without its works, which only the document benchmarks need. */
type IndexedFiles = Omit<BibliographyFiles, 'works'>;

/**
 * Measures one collection in a fresh process, so that what earlier sizes and citation-js leave on the heap does not slow
 * this one's garbage collection.
 */
export function indexingRows(collection: BibliographyFiles): Row[] {
  const { works, ...files } = collection;
  void works;
  const output = execFileSync(process.execPath, [__filename, JSON.stringify(files)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(output) as Row[];
}

function measureCollection(collection: IndexedFiles): Row[] {
  const { entries } = collection;
  const size = `${entries.toLocaleString('en')} entries`;
  const runs = repeatsFor(entries);
  const megabytes = collection.bibtexMegabytes;
  const floor = timeRepeated(runs, () => floorScan(readFileSync(collection.bibtexPath, 'utf8')));
  const scanSamples: number[] = [];
  const linkSamples: number[] = [];
  const totalSamples: number[] = [];
  const problemsSamples: number[] = [];
  const searchedSamples: number[] = [];
  let read = 0;
  let problems = 0;
  for (let run = 0; run <= runs; run++) {
    const started = process.hrtime.bigint();
    const text = readFileSync(collection.bibtexPath, 'utf8');
    let scan!: ReturnType<typeof scanBibtex>;
    let entries!: ReferenceEntry[];
    const scanTime = timeOnce(() => (scan = scanBibtex(text)));
    const linkTime = timeOnce(() => (entries = linkBibtex([{ source: 'references.bib', scan }]).get('references.bib')!.entries));
    const total = Number(process.hrtime.bigint() - started) / 1e6;
    // What a bibliography file's diagnostics read soon after: every entry's problems, worked out on their own.
    const problemsTime = timeOnce(() => {
      problems = 0;
      for (const entry of entries) problems += entry.problems.length;
    });
    // What completion's index reads, in the background once the server is idle or else on first use: every entry's
    // search words (authors, date, title), read without filling the entries.
    const searchedTime = timeOnce(() => {
      for (const entry of entries) searchWords(entry);
    });
    read = entries.length;
    // The first run warms the code up and is not counted.
    if (run === 0) continue;
    scanSamples.push(scanTime);
    linkSamples.push(linkTime);
    totalSamples.push(total);
    problemsSamples.push(problemsTime);
    searchedSamples.push(searchedTime);
  }
  const bibtex = summarise(totalSamples);
  const rows: Row[] = [
    { what: 'floor: read BibTeX + indexOf pass', size, timing: floor, notes: `${megabytes.toFixed(1)} MB` },
    {
      what: 'BibTeX: read + scan + link',
      size,
      timing: bibtex,
      ratio: bibtex.median / floor.median,
      notes: `× floor; scan ${milliseconds(summarise(scanSamples).median)} + link ${milliseconds(summarise(linkSamples).median)}; ` +
        `${(megabytes / (bibtex.median / 1000)).toFixed(0)} MB/s; ${read.toLocaleString('en')} entries read`,
    },
    {
      what: 'BibTeX: then every entry\'s problems read',
      size,
      timing: summarise(problemsSamples),
      notes: `after the row above, as a bibliography's diagnostics do; ${problems.toLocaleString('en')} problems`,
    },
    {
      what: 'BibTeX: then every entry\'s search words',
      size,
      timing: summarise(searchedSamples),
      notes: 'after the row above, as completion\'s index reads them: authors, date and title, without filling the entries',
    },
  ];
  rows.push(...cslJsonRows(collection, size, runs));
  // Last, because it leaves much on the heap.
  rows.splice(4, 0, citationJsRow(collection, size, bibtex));
  return rows;
}

function citationJsRow(collection: IndexedFiles, size: string, citewise: Timing): Row {
  if (collection.entries > CITATION_JS_LIMIT) {
    return { what: 'citation-js: BibTeX → CSL', size, notes: `not run above ${CITATION_JS_LIMIT.toLocaleString('en')} entries, to keep the run short` };
  }
  const cite = citationJs();
  if (!cite) return { what: 'citation-js: BibTeX → CSL', size, notes: '@citation-js/plugin-bibtex is not installed' };
  const convert = () => cite.plugins.input.chain(readFileSync(collection.bibtexPath, 'utf8'), { generateGraph: false });
  // One run at 10,000 entries (about 2 s); several at smaller sizes.
  const timing = collection.entries >= CITATION_JS_LIMIT ? summarise([timeOnce(convert)]) : timeRepeated(3, convert);
  return { what: 'citation-js: BibTeX → CSL', size, timing, ratio: timing.median / citewise.median, notes: '× Citewise read + scan + link' };
}

interface CitationJsInput {
  plugins: { input: { chain(data: string, options: Record<string, unknown>): unknown[] } };
}

function citationJs(): CitationJsInput | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const core = require('@citation-js/core') as CitationJsInput;
    require('@citation-js/plugin-bibtex');
    return core;
  } catch {
    return undefined;
  }
}

function cslJsonRows(collection: IndexedFiles, size: string, runs: number): Row[] {
  const megabytes = collection.cslJsonMegabytes;
  const parse = timeRepeated(runs, () => JSON.parse(readFileSync(collection.cslJsonPath, 'utf8')));
  let read = 0;
  const citewise = timeRepeated(runs, () => (read = parseCslJson(readFileSync(collection.cslJsonPath, 'utf8'), 'references.json').entries.length));
  return [
    { what: 'floor: read CSL-JSON + JSON.parse', size, timing: parse, notes: `${megabytes.toFixed(1)} MB` },
    {
      what: 'CSL-JSON: read + parse',
      size,
      timing: citewise,
      ratio: citewise.median / parse.median,
      notes: `× floor; ${(megabytes / (citewise.median / 1000)).toFixed(0)} MB/s; ${read.toLocaleString('en')} entries read`,
    },
  ];
}

if (require.main === module) process.stdout.write(JSON.stringify(measureCollection(JSON.parse(process.argv[2]) as IndexedFiles)));
