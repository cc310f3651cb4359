// Which bibliography files a document sees, read from a real folder: named files, the Quarto project, the setting's
// globs, neighbours, size limits, and files that change on disk.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
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

test('a file over the size limit is not read, and a problem on the file says why', () => {
  const { workspace, root } = setUp({ 'essay.md': '', 'big.bib': bib('a').repeat(100) }, [], 1000);
  const bibliography = workspace.bibliographyFor(pathToUri(path.join(root, 'essay.md')), []);
  assert.equal(bibliography.entries.length, 0);
  assert.match(bibliography.sources[0].problems[0].message, /more than the limit/);
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
