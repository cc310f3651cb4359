// Formatting bibliography entries in CSL styles: the built-in APA, a custom .csl file, and the fallbacks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EntryFormatter, htmlToMarkdown } from '../../server/src/core/render/format';
import type { ReferenceEntry } from '../../server/src/core/types';
import { repositoryRoot } from '../support/lspClient';

const entry: ReferenceEntry = {
  id: 'file:///refs.bib#oke1982',
  source: 'file:///refs.bib',
  key: 'oke1982',
  span: { start: 0, end: 10 },
  text: 'Oke, T. R. (1982). The energetic basis of the urban heat island.',
  authors: [{ family: 'Oke', given: 'Timothy R.' }],
  problems: [],
  csl: {
    id: 'oke1982',
    type: 'article-journal',
    author: [{ family: 'Oke', given: 'Timothy R.' }],
    issued: { 'date-parts': [[1982]] },
    title: 'The energetic basis of the urban heat island',
    'container-title': 'Quarterly Journal of the Royal Meteorological Society',
    volume: '108',
    issue: '455',
    page: '1–24',
  },
};

test('APA is the default style: italics become Markdown emphasis', () => {
  const result = new EntryFormatter().format(entry, 'apa');
  assert.equal(result.markdown, 'Oke, T. R. (1982). The energetic basis of the urban heat island. *Quarterly Journal of the Royal Meteorological Society*, *108*(455), 1–24.');
  assert.equal(result.fallbackReason, undefined);
});

test('a custom .csl style is registered and used', () => {
  const formatter = new EntryFormatter();
  const xml = readFileSync(path.join(repositoryRoot, 'test', 'fixtures', 'styles', 'author-title.csl'), 'utf8');
  assert.equal(formatter.registerStyle('author-title', xml), undefined);
  assert.equal(formatter.format(entry, 'author-title').markdown, 'Oke, T.R. — *The energetic basis of the urban heat island*');
});

test('a file that is not a CSL style is refused with a reason', () => {
  assert.match(new EntryFormatter().registerStyle('broken', '<html><body>not a style</body></html>') ?? '', /not a CSL style/);
});

test('an entry without CSL data, or one citeproc cannot format, falls back to its plain summary', () => {
  const formatter = new EntryFormatter();
  const plain = formatter.format({ ...entry, csl: undefined }, 'apa');
  assert.equal(plain.markdown, 'Oke, T. R. (1982). The energetic basis of the urban heat island.');
  assert.ok(plain.fallbackReason);
  const odd = formatter.format({ ...entry, csl: { ...entry.csl, language: 42, issued: { 'date-parts': [[]] } } }, 'apa');
  assert.ok(odd.markdown.startsWith('Oke'), odd.markdown);
});

test('HTML from the style engine becomes safe Markdown', () => {
  assert.equal(htmlToMarkdown('<div class="csl-entry">A &amp; B. <i>Title_with [brackets]</i>.</div>'), 'A & B. *Title\\_with \\[brackets\\]*.');
});
