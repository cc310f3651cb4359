// Workspace symbols: entries of typed lists and of .bib files, found by author, year, title words or key, each entry
// once however many open documents see its file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, type OpenDocument } from '../../server/src/core/index/analysis';
import { workspaceSymbols } from '../../server/src/core/features/workspaceSymbols';
import { SAMPLE_BIB, SAMPLE_BIB_URI, sampleBibliography } from '../support/sampleBibliography';

const BIB_URI = SAMPLE_BIB_URI;
const BIB = SAMPLE_BIB;
const bibliography = sampleBibliography;
const ESSAY = 'Risk is felt (Slovic, 1987).\n\n## References\n\nSlovic, P. (1987). Perception of risk. *Science*, 236, 280–285.\n';

const documents: OpenDocument[] = [
  { uri: 'file:///project/essay.md', analysis: analyse(ESSAY, 'markdown', 1) },
  { uri: 'file:///project/a.md', analysis: analyse('[@oke1982]', 'markdown', 1, bibliography) },
  { uri: 'file:///project/b.md', analysis: analyse('[@bowler2010]', 'markdown', 1, bibliography) },
];

const names = (query: string) => workspaceSymbols(query, documents).map((s) => s.name);

test('an empty query lists every entry once: typed entries and the entries of the files the documents see', () => {
  assert.deepEqual(names(''), [
    'Slovic (1987) Perception of risk',
    'oke1982 Oke (1982) The energetic basis of the urban heat island',
    'bowler2010 Bowler (2010) Urban greening to cool towns and cities',
  ]);
});

test('every query word must fit an author, the year, a title word or the key, abbreviated or slightly misspelt', () => {
  assert.deepEqual(names('heat oke'), ['oke1982 Oke (1982) The energetic basis of the urban heat island']);
  assert.deepEqual(names('2010'), ['bowler2010 Bowler (2010) Urban greening to cool towns and cities']);
  assert.deepEqual(names('slovik risk'), ['Slovic (1987) Perception of risk']);
  assert.deepEqual(names('bowler2010'), ['bowler2010 Bowler (2010) Urban greening to cool towns and cities']);
  assert.deepEqual(names('urban 1987'), []);
});

test('a typed entry is located in its document, a file entry at its key in the file', () => {
  const [typed, file] = workspaceSymbols('', documents);
  assert.deepEqual([typed.uri, typed.inDocument, typed.container], ['file:///project/essay.md', true, 'essay.md']);
  assert.equal(ESSAY.slice(typed.span.start, typed.span.end), 'Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285.');
  assert.deepEqual([file.uri, file.inDocument, file.container], [BIB_URI, false, 'refs.bib']);
  assert.equal(BIB.slice(file.span.start, file.span.end), 'oke1982');
});
