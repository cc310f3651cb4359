// Generating the reference list of the cited bibliography-file entries: a new section, or the entries a list lacks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { generateReferences, INSERT_REFERENCES_TITLE, UPDATE_REFERENCES_TITLE } from '../../server/src/core/features/generateReferences';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { EntryFormatter } from '../../server/src/core/render/format';
import { defaultDiagnosticSettings, type ReferenceEntry } from '../../server/src/core/types';
import { dedent } from '../support/fixture';
import { applyEdits } from '../support/applyEdits';
import { sampleBibliography } from '../support/sampleBibliography';

const formatter = new EntryFormatter();
const render = (entry: ReferenceEntry) => formatter.format(entry, 'apa').markdown;
const OKE = 'Oke, T. R. (1982). *The energetic basis of the urban heat island*.';
const BOWLER = 'Bowler, D. E. (2010). *Urban greening to cool towns and cities*.';

test('a document without a list gets a References section of the cited works in APA order', () => {
  const text = 'Cities are warmer [@oke1982; @bowler2010], as Oke (1982) found.\n';
  const action = generateReferences(analyse(text, 'markdown', 1, sampleBibliography), 'markdown', render);
  assert.equal(action?.title, INSERT_REFERENCES_TITLE);
  const after = applyEdits(text, action!.edits);
  assert.equal(after, `${text}\n## References\n\n${BOWLER}\n\n${OKE}\n`);
  const analysis = analyse(after, 'markdown', 2, sampleBibliography);
  assert.equal(analysis.facts.referenceList?.entries.length, 2);
  assert.deepEqual(diagnose(analysis, defaultDiagnosticSettings).filter((d) => d.code === 'apa-list-order'), []);
});

test('a list under a heading gets the cited works it lacks, each at its place, and keeps everything else', () => {
  const text = dedent(`
    Cities are warmer [@oke1982; @bowler2010], as Adams (2018) said.

    ## References

    Adams, B. (2018). A title. *Journal*, 1, 1–2.

    Oke, T. R. (1982). The energetic basis. *Journal*, 108, 1–24.
  `);
  const action = generateReferences(analyse(text, 'markdown', 1, sampleBibliography), 'markdown', render);
  assert.equal(action?.title, UPDATE_REFERENCES_TITLE);
  const after = applyEdits(text, action!.edits);
  assert.equal(after, text.replace('\n\nOke, T. R.', `\n\n${BOWLER}\n\nOke, T. R.`));
});

test('nothing is offered when the list is complete, when nothing is cited from a file, or in LaTeX', () => {
  const complete = `Cities are warmer [@oke1982].\n\n## References\n\nOke, T. R. (1982). The energetic basis. *Journal*, 108, 1–24.\n`;
  assert.equal(generateReferences(analyse(complete, 'markdown', 1, sampleBibliography), 'markdown', render), undefined);
  assert.equal(generateReferences(analyse('No citations.\n', 'markdown', 1, sampleBibliography), 'markdown', render), undefined);
  assert.equal(generateReferences(analyse('Warmer \\cite{oke1982}.\n', 'latex', 1, sampleBibliography), 'latex', render), undefined);
});
