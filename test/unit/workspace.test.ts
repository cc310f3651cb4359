// Which bibliography files a document sees, read from a real folder: named files, the Quarto project, the setting's
// globs, neighbours, size limits, and files that change on disk.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { pathToUri, Workspace } from '../../server/src/workspace';
import { globToRegExp } from '../../server/src/glob';

const bib = (key: string) => `@book{${key}, author = {Doe, Jane}, title = {A book}, year = 2020}\n`;

function setUp(files: Record<string, string>, settingPaths: string[] = [], maxBytes = 1e9) {
  const root = mkdtempSync(path.join(tmpdir(), 'citewise-ws-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const reader = new BibliographyReader();
  const workspace = new Workspace({
    roots: () => [root],
    settingPaths: () => settingPaths,
    maxFileBytes: () => maxBytes,
    parse: (texts) => reader.read(texts),
    log: () => undefined,
    onChange: () => undefined,
    watch: false,
  });
  const keysFor = (document: string, named: string[] = []) =>
    workspace
      .bibliographyFor(pathToUri(path.join(root, document)), named.map((p) => ({ path: p, span: { start: 0, end: 0 } })))
      .entries.map((e) => e.key)
      .sort();
  return { root, workspace, keysFor };
}

test('without any file named, the bibliography files next to the document are used', () => {
  const { keysFor } = setUp({ 'essay/essay.md': '', 'essay/refs.bib': bib('a'), 'essay/more.ris': 'TY  - BOOK\nID  - b\nAU  - Doe, Jane\nPY  - 2020\nER  - \n', 'essay/data.json': '[]', 'other/x.bib': bib('x') });
  assert.deepEqual(keysFor('essay/essay.md'), ['a', 'b']);
});

test('files the document names replace the neighbours; paths are relative to the document', () => {
  const { keysFor } = setUp({ 'paper/paper.md': '', 'paper/refs.bib': bib('near'), 'shared/library.bib': bib('named') });
  assert.deepEqual(keysFor('paper/paper.md', ['../shared/library.bib']), ['named']);
});

test('the Quarto project bibliography is read for every chapter', () => {
  const { keysFor } = setUp({ '_quarto.yml': 'project:\n  type: book\nbibliography: [refs/book.bib]\n', 'chapters/one.qmd': '', 'refs/book.bib': bib('book') });
  assert.deepEqual(keysFor('chapters/one.qmd'), ['book']);
});

test('the setting takes paths and globs relative to the workspace folder', () => {
  const { keysFor } = setUp({ 'essay.md': '', 'lib/a.bib': bib('a'), 'lib/deep/b.bib': bib('b'), 'node_modules/c.bib': bib('c') }, ['lib/**/*.bib']);
  assert.deepEqual(keysFor('essay.md'), ['a', 'b']);
  assert.ok(globToRegExp('refs/*.{bib,json}').test('refs/library.json'));
  assert.ok(!globToRegExp('refs/*.bib').test('refs/deep/library.bib'));
});

test('a file over the size limit is read up to the limit, and a problem at its end says so', () => {
  const { workspace, root } = setUp({ 'essay.md': '', 'big.bib': Array.from({ length: 100 }, (_, i) => bib(`k${i}`)).join('') }, [], 1000);
  const bibliography = workspace.bibliographyFor(pathToUri(path.join(root, 'essay.md')), []);
  const keys = bibliography.entries.map((e) => e.key);
  assert.ok(keys.length > 5 && keys.length < 100, `${keys.length} entries read`);
  assert.deepEqual(keys.slice(0, 3), ['k0', 'k1', 'k2']);
  const truncated = bibliography.sources[0].problems.find((p) => p.code === 'bib-truncated');
  assert.match(truncated?.message ?? '', /only its first 0\.0 MB were read \(setting citewise\.maxFileSizeMB\)/);
});

test('a file changed on disk is read again; an unchanged one gives the same bibliography object', () => {
  const { workspace, root } = setUp({ 'essay.md': '', 'refs.bib': bib('first') });
  const uri = pathToUri(path.join(root, 'essay.md'));
  const before = workspace.bibliographyFor(uri, []);
  assert.equal(workspace.bibliographyFor(uri, []), before);
  writeFileSync(path.join(root, 'refs.bib'), bib('first') + bib('second'));
  const later = new Date(Date.now() + 5000);
  utimesSync(path.join(root, 'refs.bib'), later, later);
  assert.deepEqual(workspace.bibliographyFor(uri, []).entries.map((e) => e.key), ['first', 'second']);
});

function setUpWithTrust(files: Record<string, string>, trust: { trusted: boolean; allowOutside: boolean; settingPaths?: string[] }) {
  const base = mkdtempSync(path.join(tmpdir(), 'citewise-trust-'));
  const root = path.join(base, 'workspace');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(base, name)), { recursive: true });
    writeFileSync(path.join(base, name), text);
  }
  mkdirSync(root, { recursive: true });
  const reader = new BibliographyReader();
  const workspace = new Workspace({
    roots: () => [root],
    settingPaths: () => trust.settingPaths ?? [],
    maxFileBytes: () => 1e9,
    parse: (texts) => reader.read(texts),
    log: () => undefined,
    onChange: () => undefined,
    watch: false,
    trusted: () => trust.trusted,
    allowOutside: () => trust.allowOutside,
  });
  return { base, root, workspace };
}

