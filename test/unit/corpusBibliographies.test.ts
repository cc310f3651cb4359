// Real documents with their bibliography files, from the development corpus beside the repository when it is there:
// every key they cite must resolve, and nothing else may be reported about keys. Skipped where the corpus is absent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { computeFacts } from '../../server/src/core/index/documentFacts';
import { resolveFacts } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { languageIdOfPath } from '../../server/src/core/syntax/mask';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { pathToUri, Workspace } from '../../server/src/workspace';
import { repositoryRoot } from '../support/lspClient';

const corpus = path.resolve(repositoryRoot, '..', 'shared', 'corpus');
const skip = existsSync(corpus) ? false : 'the development corpus is not beside the repository';

function check(name: string, bibliography: string[]) {
  const file = path.join(corpus, name);
  const text = readFileSync(file, 'utf8');
  const reader = new BibliographyReader();
  const workspace = new Workspace({
    roots: () => [corpus],
    settingPaths: () => bibliography,
    maxFileBytes: () => 1e9,
    parse: (files) => reader.read(files),
    log: () => undefined,
    onChange: () => undefined,
    watch: false,
  });
  const languageId = languageIdOfPath(name);
  const facts = computeFacts(text, languageId, 1);
  const analysis = resolveFacts(text, facts, workspace.bibliographyFor(pathToUri(file), facts.bibliographies));
  const keys = analysis.resolution.byKeyedCitation.flat();
  const keyProblems = diagnose(analysis, defaultDiagnosticSettings).filter((d) => d.code === 'unknown-key' || d.code === 'duplicate-key');
  return { facts, keys, keyProblems, analysis };
}

test('Quarto manuscript: 58 keys in 30 citations resolve against the two files its front matter names', { skip }, () => {
  const { facts, keys, keyProblems, analysis } = check('ghe-qech-airquality.qmd', []);
  assert.deepEqual(facts.bibliographies.map((b) => b.path), ['man-qechairquality.bib', 'packages.bib']);
  assert.equal(analysis.bibliography.sources.length, 2);
  assert.equal(keys.length, 58);
  assert.deepEqual(keys.filter((k) => k.status !== 'resolved'), []);
  assert.deepEqual(keyProblems, []);
});

test('natbib manuscript: 100 keys resolve against its pasted thebibliography', { skip }, () => {
  const { keys, keyProblems, facts } = check('jonjup-multivariate-methods.tex', ['jonjup-multivariate-methods.bib']);
  assert.equal(facts.referenceList?.heading?.text, 'thebibliography');
  assert.equal(keys.length, 100);
  assert.deepEqual(keys.filter((k) => k.status !== 'resolved'), []);
  assert.deepEqual(keyProblems, []);
});

test('biblatex example: every key resolves against biblatex-examples.bib, which \\addbibresource names', { skip }, () => {
  const { keys, keyProblems, facts } = check('biblatex-50-style-authoryear.tex', []);
  assert.deepEqual(facts.bibliographies.map((b) => b.path), ['biblatex-examples.bib']);
  assert.ok(keys.length >= 30);
  assert.deepEqual(keys.filter((k) => k.status !== 'resolved' && k.status !== 'all'), []);
  assert.deepEqual(keyProblems, []);
});
