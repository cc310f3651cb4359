// Measures the core against the hand-made ground truth of the development corpus, which sits next to the repository
// (../shared/corpus). It prints per-document and total scores, then the misses, so that they can be worked on. It
// reports and never judges: the exit code is 0 unless the script itself fails. Two more tables count the diagnostics of
// the style rules when each document is checked against each citation style (per document, and per rule), so that
// false alarms show; --findings lists them.
//
// Usage: npm run eval [-- [name filter] [--json] [--all] [--findings[=style]]]
//   name filter  only documents whose file name contains it
//   --json       print the numbers as JSON instead of the tables and misses
//   --all        list every miss instead of the first few per document
//   --findings   list every style finding (line, code, message) under every style, or under the one named

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultDiagnosticSettings, type CitationStyleId } from '../../server/src/core/types';
import { languageIdOfPath } from '../../server/src/core/syntax/mask';
import { citationStyleIdOf, citationStyleIds } from '../../server/src/core/style/citationStyles';
import { addCounts, addFindingCounts, emptyCounts, styleFindingCounts, isStyleFinding, evaluateDocument, LineIndex, scoresOf, type Counts, type DocumentEvaluation, type FoundFacts, type Miss, type Scores, type Truth } from './match';

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
  /** The styles whose findings are listed one by one; none unless --findings is given. */
  findingsOf: CitationStyleId[];
}

/** One diagnostic of a style rule, as --findings lists it. */
interface StyleFinding {
  line: number;
  code: string;
  message: string;
}

type FindingsByStyle = Record<CitationStyleId, StyleFinding[]>;

/** A corpus document's style findings; documents without ground truth get only these. */
interface StyleReport {
  name: string;
  /** The diagnostics of the style rules when the document is checked against each citation style. */
  styleFindings: FindingsByStyle;
  /** Why the core could not analyse the document; it is then scored as if it found nothing. */
  error?: string;
}

type DocumentResult = DocumentEvaluation & StyleReport;

/** The files of the corpus that are documents rather than bibliography files, by extension. */
const DOCUMENT_FILE = /\.(?:md|qmd|rmd|txt|tex|typ|rst)$/i;

function parseOptions(args: string[]): Options {
  const filter = args.find((arg) => !arg.startsWith('--'));
  const findings = args.find((arg) => arg === '--findings' || arg.startsWith('--findings='));
  const named = findings?.split('=')[1];
  const findingsOf = !findings ? [] : named === undefined ? citationStyleIds : [citationStyleIdOf(named)].filter((id): id is CitationStyleId => id !== undefined);
  if (named !== undefined && findingsOf.length === 0) console.log(`--findings: no citation style "${named}"; the styles are ${citationStyleIds.join(', ')}.`);
  return { filter, json: args.includes('--json'), all: args.includes('--all'), findingsOf };
}

function documentNames(filter: string | undefined): string[] {
  return readdirSync(truthFolder)
    .filter((file) => file.endsWith(TRUTH_SUFFIX))
    .map((file) => file.slice(0, -TRUTH_SUFFIX.length))
    .filter((name) => filter === undefined || name.includes(filter))
    .sort();
}

/** Corpus documents without ground truth: their style findings are counted all the same. */
function documentsWithoutTruth(filter: string | undefined, withTruth: string[]): string[] {
  return readdirSync(corpusFolder)
    .filter((file) => DOCUMENT_FILE.test(file) && !withTruth.includes(file) && file.toLowerCase() !== 'readme.md')
    .filter((name) => filter === undefined || name.includes(filter))
    .sort();
}

function noFindings(): FindingsByStyle {
  return Object.fromEntries(citationStyleIds.map((id) => [id, []])) as unknown as FindingsByStyle;
}

