// The entry under the cursor, for copying: a bibliography entry formatted in the style, a typed entry as written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { formattedEntry, markdownToPlainText } from '../../server/src/core/features/formattedEntry';
import { EntryFormatter } from '../../server/src/core/render/format';
import type { ReferenceEntry } from '../../server/src/core/types';
import { sampleBibliography } from '../support/sampleBibliography';

const formatter = new EntryFormatter();
const render = (entry: ReferenceEntry) => formatter.format(entry, 'apa').markdown;

const TEXT = 'Warmer cities [@oke1982], as Adams (2018) says.\n\n## References\n\nAdams, B. (2018). A title. *Journal*, 1, 1–2.\n';
const analysis = analyse(TEXT, 'markdown', 1, sampleBibliography);

test('a key gives its bibliography entry formatted, as Markdown and as plain text', () => {
  const found = formattedEntry(analysis, TEXT.indexOf('oke1982'), render);
  assert.deepEqual(found, {
    markdown: 'Oke, T. R. (1982). *The energetic basis of the urban heat island*.',
    text: 'Oke, T. R. (1982). The energetic basis of the urban heat island.',
  });
});

test('a citation of a typed entry, and the entry itself, give the entry as written', () => {
  const expected = { markdown: 'Adams, B. (2018). A title. *Journal*, 1, 1–2.', text: 'Adams, B. (2018). A title. Journal, 1, 1–2.' };
  assert.deepEqual(formattedEntry(analysis, TEXT.indexOf('Adams (2018)'), render), expected);
  assert.deepEqual(formattedEntry(analysis, TEXT.indexOf('A title'), render), expected);
  assert.equal(formattedEntry(analysis, TEXT.indexOf('cities'), render), undefined);
});

test('plain text drops emphasis and resolves escapes', () => {
  assert.equal(markdownToPlainText('*Title \\[with brackets\\]* and a\\_b'), 'Title [with brackets] and a_b');
});
