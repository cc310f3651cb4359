// A workspace that reads large bibliography files in the background: the first request sees a bibliography that is
// still loading, later ones see more entries as slices are read, the end is announced, and the result then equals the
// file read at once. Small files are read at once, as without background reading.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { pathToUri, Workspace, type WorkspaceOptions } from '../../server/src/workspace';
import { bibtexText, syntheticWorks } from '../bench/syntheticBibliography';

const library = bibtexText(syntheticWorks(2000));
const small = '@book{small2020, author = {Doe, Jane}, title = {A book}, year = 2020}\n';

function setUp(extra: Partial<WorkspaceOptions> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'citewise-background-'));
  writeFileSync(path.join(root, 'library.bib'), library);
  writeFileSync(path.join(root, 'small.bib'), small);
  let finished: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (finished = resolve));
  const changed: string[] = [];
  const reader = new BibliographyReader();
  const workspace = new Workspace({
    roots: () => [root],
    settingPaths: () => [],
    maxFileBytes: () => 1e9,
    parse: (texts) => reader.read(texts),
    log: () => undefined,
    onChange: (file) => {
      changed.push(file);
      finished();
    },
    watch: false,
    backgroundBytes: 64 * 1024,
    ...extra,
  });
  const documentUri = pathToUri(path.join(root, 'essay.md'));
  const bibliography = (name: string) => workspace.bibliographyFor(documentUri, [{ path: name, span: { start: 0, end: 0 } }]);
  return { root, workspace, bibliography, read, changed };
}

test('a large file is read in the background: loading at first, more entries slice by slice, then all of them', async () => {
  const reports: number[] = [];
  let done = 0;
  const { root, bibliography, read, changed } = setUp({ readingProgress: () => ({ report: (fraction) => reports.push(fraction), done: () => done++ }) });
  const first = bibliography('library.bib');
  assert.equal(first.loading, true);
  assert.equal(first.entries.length, 0);
  const seen: number[] = [];
  // Requests made between slices see what is read so far.
  while (bibliography('library.bib').loading) {
    seen.push(bibliography('library.bib').entries.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await read;
  assert.deepEqual(changed, [path.join(root, 'library.bib')]);
  assert.ok(seen.some((count) => count > 0 && count < 2000), `entry counts seen while loading: ${seen.join(' ')}`);
  assert.deepEqual([...seen].sort((a, b) => a - b), seen, 'the entries read only grow');
  const complete = bibliography('library.bib');
  assert.equal(complete.loading, false);
  assert.equal(done, 1);
  assert.ok(reports.length > 2 && reports.every((fraction, i) => fraction > 0 && fraction <= 1 && (i === 0 || fraction >= reports[i - 1])), reports.join(' '));
  const atOnce = new Workspace({ roots: () => [root], settingPaths: () => [], maxFileBytes: () => 1e9, parse: (texts) => new BibliographyReader().read(texts), log: () => undefined, onChange: () => undefined, watch: false });
  const expected = atOnce.bibliographyFor(pathToUri(path.join(root, 'essay.md')), [{ path: 'library.bib', span: { start: 0, end: 0 } }]);
  const plain = (entries: unknown) => JSON.parse(JSON.stringify(entries));
  assert.deepEqual(plain(complete.sources.map((s) => ({ entries: s.entries, problems: s.problems }))), plain(expected.sources.map((s) => ({ entries: s.entries, problems: s.problems }))));
});

test('a small file is read at once, as without background reading', () => {
  const { bibliography } = setUp();
  const read = bibliography('small.bib');
  assert.equal(read.loading, false);
  assert.deepEqual(read.entries.map((entry) => entry.key), ['small2020']);
});

test('a file over the size limit is read in the background up to the limit, with the note that it was cut', async () => {
  const { bibliography, read } = setUp({ maxFileBytes: () => 200 * 1024 });
  assert.equal(bibliography('library.bib').loading, true);
  await read;
  const [source] = bibliography('library.bib').sources;
  assert.ok(source.entries.length > 100 && source.entries.length < 2000, `${source.entries.length} entries`);
  assert.deepEqual(source.problems.map((problem) => problem.code).slice(-1), ['bib-truncated']);
});

test('a watching workspace finds a document’s files once, and again after a file event or a settings change', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'citewise-where-'));
  writeFileSync(path.join(root, 'first.bib'), small);
  let settingPaths: string[] = [];
  const workspace = new Workspace({
    roots: () => [root],
    settingPaths: () => settingPaths,
    maxFileBytes: () => 1e9,
    parse: (texts) => new BibliographyReader().read(texts),
    log: () => undefined,
    onChange: () => undefined,
  });
  try {
    const uri = pathToUri(path.join(root, 'essay.md'));
    const keys = () => workspace.bibliographyFor(uri, []).entries.map((entry) => entry.key);
    assert.deepEqual(keys(), ['small2020']);
    // A file created next to the document counts once the editor reports it.
    const later = path.join(root, 'later.bib');
    writeFileSync(later, '@book{later2021, author = {Roe, Ann}, title = {Later}, year = 2021}\n');
    workspace.invalidate(later);
    assert.deepEqual(keys(), ['small2020', 'later2021']);
    // A setting that names a file replaces the neighbours once the settings are read again.
    settingPaths = ['first.bib'];
    workspace.forgetWhereFilesAre();
    assert.deepEqual(keys(), ['small2020']);
  } finally {
    workspace.dispose();
  }
});
