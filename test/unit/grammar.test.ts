// The TextMate injection grammar colours citations; its patterns must match the citation forms and skip plain parentheses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repositoryRoot } from '../support/lspClient';

const grammar = JSON.parse(readFileSync(path.join(repositoryRoot, 'syntaxes', 'citations.injection.json'), 'utf8'));
const pattern = (name: string) => new RegExp(grammar.repository[name].match, 'gu');
const matches = (name: string, text: string) => [...text.matchAll(pattern(name))].map((m) => m[0]);

test('parenthetical citations are coloured, other parentheses are not', () => {
  assert.deepEqual(matches('parenthetical', 'Warm (Oke, 1982; Santamouris, 2015) nights (see Oke, 1982, p. 7).'), [
    '(Oke, 1982; Santamouris, 2015)',
    '(see Oke, 1982, p. 7)',
  ]);
  assert.deepEqual(matches('parenthetical', 'War (1939–1945), tables (see Table 2), (N = 2,019) and (p < .001).'), []);
});

test('narrative citations are coloured with their author', () => {
  assert.deepEqual(matches('narrative', 'As Ziter et al. (2019) and Nguyen and Tran (2020) and van der Berg (2010) show.'), [
    'Ziter et al. (2019)',
    'Nguyen and Tran (2020)',
    'van der Berg (2010)',
  ]);
  assert.deepEqual(matches('narrative', 'Russel (1872-1970) lived long.'), []);
});

test('the manifest injects the grammar into Markdown and LaTeX', () => {
  const manifest = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8'));
  const entry = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
  assert.deepEqual(entry.injectTo, ['text.html.markdown', 'text.tex.latex']);
});
