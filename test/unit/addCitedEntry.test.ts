// Adding a cited bibliography-file entry to the typed reference list: formatted, at its APA place, written like the
// entries around it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { addCitedEntryActions } from '../../server/src/core/features/addCitedEntry';
import { EntryFormatter } from '../../server/src/core/render/format';
import type { ReferenceEntry } from '../../server/src/core/types';
import { dedent } from '../support/fixture';
import { applyEdits } from '../support/applyEdits';
import { sampleBibliography } from '../support/sampleBibliography';

const formatter = new EntryFormatter();
const render = (entry: ReferenceEntry) => formatter.format(entry, 'apa').markdown;
const OKE = 'Oke, T. R. (1982). *The energetic basis of the urban heat island*.';

function actionsAt(text: string, needle: string, languageId = 'markdown') {
  const at = text.indexOf(needle);
  return addCitedEntryActions(analyse(text, languageId, 1, sampleBibliography), { start: at, end: at }, languageId, render);
}

test('the entry goes between its alphabetical neighbours, separated as they are', () => {
  const text = dedent(`
    Cities are warmer [@oke1982], as Adams (2018) and Zhao (2014) say.

    ## References

    - Adams, B. (2018). A title. *Journal*, 1, 1–2.
    - Zhao, L. (2014). Never cited. *Nature*, 511, 216–219.
  `);
  const [action] = actionsAt(text, 'oke1982');
  assert.equal(action.title, 'Add Oke (1982) to the reference list');
  const after = applyEdits(text, action.edits);
  assert.equal(after, text.replace('- Zhao', `- ${OKE}\n- Zhao`));
  const entries = analyse(after, 'markdown', 2, sampleBibliography).facts.referenceList!.entries;
  assert.deepEqual(entries.map((e) => e.authors[0].family), ['Adams', 'Oke', 'Zhao']);
});

test('an entry that sorts first or last goes before the first or after the last entry', () => {
  const first = dedent(`
    Cities are warmer [@bowler2010], as Oke (1982) said.

    ## References

    Oke, T. R. (1982). The energetic basis. *Journal*, 108, 1–24.
  `);
  const [action] = actionsAt(first, 'bowler2010');
  const after = applyEdits(first, action.edits);
  assert.match(after, /## References\n\nBowler, D\. E\. \(2010\)\. \*Urban greening to cool towns and cities\*\.\n\nOke, T\. R\. \(1982\)/);
  const last = dedent(`
    Cities are warmer [@oke1982], as Adams (2018) said.

    ## References

    Adams, B. (2018). A title. *Journal*, 1, 1–2.
  `);
  assert.equal(applyEdits(last, actionsAt(last, 'oke1982')[0].edits), `${last}\n\n${OKE}`);
});

test('nothing is offered for a work the list already has, or without a typed list, or outside Markdown', () => {
  const listed = `Cities are warmer [@oke1982].\n\n## References\n\nOke, T. R. (1982). The energetic basis. *Journal*, 108, 1–24.\n`;
  assert.deepEqual(actionsAt(listed, 'oke1982'), []);
  assert.deepEqual(actionsAt('Cities are warmer [@oke1982].\n', 'oke1982'), []);
  const withList = `Cities are warmer [@oke1982], says Adams (2018).\n\n## References\n\nAdams, B. (2018). A title. *Journal*, 1, 1–2.\n`;
  assert.deepEqual(actionsAt(withList, 'oke1982', 'plaintext'), []);
});