test('a bibliography named outside the workspace is not read unless a trusted workspace allows it, and the name gets a problem', () => {
  const files = { 'workspace/essay.md': '', 'elsewhere/library.bib': bib('far') };
  const named = [{ path: '../elsewhere/library.bib', span: { start: 4, end: 28 } }];
  const confined = setUpWithTrust(files, { trusted: true, allowOutside: false });
  const uri = pathToUri(path.join(confined.root, 'essay.md'));
  assert.deepEqual(confined.workspace.bibliographyFor(uri, named).entries, []);
  const [problem] = confined.workspace.namedProblems(uri, named);
  assert.equal(problem.code, 'bibliography-not-read');
  assert.deepEqual(problem.span, { start: 4, end: 28 });
  assert.match(problem.message, /outside the workspace folders; the setting citewise\.allowBibliographiesOutsideWorkspace/);
  const allowed = setUpWithTrust(files, { trusted: true, allowOutside: true });
  assert.deepEqual(allowed.workspace.bibliographyFor(pathToUri(path.join(allowed.root, 'essay.md')), named).entries.map((e) => e.key), ['far']);
  const untrusted = setUpWithTrust(files, { trusted: false, allowOutside: true });
  assert.deepEqual(untrusted.workspace.bibliographyFor(pathToUri(path.join(untrusted.root, 'essay.md')), named).entries, []);
});

test('an untrusted workspace ignores the bibliography setting; a name that does not exist gets a problem', () => {
  const files = { 'workspace/essay.md': '', 'workspace/lib/refs.bib': bib('set') };
  const untrusted = setUpWithTrust(files, { trusted: false, allowOutside: false, settingPaths: ['lib/refs.bib'] });
  const uri = pathToUri(path.join(untrusted.root, 'essay.md'));
  assert.deepEqual(untrusted.workspace.bibliographyFor(uri, []).entries, []);
  const trusted = setUpWithTrust(files, { trusted: true, allowOutside: false, settingPaths: ['lib/refs.bib'] });
  assert.deepEqual(trusted.workspace.bibliographyFor(pathToUri(path.join(trusted.root, 'essay.md')), []).entries.map((e) => e.key), ['set']);
  const [missing] = trusted.workspace.namedProblems(uri, [{ path: 'nowhere.bib', span: { start: 0, end: 11 } }]);
  assert.equal(missing.code, 'bibliography-not-found');
});

test('a symbolic link that leads out of the workspace is not followed', () => {
  const { base, root, workspace } = setUpWithTrust({ 'workspace/essay.md': '', 'outside/secret.bib': bib('secret') }, { trusted: true, allowOutside: false });
  symlinkSync(path.join(base, 'outside', 'secret.bib'), path.join(root, 'refs.bib'));
  assert.deepEqual(workspace.bibliographyFor(pathToUri(path.join(root, 'essay.md')), []).entries, []);
});
