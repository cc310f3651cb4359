// Runs the built CLI as a script would, and checks what it prints and how it exits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repositoryRoot } from '../support/lspClient';

const cli = path.join(repositoryRoot, 'dist', 'cli.js');
const seed = path.join(repositoryRoot, 'test', 'fixtures', 'seed-essay.md');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: repositoryRoot });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('check prints one line per problem and exits 1 when a citation has no entry', () => {
  const { status, stdout } = run('check', seed);
  assert.equal(status, 1);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 10, stdout);
  assert.ok(lines.includes(`${seed}:7:363 error missing-entry No reference entry for Ingebritsen (2002).`), stdout);
  assert.ok(lines.some((l) => /:\d+:1 warning uncited-entry van den Boogard \(2024\) is never cited\.$/.test(l)), stdout);
});

test('--exit-zero reports the same problems and exits 0', () => {
  const { status, stdout } = run('check', '--exit-zero', seed);
  assert.equal(status, 0);
  assert.equal(stdout.trim().split('\n').length, 10);
});

test('--format json gives citations with their resolution, entries and diagnostics', () => {
  const { status, stdout } = run('check', '--format', 'json', seed);
  assert.equal(status, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.version, 1);
  const [file] = report.files;
  const qerimi = file.citations.find((c: { text: string }) => c.text === '(Qerimi, 2023)');
  assert.ok(qerimi, 'the Qerimi citation is listed');
  assert.equal(qerimi.kind, 'parenthetical');
  assert.deepEqual(qerimi.items[0].authors, ['Qerimi']);
  assert.equal(qerimi.items[0].date.year, 2023);
  assert.equal(qerimi.items[0].resolution.status, 'resolved');
  const entry = file.referenceList.entries.find((e: { id: string }) => e.id === qerimi.items[0].resolution.entryId);
  assert.equal(entry.authors[0].family, 'Qerimi');
  assert.equal(entry.doi, '10.1016/j.clsr.2023.105854');
  assert.equal(entry.citedCount, 1);
  assert.equal(file.referenceList.entries.length, 9);
  assert.equal(file.diagnostics.length, 10);
  assert.deepEqual(Object.keys(qerimi.range.start).sort(), ['character', 'line']);
});

test('files that cannot be read, binary files and bad arguments get a clear message', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'citewise-cli-'));
  const binary = path.join(folder, 'image.md');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]));
  const missing = run('check', path.join(folder, 'absent.md'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /absent\.md: cannot read: ENOENT/);
  const skipped = run('check', binary);
  assert.equal(skipped.status, 0);
  assert.match(skipped.stderr, /skipped: this looks like a binary file/);
  const wrong = run('check', '--format', 'xml', seed);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--format takes "text" or "json"/);
  const help = run('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: citewise check/);
});

test('an empty file and a 5 MB line are checked without a crash', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'citewise-cli-'));
  const empty = path.join(folder, 'empty.txt');
  const huge = path.join(folder, 'huge.txt');
  writeFileSync(empty, '');
  writeFileSync(huge, 'x'.repeat(5_000_000) + ' (Smith, 2019) ' + '('.repeat(100_000));
  const result = run('check', empty, huge);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  assert.equal(result.stderr, '');
});

test('the bundled example gives the problems the README shows', () => {
  const { status, stdout } = spawnSync(process.execPath, [cli, 'check', '--exit-zero', 'examples/essay.md'], { encoding: 'utf8', cwd: repositoryRoot });
  assert.equal(status, 0);
  const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
  const shown = readme.split('\n').filter((line) => line.startsWith('examples/essay.md:'));
  assert.deepEqual(stdout.trim().split('\n'), shown);
});

test('keyed citations are checked against the bibliography files a document names, and problems in those files are printed', () => {
  const fixtures = path.join(repositoryRoot, 'test', 'fixtures');
  const result = spawnSync(process.execPath, [cli, 'check', 'pandoc/paper.md', 'latex/thesis.tex'], { encoding: 'utf8', cwd: fixtures });
  assert.equal(result.status, 1);
  assert.deepEqual(result.stdout.trim().split('\n'), [
    'pandoc/paper.md:11:51 error unknown-key No bibliography entry has the key "smith2099".',
    'latex/thesis.tex:11:23 error unknown-key No bibliography entry has the key "oke1928". Did you mean "oke1982"?',
    'pandoc/refs.bib:47:1 error bibliography-syntax This entry is not closed: a "}" or ")" is missing, so it ends where the next entry starts.',
  ]);
});

test('--bibliography adds a file every document sees; JSON names the file and key of each cited entry', () => {
  const fixtures = path.join(repositoryRoot, 'test', 'fixtures');
  const folder = mkdtempSync(path.join(tmpdir(), 'citewise-cli-'));
  const essay = path.join(folder, 'essay.md');
  writeFileSync(essay, 'Cities are warmer [@oke1982, p. 3], as Oke (1982) showed.\n');
  const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--bibliography', path.join(fixtures, 'latex', 'library.bib'), essay], { encoding: 'utf8', cwd: folder });
  assert.equal(result.status, 0, result.stderr);
  const [file] = JSON.parse(result.stdout).files;
  const [keyed] = file.keyedCitations;
  assert.equal(keyed.syntax, 'pandoc');
  assert.equal(keyed.keys[0].key, 'oke1982');
  assert.equal(keyed.keys[0].locator, 'p. 3');
  assert.equal(keyed.keys[0].resolution.status, 'resolved');
  assert.equal(file.citations[0].items[0].resolution.entryId, keyed.keys[0].resolution.entryId, 'the prose citation resolves to the same entry');
  assert.deepEqual(file.bibliography.files, [{ file: path.join(fixtures, 'latex', 'library.bib'), entries: 5, problems: 0 }]);
  const [entry] = file.bibliography.citedEntries;
  assert.equal(entry.key, 'oke1982');
  assert.equal(entry.file, path.join(fixtures, 'latex', 'library.bib'));
  assert.equal(entry.citedCount, 2);
  assert.equal(entry.doi, '10.1002/qj.49710845502');
});

test('--style picks the citation style; an unknown style is refused', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'citewise-cli-'));
  const essay = path.join(folder, 'essay.md');
  writeFileSync(essay, 'Warm (Oke and Smith, 1982).\n\n## References\n\nOke, T. R., & Smith, J. (1982). The energetic basis. *Journal*, 108, 1–24.\n');
  const apa = run('check', essay);
  assert.match(apa.stdout, /apa-ampersand/);
  const harvard = run('check', '--style', 'harvard', essay);
  assert.doesNotMatch(harvard.stdout, /apa-ampersand/, 'Harvard joins authors with "and"');
  const wrong = run('check', '--style', 'bogus', essay);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--style takes one of apa7, harvard, chicago-author-date, mla9, ieee, vancouver/);
});
