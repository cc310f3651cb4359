// Measures the core against the hand-made ground truth of the development corpus, which sits next to the repository
// (../shared/corpus). It prints per-document and total scores, then the misses, so that they can be worked on. It
// reports and never judges: the exit code is 0 unless the script itself fails. A second table counts the diagnostics of
// each style rule under APA 7, the default style, so that false alarms show.
//
// Usage: npm run eval [-- [name filter] [--json] [--all]]
//   name filter  only documents whose file name contains it
//   --json       print the numbers as JSON instead of the table and misses
//   --all        list every miss instead of the first few per document

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultCitationStyle, defaultDiagnosticSettings } from '../../server/src/core/types';
import { languageIdOfPath } from '../../server/src/core/syntax/mask';
import { addCounts, addFindingCounts, emptyCounts, styleFindingCounts, evaluateDocument, scoresOf, type Counts, type DocumentEvaluation, type FoundFacts, type Miss, type Scores, type Truth } from './match';

const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
const corpusFolder = path.resolve(repositoryRoot, '..', 'shared', 'corpus');
const truthFolder = path.join(corpusFolder, 'truth');
const TRUTH_SUFFIX = '.json';
/** Misses shown per document unless --all is given. */
const MISSES_SHOWN = 30;

interface Options {
  filter?: string;
  json: boolean;
  all: boolean;
}

interface DocumentResult extends DocumentEvaluation {
  name: string;
  /** Why the core could not analyse the document; it is then scored as if it found nothing. */
  error?: string;
  /** Diagnostics of each style rule under the default style, by code. */
  styleFindings: Record<string, number>;
}

function parseOptions(args: string[]): Options {
  const filter = args.find((arg) => !arg.startsWith('--'));
  return { filter, json: args.includes('--json'), all: args.includes('--all') };
}

function documentNames(filter: string | undefined): string[] {
  return readdirSync(truthFolder)
    .filter((file) => file.endsWith(TRUTH_SUFFIX))
    .map((file) => file.slice(0, -TRUTH_SUFFIX.length))
    .filter((name) => filter === undefined || name.includes(filter))
    .sort();
}

/** The core's findings, or nothing when it throws: a crash in the core is a finding of the evaluation, not its end. */
function analyseSafely(text: string, name: string): { found: FoundFacts; styleFindings: Record<string, number>; error?: string } {
  try {
    const analysis = analyse(text, languageIdOfPath(name), 1);
    return { found: analysis, styleFindings: styleFindingCounts(diagnose(analysis, defaultDiagnosticSettings, defaultCitationStyle)) };
  } catch (error) {
    const nothing: FoundFacts = {
      facts: { version: 1, citations: [], keyedCitations: [], bibliographies: [], abbreviations: [], problems: [] },
      resolution: { byCitation: [], byKeyedCitation: [], citeCount: new Map(), citesAll: false, indistinguishable: [] },
    };
    return { found: nothing, styleFindings: {}, error: error instanceof Error ? error.message : String(error) };
  }
}

function evaluate(name: string): DocumentResult | undefined {
  const documentPath = path.join(corpusFolder, name);
  if (!existsSync(documentPath)) return undefined;
  const text = readFileSync(documentPath, 'utf8');
  const truth = JSON.parse(readFileSync(path.join(truthFolder, name + TRUTH_SUFFIX), 'utf8')) as Truth;
  const { found, styleFindings, error } = analyseSafely(text, name);
  return { name, error, styleFindings, ...evaluateDocument(text, truth, found) };
}

// ---------------------------------------------------------------------------------------------------------------------
// The table.

