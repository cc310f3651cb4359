#!/usr/bin/env node
// `citewise check FILE...`: the same checks as the editor, for CI and scripts. Prints one line per problem as
// `file:line:col severity code message` (or JSON with --format json) and exits 1 when any error is found.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveFacts } from './core/index/analysis';
import { computeFacts } from './core/index/documentFacts';
import { diagnose, diagnoseNamedBibliographies } from './core/features/diagnostics';
import { bibliographyDiagnostics, duplicateKeysAcrossFiles } from './core/features/bibliographyDiagnostics';
import { BibliographyReader } from './core/index/readBibliographies';
import type { Bibliography, BibliographySource } from './core/index/bibliography';
import { languageIdOfPath } from './core/syntax/mask';
import { defaultCitationStyle, defaultDiagnosticSettings, type CitationStyleId } from './core/types';
import { citationStyleIdOf, citationStyleIds } from './core/style/citationStyles';
import { jsonReport } from './cliReport';
import { pathToUri, uriToPath, Workspace } from './workspace';

const USAGE = `Usage: citewise check [--format text|json] [--bibliography FILE]... [--style STYLE] [--exit-zero] FILE...

Checks the citations in each file: author-date citations against the file's reference list and its bibliography
files, keys against the bibliography files. A document's bibliography files are the ones it names (front matter
"bibliography:", \\addbibresource, \\bibliography), its Quarto project's, those given with --bibliography, or else
the bibliography files next to it. Problems inside bibliography files are printed too.
  --format text        one line per problem: file:line:col severity code message (default)
  --format json        citations, keys, reference entries and diagnostics of each file (see the README)
  --bibliography FILE  a bibliography every document sees (repeatable; a path or a glob, relative to the current folder)
  --style STYLE        the citation style: apa7 (default), harvard, chicago-author-date, mla9, ieee, vancouver
                       (a document's front matter csl: still picks the closest style for that document)
  --exit-zero          exit 0 even when errors are found (for a first look at a document)
Exit status: 0 no errors, 1 an error was found, 2 a file could not be read or the command was wrong.`;

interface Options {
  format: 'text' | 'json';
  exitZero: boolean;
  bibliography: string[];
  style: CitationStyleId;
  files: string[];
}

function parseArguments(argv: string[]): Options | string {
  if (argv[0] !== 'check') return argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? USAGE : `Unknown command "${argv[0]}".\n\n${USAGE}`;
  const options: Options = { format: 'text', exitZero: false, bibliography: [], style: defaultCitationStyle, files: [] };
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
    } else if (arg === '--bibliography') {
      const value = argv[++i];
      if (!value) return '--bibliography takes a file name.';
      options.bibliography.push(value);
    } else if (arg === '--style') {
      const style = citationStyleIdOf(argv[++i]);
      if (!style) return `--style takes one of ${citationStyleIds.join(', ')}.`;
      options.style = style;
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

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    (options === USAGE ? out : err)(options + '\n');
    return options === USAGE ? 0 : 2;
  }
  let status = 0;
  const reports: unknown[] = [];
  const reader = new BibliographyReader();
  const workspace = new Workspace({
    roots: () => [process.cwd()],
    settingPaths: () => options.bibliography,
    maxFileBytes: () => 100 * 1048576,
    parse: (files) => reader.read(files),
    log: () => undefined,
    onChange: () => undefined,
    watch: false,
    // The person running the command names the files: any bibliography they point at may be read.
    allowOutside: () => true,
  });
  const bibliographiesSeen = new Map<string, BibliographySource>();
  const bibliographySets = new Set<Bibliography>();
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
    const uri = pathToUri(path.resolve(file));
    const document = TextDocument.create(uri, languageId, 1, text);
    const facts = computeFacts(text, languageId, 1);
    const analysis = resolveFacts(text, facts, workspace.bibliographyFor(uri, facts.bibliographies));
    for (const source of analysis.bibliography.sources) bibliographiesSeen.set(source.source, source);
    bibliographySets.add(analysis.bibliography);
    const named = diagnoseNamedBibliographies(workspace.namedProblems(uri, facts.bibliographies), defaultDiagnosticSettings);
    const diagnostics = [...diagnose(analysis, defaultDiagnosticSettings, options.style), ...named].sort((a, b) => a.span.start - b.span.start);
    if (!options.exitZero && diagnostics.some((d) => d.severity === 'error') && status === 0) status = 1;
    if (options.format === 'json') reports.push(jsonReport(file, document, analysis, diagnostics));
    else {
      for (const d of diagnostics) {
        const start = document.positionAt(d.span.start);
        out(`${file}:${start.line + 1}:${start.character + 1} ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
  }
  const duplicates = duplicateKeysAcrossFiles([...bibliographySets], defaultDiagnosticSettings);
  for (const source of bibliographiesSeen.values()) {
    const file = uriToPath(source.source) ?? source.source;
    const text = workspace.textOf(file) ?? '';
    const document = TextDocument.create(source.source, 'bibtex', 1, text);
    const shown = path.relative(process.cwd(), file) || file;
    const problems = [...bibliographyDiagnostics(source, defaultDiagnosticSettings), ...(duplicates.get(source.source) ?? [])].sort((a, b) => a.span.start - b.span.start);
    for (const d of problems) {
      if (!options.exitZero && d.severity === 'error' && status === 0) status = 1;
      if (options.format === 'json') continue;
      const start = document.positionAt(d.span.start);
      out(`${shown}:${start.line + 1}:${start.character + 1} ${d.severity} ${d.code} ${d.message}\n`);
    }
  }
  if (options.format === 'json') out(JSON.stringify({ version: 1, files: reports }, null, 2) + '\n');
  return status;
}

if (require.main === module) {
  // Piped into `head`, the reader may go away early: that is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
