// Renaming a key, from a citation or from the key of an entry in a bibliography file: the entry's key in its file and
// every citation of the entry in the documents given (open, or read from disk) change; a key without an entry, a key
// the file does not write, a new name that cannot be a key or is taken, and a word that is not a key are refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, type OpenDocument } from '../../server/src/core/index/analysis';
import { bibliographyKeyToRename, invalidKeyReason, isRefusal, keyToRename, renameBibliographyKey, renameKey, type FileEdits } from '../../server/src/core/features/rename';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { mergeBibliography } from '../../server/src/core/index/bibliography';
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

// ---------------------------------------------------------------------------------------------------------------------
// From the key of an entry in a bibliography file, and documents read from disk.

function fileOf(uri: string, path: string, text: string) {
  const [source] = new BibliographyReader().read([{ source: uri, path, text, version: '1' }]);
  return { uri, text, entries: source.entries, bibliography: mergeBibliography([source]) };
}

test('a key renamed from its BibTeX entry changes there and in every document that cites it, open or read from disk', () => {
  const bib = fileOf(BIB_URI, '/project/refs.bib', BIB);
  const open = { uri: 'file:///project/a.md', analysis: analyse('Heat [@oke1982; @bowler2010].', 'markdown', 1, bib.bibliography) };
  const unopened = { uri: 'file:///project/chapter.tex', open: false, analysis: analyse('As \\citet{oke1982} and \\cite{oke1982}.', 'latex', 0, bib.bibliography) };
  const unrelated = { uri: 'file:///project/c.md', open: false, analysis: analyse('Only [@bowler2010].', 'markdown', 0, bib.bibliography) };
  const changes = renameBibliographyKey(bib, BIB.indexOf('oke1982') + 3, 'oke1982a', [open, unopened, unrelated]);
  assert.ok(!isRefusal(changes));
  assert.deepEqual(slices(changes, { [BIB_URI]: BIB, [open.uri]: 'Heat [@oke1982; @bowler2010].', [unopened.uri]: 'As \\citet{oke1982} and \\cite{oke1982}.' }), {
    [BIB_URI]: ['oke1982→oke1982a'],
    'file:///project/a.md': ['oke1982→oke1982a'],
    'file:///project/chapter.tex': ['oke1982→oke1982a', 'oke1982→oke1982a'],
  });
  assert.deepEqual(changes.map((c) => [c.uri, c.open]), [[BIB_URI, false], [open.uri, true], [unopened.uri, false]]);
});

test('prepare in a bibliography file: only a key written in the file, defined once, can be renamed', () => {
  const bib = fileOf(BIB_URI, '/project/refs.bib', BIB);
  const target = bibliographyKeyToRename(bib, BIB.indexOf('bowler2010'));
  assert.ok(!isRefusal(target));
  assert.deepEqual([target.key, slice(BIB, target.span)], ['bowler2010', 'bowler2010']);
  assert.deepEqual(bibliographyKeyToRename(bib, BIB.indexOf('Urban greening')), { refused: 'Only the key of an entry can be renamed.' });
  const twice = `${BIB}\n@book{oke1982, title = {Again}, year = {1983}}\n`;
  assert.deepEqual(bibliographyKeyToRename(fileOf(BIB_URI, '/project/refs.bib', twice), 12), { refused: '"oke1982" is defined by 2 entries; rename them in their files first.' });
  assert.deepEqual(renameBibliographyKey(bib, 12, 'bowler2010', []), { refused: 'Another entry already has the key "bowler2010".' });
  assert.deepEqual(renameBibliographyKey(bib, 12, 'oke 1982', []), { refused: 'A key cannot contain spaces.' });
});

test('CSL-JSON, CSL-YAML and RIS keys are renamed where the file writes them; a number id becomes a string', () => {
  const json = '[\n  {"id": "oke1982", "type": "book", "title": "Heat"},\n  {"id": 7, "type": "book", "title": "Seven"}\n]\n';
  const jsonFile = fileOf('file:///p/refs.json', '/p/refs.json', json);
  const renamed = (file: ReturnType<typeof fileOf>, at: number, name: string) => {
    const changes = renameBibliographyKey(file, at, name, []);
    assert.ok(!isRefusal(changes), JSON.stringify(changes));
    return changes[0].edits.map((e) => `${file.text.slice(e.span.start, e.span.end)}→${e.newText}`);
  };
  assert.deepEqual(renamed(jsonFile, json.indexOf('oke1982'), 'oke82'), ['oke1982→oke82']);
  assert.deepEqual(renamed(jsonFile, json.indexOf('7'), 'seven'), ['7→"seven"']);
  const yaml = '- id: oke1982\n  type: book\n  title: Heat\n';
  assert.deepEqual(renamed(fileOf('file:///p/refs.yaml', '/p/refs.yaml', yaml), yaml.indexOf('oke1982'), 'oke82'), ['oke1982→oke82']);
  assert.deepEqual(renamed(fileOf('file:///p/refs.yaml', '/p/refs.yaml', yaml), yaml.indexOf('oke1982'), '-oke'), ['oke1982→"-oke"']);
  const ris = 'TY  - BOOK\nID  - oke1982\nAU  - Oke, T. R.\nTI  - Heat\nPY  - 1982\nER  - \n';
  assert.deepEqual(renamed(fileOf('file:///p/refs.ris', '/p/refs.ris', ris), ris.indexOf('oke1982') + 1, 'oke82'), ['oke1982→oke82']);
});

test('a CSL item without an id has a made-up key, which is refused rather than written over its first line', () => {
  const json = '[\n  {"type": "book", "title": "Heat", "author": [{"family": "Oke"}], "issued": {"date-parts": [[1982]]}}\n]\n';
  const file = fileOf('file:///p/refs.json', '/p/refs.json', json);
  const [entry] = file.entries;
  const refusal = bibliographyKeyToRename(file, entry.keySpan!.start + 1);
  assert.ok(isRefusal(refusal) && /not written in the file/.test(refusal.refused), JSON.stringify(refusal));
  const citing = { uri: 'file:///p/a.md', analysis: analyse(`Heat [@${entry.key}].`, 'markdown', 1, file.bibliography) };
  const fromCitation = renameKey(citing, 8, 'oke82', [], (uri) => (uri === file.uri ? json : undefined));
  assert.ok(isRefusal(fromCitation) && /not written in the file/.test(fromCitation.refused), JSON.stringify(fromCitation));
});

test('a key renamed from a citation also changes in documents read from disk, which are marked so', () => {
  const text = 'Heat [@oke1982].';
  const chapter = { uri: 'file:///project/chapter.md', open: false, analysis: analyse('Again [@oke1982].', 'markdown', 0, bibliography) };
  const changes = renameKey(open('file:///project/a.md', text), 8, 'oke82', [chapter], (uri) => (uri === BIB_URI ? BIB : undefined));
  assert.ok(!isRefusal(changes));
  assert.deepEqual(changes.map((c) => [c.uri, c.open, c.edits.length]), [[BIB_URI, false, 1], ['file:///project/a.md', true, 1], [chapter.uri, false, 1]]);
});