function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(1)}%`;
}

function fraction(part: number, whole: number): string {
  return `${part}/${whole}`;
}

const COLUMNS = ['document', 'cit found', 'cit truth', 'cit P', 'cit R', 'works', 'works R', 'entries', 'at line', 'correct', 'entry acc', 'agree', 'resolution'];

function tableRow(name: string, counts: Counts): string[] {
  const scores = scoresOf(counts);
  return [
    name,
    String(counts.foundCitations),
    String(counts.truthCitations),
    percent(scores.citationPrecision),
    percent(scores.citationRecall),
    fraction(counts.matchedWorks, counts.truthWorks),
    percent(scores.workRecall),
    fraction(counts.foundEntries, counts.truthEntries),
    String(counts.locatedEntries),
    String(counts.correctEntries),
    percent(scores.entryAccuracy),
    fraction(counts.resolutionAgreements, counts.resolutionChecks),
    percent(scores.resolutionAccuracy),
  ];
}

/** Left-aligns the first column and right-aligns the others, which hold numbers. */
function alignedTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
}

function printTable(results: DocumentResult[], total: Counts): void {
  const rows = [COLUMNS, ...results.map((result) => tableRow(result.name, result.counts)), tableRow('total', total)];
  const lines = alignedTable(rows);
  const rule = '-'.repeat(lines[0].length);
  console.log([lines[0], rule, ...lines.slice(1, -1), rule, lines[lines.length - 1]].join('\n'));
  console.log(
    '\ncit P/R: citations found that match a truth citation / truth citations found (spans overlap, one to one).' +
      '\nworks: truth works (first author and year) read in matched citations / truth works.' +
      '\nentries: found/truth; at line: truth entries with a found entry on their line; correct: also with the right first' +
      '\nauthor and year. agree: cited works resolved as listed or missing, and entries cited or never cited, as the truth says.',
  );
}

/** One row per document with style findings, one column per rule that fired anywhere, and the total. */
function printStyleTable(results: DocumentResult[], total: Record<string, number>): void {
  const codes = Object.keys(total).sort();
  console.log('\nStyle findings per document (diagnostics of each style rule under APA 7):');
  if (codes.length === 0) {
    console.log('  none');
    return;
  }
  const row = (name: string, counts: Record<string, number>) => [name, ...codes.map((code) => String(counts[code] ?? 0)), String(codes.reduce((sum, code) => sum + (counts[code] ?? 0), 0))];
  const rows = [['document', ...codes, 'all'], ...results.filter((r) => Object.keys(r.styleFindings).length > 0).map((r) => row(r.name, r.styleFindings)), row('total', total)];
  const lines = alignedTable(rows);
  const rule = '-'.repeat(lines[0].length);
  console.log([lines[0], rule, ...lines.slice(1, -1), rule, lines[lines.length - 1]].join('\n'));
}

// ---------------------------------------------------------------------------------------------------------------------
// The misses.

function missLine(miss: Miss, expectedWidth: number): string {
  return `  ${String(miss.line).padStart(5)}  ${miss.kind.padEnd(10)}  ${miss.expected.padEnd(expectedWidth)}  found: ${miss.found}`;
}

function printMisses(result: DocumentResult, all: boolean): void {
  const shown = all ? result.misses : result.misses.slice(0, MISSES_SHOWN);
  if (shown.length === 0 && result.truthWarnings.length === 0 && !result.error) return;
  console.log(`\n${result.name}: ${result.misses.length} ${result.misses.length === 1 ? 'miss' : 'misses'}`);
  if (result.error) console.log(`  the core threw: ${result.error}`);
  const expectedWidth = Math.max(0, ...shown.map((miss) => miss.expected.length));
  for (const miss of shown) console.log(missLine(miss, expectedWidth));
  const hidden = result.misses.length - shown.length;
  if (hidden > 0) console.log(`  … and ${hidden} more (add --all to list them)`);
  for (const warning of result.truthWarnings) console.log(`  truth check: ${warning}`);
}

// ---------------------------------------------------------------------------------------------------------------------

interface JsonDocument {
  name: string;
  counts: Counts;
  scores: Scores;
  misses: number;
  styleFindings: Record<string, number>;
  error?: string;
}

function printJson(results: DocumentResult[], total: Counts, styleFindings: Record<string, number>): void {
  const documents: JsonDocument[] = results.map((result) => ({
    name: result.name,
    counts: result.counts,
    scores: scoresOf(result.counts),
    misses: result.misses.length,
    styleFindings: result.styleFindings,
    error: result.error,
  }));
  // JSON.stringify drops undefined scores; null keeps every key present for whoever reads the numbers.
  const json = JSON.stringify({ documents, total: { counts: total, scores: scoresOf(total), styleFindings } }, (_, value) => (value === undefined ? null : value), 2);
  console.log(json);
}

function main(): void {
  if (!existsSync(truthFolder)) {
    console.log(`No evaluation corpus at ${corpusFolder}; nothing to evaluate.`);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  const names = documentNames(options.filter);
  const results: DocumentResult[] = [];
  for (const name of names) {
    const result = evaluate(name);
    if (result) results.push(result);
    else if (!options.json) console.log(`${name}: the document is missing from the corpus; skipped.`);
  }
  if (results.length === 0) {
    console.log(options.filter ? `No document with ground truth matches "${options.filter}".` : 'The corpus has no ground truth.');
    return;
  }
  const total = results.reduce((sum, result) => addCounts(sum, result.counts), emptyCounts());
  const styleFindings = results.reduce((sum, result) => addFindingCounts(sum, result.styleFindings), {} as Record<string, number>);
  if (options.json) {
    printJson(results, total, styleFindings);
    return;
  }
  printTable(results, total);
  printStyleTable(results, styleFindings);
  for (const result of results) printMisses(result, options.all);
}

main();
