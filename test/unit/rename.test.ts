// Renaming a key: the entry's key in its .bib file and every citation of the entry in the open documents change; a
// key without an entry, a new name that cannot be a key or is taken, and a word that is not a key are refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, type OpenDocument } from '../../server/src/core/index/analysis';
import { invalidKeyReason, isRefusal, keyToRename, renameKey, type FileEdits } from '../../server/src/core/features/rename';
import { dedent, parseFixture, slice } from '../support/fixture';
import { SAMPLE_BIB, SAMPLE_BIB_URI, sampleBibliography } from '../support/sampleBibliography';

const BIB_URI = SAMPLE_BIB_URI;
const BIB = SAMPLE_BIB;
const bibliography = sampleBibliography;

function open(uri: string, text: string, languageId = 'markdown'): OpenDocument {
  return { uri, analysis: analyse(text, languageId, 1, bibliography) };
}

function slices(changes: FileEdits[], texts: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(changes.map((c) => [c.uri, c.edits.map((e) => `${texts[c.uri].slice(e.span.start, e.span.end)}→${e.newText}`)]));
}

test('a key renamed from a citation changes in the .bib file and in every open document that cites the entry', () => {
  const f = parseFixture(dedent(`
    Heat islands [@oke1982; @bowler2010], as @oke1982 showed.
                   ^^^^^^^                    ^^^^^^^
                      |
  `));
  const other = 'Again \\cite{bowler2010,oke1982} and \\cite{smith2099}.';
  const changes = renameKey(open('file:///project/a.md', f.text), f.cursors[0], 'oke1982a', [open('file:///project/b.tex', other, 'latex'), open('file:///project/c.md', 'Nothing cited here.')]);
  assert.ok(!isRefusal(changes));
  assert.deepEqual(slices(changes, { [BIB_URI]: BIB, 'file:///project/a.md': f.text, 'file:///project/b.tex': other }), {
    [BIB_URI]: ['oke1982→oke1982a'],
    'file:///project/a.md': ['oke1982→oke1982a', 'oke1982→oke1982a'],
    'file:///project/b.tex': ['oke1982→oke1982a'],
  });
  assert.deepEqual(changes.map((c) => [c.uri, c.open]), [[BIB_URI, false], ['file:///project/a.md', true], ['file:///project/b.tex', true]]);
  assert.deepEqual(changes[1].edits.map((e) => e.span), f.ranges);
});

test('prepare: the key under the cursor and its range; anything else is refused with a reason', () => {
  const f = parseFixture(dedent(`
    Heat [@oke1982] and cold [@smith2099], says Oke (1982).
           ^^^^^^^
           |                  |                  |
  `));
  const document = open('file:///project/a.md', f.text);
  const target = keyToRename(document.analysis, f.cursors[0]);
  assert.ok(!isRefusal(target));
  assert.equal(target.key, 'oke1982');
  assert.equal(slice(f.text, target.span), 'oke1982');
  assert.deepEqual(keyToRename(document.analysis, f.cursors[1]), { refused: 'No bibliography entry has the key "smith2099".' });
  assert.deepEqual(keyToRename(document.analysis, f.cursors[2]), { refused: 'Only a citation key can be renamed.' });
});

test('a new name must be a key that no other entry has', () => {
  const document = open('file:///project/a.md', 'Heat [@oke1982].');
  const at = 8;
  assert.deepEqual(renameKey(document, at, 'oke 1982', []), { refused: 'A key cannot contain spaces.' });
  assert.deepEqual(renameKey(document, at, 'oke{1982}', []), { refused: 'A key cannot contain "{".' });
  assert.deepEqual(renameKey(document, at, 'bowler2010', []), { refused: 'Another entry already has the key "bowler2010".' });
  assert.deepEqual(renameKey(document, at, 'oke1982', []), []);
  for (const bad of ['', 'a,b', 'a%b', 'a#b', 'a}']) assert.ok(invalidKeyReason(bad), bad);
  for (const good of ['oke1982', 'Oke:1982', 'van-den-boogard_2024', 'müller2012']) assert.equal(invalidKeyReason(good), undefined, good);
});

test('a key of the document’s own thebibliography is renamed in that document only', () => {
  const text = dedent(`
    As shown \\cite{oke}.
    \\begin{thebibliography}{9}
    \\bibitem{oke} Oke, T. R. (1982). The energetic basis of the urban heat island.
    \\end{thebibliography}
  `);
  const changes = renameKey({ uri: 'file:///t.tex', analysis: analyse(text, 'latex', 1) }, text.indexOf('oke}'), 'oke82', [open('file:///other.tex', '\\cite{oke}', 'latex')]);
  assert.ok(!isRefusal(changes));
  assert.deepEqual(slices(changes, { 'file:///t.tex': text }), { 'file:///t.tex': ['oke→oke82', 'oke→oke82'] });
});
