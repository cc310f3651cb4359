#!/usr/bin/env node
// `citewise check FILE...`: the same checks as the editor, for CI and scripts. Prints one line per problem as
// `file:line:col severity code message` (or JSON with --format json) and exits 1 when any error is found.

import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, type Analysis } from './core/index/analysis';
import { diagnose, type CoreDiagnostic } from './core/features/diagnostics';
import { languageIdOfPath } from './core/syntax/mask';
import { toRange } from './convert';
import { defaultDiagnosticSettings, type Span } from './core/types';

const USAGE = `Usage: citewise check [--format text|json] FILE...

Checks the author-date citations in each file against the file's reference list.
  --format text   one line per problem: file:line:col severity code message (default)
  --format json   citations, reference entries and diagnostics of each file (see the README)
  --exit-zero     exit 0 even when errors are found (for a first look at a document)
Exit status: 0 no errors, 1 an error was found, 2 a file could not be read or the command was wrong.`;

interface Options {
  format: 'text' | 'json';
  exitZero: boolean;
  files: string[];
}

function parseArguments(argv: string[]): Options | string {
  if (argv[0] !== 'check') return argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? USAGE : `Unknown command "${argv[0]}".\n\n${USAGE}`;
  const options: Options = { format: 'text', exitZero: false, files: [] };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format') {
      const value = argv[++i];
      if (value !== 'text' && value !== 'json') return `--format takes "text" or "json", not "${value ?? ''}".`;
      options.format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') return `--format takes "text" or "json", not "${value}".`;
      options.format = value;
    } else if (arg === '--exit-zero') options.exitZero = true;
    else if (arg === '--help' || arg === '-h') return USAGE;
    else options.files.push(arg);
  }
  if (options.files.length === 0) return `No file given.\n\n${USAGE}`;
  return options;
}

/** A file with NUL bytes near its start is not text; reading it as prose would only produce noise. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function jsonReport(file: string, document: TextDocument, analysis: Analysis, diagnostics: CoreDiagnostic[]) {
  const where = (span: Span) => ({ range: toRange(document, span), offsets: [span.start, span.end] });
  const { facts, resolution } = analysis;
  return {
    file,
    citations: facts.citations.map((citation, ci) => ({
      ...where(citation.span),
      kind: citation.kind,
      text: analysis.text.slice(citation.span.start, citation.span.end),
      items: citation.items.map((work, wi) => {
        const { span, authorSpan, dateSpan, ...fields } = work;
        void authorSpan;
        void dateSpan;
        return { ...where(span), ...fields, resolution: resolution.byCitation[ci]?.[wi] };
      }),
    })),
    referenceList: facts.referenceList
      ? {
          ...where(facts.referenceList.span),
          heading: facts.referenceList.heading?.text,
          entries: facts.referenceList.entries.map(({ span, problems, ...fields }) => ({
            ...where(span),
            ...fields,
            citedCount: resolution.citeCount.get(fields.id) ?? 0,
            problems: problems.map((p) => ({ ...where(p.span), code: p.code, message: p.message })),
          })),
        }
      : null,
    abbreviations: facts.abbreviations.map(({ span, ...fields }) => ({ ...where(span), ...fields })),
    diagnostics: diagnostics.map((d) => ({ ...where(d.span), severity: d.severity, code: d.code, message: d.message })),
  };
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    (options === USAGE ? out : err)(options + '\n');
    return options === USAGE ? 0 : 2;
  }
  let status = 0;
  const reports: unknown[] = [];
  for (const file of options.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      err(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      status = 2;
      continue;
    }
    if (looksBinary(bytes)) {
      err(`${file}: skipped: this looks like a binary file, not text\n`);
      continue;
    }
    const text = bytes.toString('utf8');
    const languageId = languageIdOfPath(file);
    const document = TextDocument.create(`file://${file}`, languageId, 1, text);
    const analysis = analyse(text, languageId, 1);
    const diagnostics = diagnose(analysis, defaultDiagnosticSettings);
    if (!options.exitZero && diagnostics.some((d) => d.severity === 'error') && status === 0) status = 1;
    if (options.format === 'json') reports.push(jsonReport(file, document, analysis, diagnostics));
    else {
      for (const d of diagnostics) {
        const start = document.positionAt(d.span.start);
        out(`${file}:${start.line + 1}:${start.character + 1} ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
  }
  if (options.format === 'json') out(JSON.stringify({ version: 1, files: reports }, null, 2) + '\n');
  return status;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
