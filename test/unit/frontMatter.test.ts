import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFrontMatter } from '../../server/src/core/syntax/frontMatter';
import { maskNonProse } from '../../server/src/core/syntax/mask';
import { findBibliographyReferences } from '../../server/src/core/syntax/bibliographyReferences';
import { findFrontMatterCsl } from '../../server/src/core/style/frontMatterCsl';

test('front matter: YAML closed by "---" or "...", TOML by "+++", with blanks after a fence and CRLF line ends', () => {
  const yaml = '---  \r\ntitle: Heat\r\nbibliography: refs.bib\r\n...\r\nBody (Oke, 1982).\r\n';
  const found = findFrontMatter(yaml)!;
  assert.equal(found.format, 'yaml');
  assert.deepEqual(found.lines.map((line) => line.text), ['title: Heat', 'bibliography: refs.bib']);
  assert.equal(yaml.slice(found.end, found.bodyStart), '\r\n');
  assert.equal(yaml.slice(found.bodyStart), 'Body (Oke, 1982).\r\n');
  const toml = '+++\ntitle = "Heat"\n+++\nBody.';
  assert.deepEqual(findFrontMatter(toml), { format: 'toml', lines: [{ start: 4, end: 18, text: 'title = "Heat"' }], end: 22, bodyStart: 23 });
  // Front matter that ends the file has no body after it.
  assert.equal(findFrontMatter('---\na: 1\n---')!.bodyStart, '---\na: 1\n---'.length);
});

test('front matter: none without a fence on the first line, without a closing fence, or closed only by an indented one', () => {
  for (const text of ['Text\n---\na: 1\n---\n', '---\na: 1\nno closing fence\n', '---\na: |\n  ---\nb: 2\n', '--- a\nb: 1\n---\n', '+++\na = 1\n---\n']) {
    assert.equal(findFrontMatter(text), undefined, JSON.stringify(text));
  }
});

test('front matter: masking it, the bibliography files and the CSL style it names all see the same front matter', () => {
  const closed = '---\nbibliography: refs.bib\ncsl: apa.csl\n---\nSee (Oke, 1982).\n';
  assert.equal(maskNonProse(closed, 'markdown').indexOf('See'), closed.indexOf('See'));
  assert.equal(maskNonProse(closed, 'markdown').trim().startsWith('See'), true);
  assert.deepEqual(findBibliographyReferences(closed, 'markdown').map((reference) => reference.path), ['refs.bib']);
  assert.equal(findFrontMatterCsl(closed)!.path, 'apa.csl');
  // Never closed, the opening line is a rule and the rest is prose: nothing is masked, and no key is read.
  const open = '---\nbibliography: refs.bib\ncsl: apa.csl\nSee (Oke, 1982).\n';
  assert.equal(maskNonProse(open, 'markdown'), open);
  assert.deepEqual(findBibliographyReferences(open, 'markdown'), []);
  assert.equal(findFrontMatterCsl(open), undefined);
});