/** The core's findings, or nothing when it throws: a crash in the core is a finding of the evaluation, not its end. */
function analyseSafely(text: string, name: string): { found: FoundFacts; styleFindings: FindingsByStyle; error?: string } {
  try {
    const analysis = analyse(text, languageIdOfPath(name), 1);
    const lines = new LineIndex(text);
    const styleFindings = noFindings();
    for (const id of citationStyleIds) {
      styleFindings[id] = diagnose(analysis, defaultDiagnosticSettings, id)
        .filter(isStyleFinding)
        .map(({ span, code, message }) => ({ line: lines.lineOf(span.start), code, message }));
    }
    return { found: analysis, styleFindings };
  } catch (error) {
    const nothing: FoundFacts = {
      facts: { version: 1, citations: [], keyedCitations: [], bibliographies: [], abbreviations: [], problems: [] },
      resolution: { byCitation: [], byKeyedCitation: [], citeCount: new Map(), citesAll: false, indistinguishable: [] },
    };
    return { found: nothing, styleFindings: noFindings(), error: error instanceof Error ? error.message : String(error) };
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

function styleReport(name: string): StyleReport {
  const { styleFindings, error } = analyseSafely(readFileSync(path.join(corpusFolder, name), 'utf8'), name);
  return { name, styleFindings, error };
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

function printRuledTable(rows: string[][]): void {
  const lines = alignedTable(rows);
  const rule = '-'.repeat(lines[0].length);
  console.log([lines[0], rule, ...lines.slice(1, -1), rule, lines[lines.length - 1]].join('\n'));
}

/** Style findings per document and style, then per rule and style: which rules fire where shows at a glance. */
function printStyleTables(results: StyleReport[]): void {
  const countsOf = (result: StyleReport, id: CitationStyleId) => styleFindingCounts(result.styleFindings[id]);
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);
  console.log('\nStyle findings per document, with the document checked against each citation style:');
  const totals = citationStyleIds.map((id) => results.reduce((total, result) => total + result.styleFindings[id].length, 0));
  printRuledTable([
    ['document', ...citationStyleIds],
    ...results.map((result) => [result.name, ...citationStyleIds.map((id) => String(result.styleFindings[id].length))]),
    ['total', ...totals.map(String)],
  ]);
  const byStyle = citationStyleIds.map((id) => results.reduce((total, result) => addFindingCounts(total, countsOf(result, id)), {} as Record<string, number>));
  const codes = [...new Set(byStyle.flatMap((counts) => Object.keys(counts)))].sort();
  if (codes.length === 0) return;
  console.log('\nStyle findings per rule (all documents):');
  printRuledTable([
    ['rule', ...citationStyleIds],
    ...codes.map((code) => [code, ...byStyle.map((counts) => (code in counts ? String(counts[code]) : '·'))]),
    ['total', ...byStyle.map((counts) => String(sum(counts)))],
  ]);
}

/** Every style finding under the chosen styles, so that each can be judged a true finding or a false alarm. */
function printFindings(results: StyleReport[], styles: CitationStyleId[]): void {
  for (const id of styles) {
    for (const result of results) {
      const findings = result.styleFindings[id];
      if (findings.length === 0) continue;
      console.log(`\n${result.name} under ${id}: ${findings.length} style ${findings.length === 1 ? 'finding' : 'findings'}`);
      for (const finding of findings) console.log(`  ${String(finding.line).padStart(5)}  ${finding.code.padEnd(24)}  ${finding.message}`);
    }
  }
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
  /** Per citation style, how many diagnostics of each style rule. */
  styleFindings: Record<CitationStyleId, Record<string, number>>;
  error?: string;
}

function findingCountsByStyle(findings: FindingsByStyle): Record<CitationStyleId, Record<string, number>> {
  return Object.fromEntries(citationStyleIds.map((id) => [id, styleFindingCounts(findings[id])])) as Record<CitationStyleId, Record<string, number>>;
}

/** The scored documents, then the style findings of the documents without ground truth; the total counts both. */
function printJson(results: DocumentResult[], total: Counts, withoutTruth: StyleReport[]): void {
  const documents: JsonDocument[] = results.map((result) => ({
    name: result.name,
    counts: result.counts,
    scores: scoresOf(result.counts),
    misses: result.misses.length,
    styleFindings: findingCountsByStyle(result.styleFindings),
    error: result.error,
  }));
  const unscored = withoutTruth.map((report) => ({ name: report.name, styleFindings: findingCountsByStyle(report.styleFindings), error: report.error }));
  const styleFindings = Object.fromEntries(
    citationStyleIds.map((id) => [id, [...documents, ...unscored].reduce((sum, document) => addFindingCounts(sum, document.styleFindings[id]), {} as Record<string, number>)]),
  );
  // JSON.stringify drops undefined scores; null keeps every key present for whoever reads the numbers.
  const json = JSON.stringify({ documents, unscored, total: { counts: total, scores: scoresOf(total), styleFindings } }, (_, value) => (value === undefined ? null : value), 2);
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
  // Bibliography files are not read here, so a document that cites only by key gets few findings.
  const withoutTruth = documentsWithoutTruth(options.filter, names).map(styleReport);
  if (options.json) {
    printJson(results, total, withoutTruth);
    return;
  }
  printTable(results, total);
  const styleReports = [...results, ...withoutTruth];
  printStyleTables(styleReports);
  for (const report of withoutTruth) if (report.error) console.log(`\n${report.name}: the core threw: ${report.error}`);
  for (const result of results) printMisses(result, options.all);
  printFindings(styleReports, options.findingsOf);
}

main();
