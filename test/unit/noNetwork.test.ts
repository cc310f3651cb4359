// Citewise promises to work offline and send nothing anywhere. With every way Node offers to open a connection
// replaced by a recorder, loading each server module and using the features (citation-js formatting included) must
// record nothing; and no source file may import a network module or call fetch.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
// The network modules are imported whole (not as namespaces) so that their functions can be replaced.
import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import tls from 'node:tls';
import dgram from 'node:dgram';
import { repositoryRoot } from '../support/lspClient';
// Types only: the modules themselves are loaded with require() after the network functions are replaced.
import type * as AnalysisModule from '../../server/src/core/index/analysis';
import type * as DiagnosticsModule from '../../server/src/core/features/diagnostics';
import type * as HoverModule from '../../server/src/core/features/hover';
import type * as CompletionModule from '../../server/src/core/features/completion';
import type * as FormatModule from '../../server/src/core/render/format';
import type * as BibtexModule from '../../server/src/core/syntax/bib/bibtex';
import type * as BibliographyModule from '../../server/src/core/index/bibliography';
import type * as TypesModule from '../../server/src/core/types';

type Patchable = Record<string, unknown>;

const attempts: string[] = [];
const originals: { owner: Patchable; name: string; value: unknown }[] = [];

/** Replaces a function with one that records the call and fails, so that nothing leaves the machine even if called. */
function intercept(owner: object, name: string, label: string): void {
  const target = owner as Patchable;
  originals.push({ owner: target, name, value: target[name] });
  target[name] = (...args: unknown[]) => {
    attempts.push(`${label}(${args.map((a) => (typeof a === 'string' ? a : typeof a)).join(', ')})`);
    throw new Error(`network access is not allowed: ${label}`);
  };
}

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(file, extension);
    return entry.name.endsWith(extension) ? [file] : [];
  });
}

before(() => {
  intercept(net.Socket.prototype, 'connect', 'net.Socket#connect');
  intercept(net, 'connect', 'net.connect');
  intercept(net, 'createConnection', 'net.createConnection');
  intercept(http, 'request', 'http.request');
  intercept(http, 'get', 'http.get');
  intercept(https, 'request', 'https.request');
  intercept(https, 'get', 'https.get');
  intercept(dns, 'lookup', 'dns.lookup');
  intercept(dns, 'resolve', 'dns.resolve');
  intercept(dns.promises, 'lookup', 'dns.promises.lookup');
  intercept(tls, 'connect', 'tls.connect');
  intercept(dgram, 'createSocket', 'dgram.createSocket');
  intercept(globalThis, 'fetch', 'fetch');
});

after(() => {
  for (const { owner, name, value } of originals.reverse()) owner[name] = value;
});

test('loading every server module and using every feature opens no connection', () => {
  const compiled = path.join(repositoryRoot, 'out', 'server', 'src');
  // main.js is the process entry: it starts a server on the test's own stdin and stdout.
  for (const file of filesUnder(compiled, '.js')) if (path.basename(file) !== 'main.js') require(file);

  const { analyse } = require('../../server/src/core/index/analysis') as typeof AnalysisModule;
  const { diagnose } = require('../../server/src/core/features/diagnostics') as typeof DiagnosticsModule;
  const { hover } = require('../../server/src/core/features/hover') as typeof HoverModule;
  const { complete } = require('../../server/src/core/features/completion') as typeof CompletionModule;
  const { EntryFormatter } = require('../../server/src/core/render/format') as typeof FormatModule;
  const { linkBibtex, scanBibtex } = require('../../server/src/core/syntax/bib/bibtex') as typeof BibtexModule;
  const { mergeBibliography } = require('../../server/src/core/index/bibliography') as typeof BibliographyModule;
  const { defaultDiagnosticSettings } = require('../../server/src/core/types') as typeof TypesModule;

  const bib = '@article{oke1982, author = {Oke, T. R.}, title = {The energetic basis}, journal = {QJRMS}, year = 1982, doi = {10.1002/qj.49710845502}, url = {https://example.org/paper}}\n';
  const source = 'file:///offline/refs.bib';
  const linked = linkBibtex([{ source, scan: scanBibtex(bib) }]).get(source)!;
  const bibliography = mergeBibliography([{ source, version: '1', entries: linked.entries, problems: linked.problems }]);
  const text = 'Heat islands [@oke1982; @missing2020] and (Oke, 1982).\n';
  const analysis = analyse(text, 'markdown', 1, bibliography);
  const formatter = new EntryFormatter();
  const render = (entry: (typeof bibliography.entries)[number]) => formatter.format(entry, 'apa').markdown;

  assert.ok(diagnose(analysis, defaultDiagnosticSettings).some((d) => d.code === 'unknown-key'));
  assert.match(hover(analysis, text.indexOf('@oke1982') + 2, render)?.markdown ?? '', /Oke/);
  assert.ok(complete(analysis, text.indexOf('@oke1982') + 1));
  for (const style of ['apa', 'vancouver', 'harvard1']) assert.match(formatter.format(bibliography.entries[0], style).markdown, /energetic basis/i);
  assert.deepEqual(attempts, []);
});

test('no source file imports a network module or calls fetch', () => {
  const networkImport = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?(?:net|http|https|http2|dgram|tls)['"]/;
  const fetchCall = /\bfetch\s*\(/;
  const offenders = ['server/src', 'client/src']
    .flatMap((folder) => filesUnder(path.join(repositoryRoot, folder), '.ts'))
    .filter((file) => {
      const source = readFileSync(file, 'utf8');
      return networkImport.test(source) || fetchCall.test(source);
    })
    .map((file) => path.relative(repositoryRoot, file));
  assert.deepEqual(offenders, []);
});
