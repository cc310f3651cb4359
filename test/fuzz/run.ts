// The long fuzz run (`npm run fuzz`): many more and longer generated inputs than `npm test` uses, plus inputs built
// to make regular expressions backtrack, at 256 KB and 1 MB. Prints, per parser, how many cases ran, the longest
// parse and the most milliseconds per kilobyte; exits non-zero when a property fails or a parser grows faster than
// linearly. Usage: npm run fuzz [-- --seed N --runs N --only PARSER]

import fc from 'fast-check';
import { casesFor, checkCase, targets, type FuzzCase, type FuzzTarget } from './targets';
import { pathologicalPatterns, pathologicalText } from './pathological';

const DEFAULT_SEED = 20260214;
const DEFAULT_RUNS = 2000;
/** Generated inputs are up to this many times longer than in `npm test`. */
const INPUT_SCALE = 8;
const SMALL = 256 * 1024;
const LARGE = 1024 * 1024;
/** Per-kilobyte cost may grow this much from 256 KB to 1 MB before the growth counts as superlinear (quadratic is 4). */
const MAX_GROWTH = 2.5;
/** Parses of 1 MB faster than this are not judged: timer noise dominates them. */
const JUDGED_MS = 100;

interface Report {
  name: string;
  cases: number;
  failures: string[];
  longestMs: number;
  longestWhat: string;
  maxMsPerKb: number;
  maxMsPerKbWhat: string;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}

function record(report: Report, input: FuzzCase, ms: number, what: string): void {
  report.cases++;
  if (ms > report.longestMs) {
    report.longestMs = ms;
    report.longestWhat = `${what} (${(input.text.length / 1024).toFixed(0)} KB)`;
  }
  // Below a kilobyte, the fixed cost of a call swamps the per-kilobyte cost.
  if (input.text.length < 1024) return;
  const msPerKb = ms / (input.text.length / 1024);
  if (msPerKb > report.maxMsPerKb) {
    report.maxMsPerKb = msPerKb;
    report.maxMsPerKbWhat = what;
  }
}

function runGenerated(target: FuzzTarget, report: Report, seed: number, runs: number): void {
  const details = fc.check(
    fc.property(casesFor(target, INPUT_SCALE), (input) => {
      record(report, input, checkCase(target, input), 'generated');
    }),
    { seed, numRuns: runs },
  );
  if (details.failed) report.failures.push(fc.defaultReportMessage(details) ?? 'a generated case failed');
}

/**
 * Each pattern once per parser, in one of its languages in turn: every pattern in every language would take an hour.
 * Both sizes get the full check, whose time is the better of two parses, so that one garbage collection does not
 * pass for superlinear growth; a pattern that still looks superlinear is measured again.
 */
function runPathological(target: FuzzTarget, report: Report): void {
  pathologicalPatterns.forEach((pattern, index) => {
    const languageId = target.languageIds[index % target.languageIds.length];
    const what = `${pattern.name} [${languageId}]`;
    try {
      const timeAt = (length: number) => {
        const input = { text: pathologicalText(pattern, length), languageId };
        const ms = checkCase(target, input);
        record(report, input, ms, what);
        return ms;
      };
      const growthOf = (small: number, large: number) => large / LARGE / (Math.max(small, 0.05) / SMALL);
      let small = timeAt(SMALL);
      let large = timeAt(LARGE);
      // On a machine busy with other work one slow parse can look like superlinear growth: such a pattern is measured
      // again, up to twice, and judged on the best times. Growth that is really superlinear stays at every try.
      for (let retry = 0; retry < 2 && large > JUDGED_MS && growthOf(small, large) > MAX_GROWTH; retry++) {
        small = Math.min(small, timeAt(SMALL));
        large = Math.min(large, timeAt(LARGE));
      }
      const growth = growthOf(small, large);
      if (large > JUDGED_MS && growth > MAX_GROWTH) {
        report.failures.push(`${what}: ${small.toFixed(1)} ms at 256 KB but ${large.toFixed(1)} ms at 1 MB, ${growth.toFixed(1)} times the cost per KB`);
      }
    } catch (error) {
      report.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function printTable(reports: Report[]): void {
  const rows = reports.map((r) => [r.name, String(r.cases), String(r.failures.length), r.longestMs.toFixed(1), r.longestWhat, r.maxMsPerKb.toFixed(3), r.maxMsPerKbWhat]);
  const header = ['parser', 'cases', 'failures', 'longest ms', 'longest input', 'max ms/KB', 'max ms/KB input'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 1 || i === 2 || i === 3 || i === 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function main(): void {
  const seed = option('seed', DEFAULT_SEED);
  const runs = option('runs', DEFAULT_RUNS);
  const only = process.argv.indexOf('--only');
  const chosen = only >= 0 ? targets.filter((target) => target.name === process.argv[only + 1]) : targets;
  console.log(`Fuzzing ${chosen.length} parsers: seed ${seed}, ${runs} generated cases each, then ${pathologicalPatterns.length} pathological patterns at 256 KB and 1 MB.`);
  const reports: Report[] = [];
  for (const target of chosen) {
    const report: Report = { name: target.name, cases: 0, failures: [], longestMs: 0, longestWhat: '', maxMsPerKb: 0, maxMsPerKbWhat: '' };
    const started = Date.now();
    runGenerated(target, report, seed, runs);
    runPathological(target, report);
    console.log(`${target.name}: ${report.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    reports.push(report);
  }
  console.log('');
  printTable(reports);
  const total = reports.reduce((sum, r) => sum + r.cases, 0);
  const worst = reports.reduce((a, b) => (b.maxMsPerKb > a.maxMsPerKb ? b : a));
  const longest = reports.reduce((a, b) => (b.longestMs > a.longestMs ? b : a));
  console.log(`\n${total} cases; longest parse ${longest.longestMs.toFixed(1)} ms (${longest.name}, ${longest.longestWhat}); at most ${worst.maxMsPerKb.toFixed(3)} ms/KB (${worst.name}, ${worst.maxMsPerKbWhat}).`);
  const failures = reports.flatMap((r) => r.failures.map((f) => `${r.name}: ${f}`));
  if (failures.length === 0) return;
  console.error(`\n${failures.length} failures:\n${failures.join('\n\n')}`);
  process.exitCode = 1;
}

main();
