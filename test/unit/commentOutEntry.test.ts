// Commenting out an entry nothing cites: an HTML comment in Markdown, "%" lines in LaTeX, nothing in plain text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { quickFixes } from '../../server/src/core/features/codeActions';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { dedent } from '../support/fixture';
import { applyEdits as apply } from '../support/applyEdits';

const TITLE = 'Comment out this entry, which nothing cites';

const MARKDOWN = dedent(`
  Risk is felt (Slovic, 1987).

  ## References

  Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285.

  Zhao, L. (2014). Never cited. *Nature*, 511, 216–219.
`);

function commentFix(text: string, languageId: string) {
  const at = text.indexOf('Zhao, L.');
  return quickFixes(analyse(text, languageId, 1), { start: at, end: at }, languageId).find((f) => f.title === TITLE);
}

test('in Markdown the entry is wrapped in an HTML comment and leaves the list', () => {
  const fix = commentFix(MARKDOWN, 'markdown');
  assert.ok(fix);
  const after = apply(MARKDOWN, fix.edits);
  assert.equal(after, MARKDOWN.replace('Zhao, L. (2014). Never cited. *Nature*, 511, 216–219.', '<!-- Zhao, L. (2014). Never cited. *Nature*, 511, 216–219. -->'));
  const analysis = analyse(after, 'markdown', 2);
  assert.deepEqual(analysis.facts.referenceList?.entries.map((e) => e.authors[0].family), ['Slovic']);
  assert.deepEqual(diagnose(analysis, defaultDiagnosticSettings), []);
});

test('in LaTeX each line of the entry starts with "%"', () => {
  const latex = dedent(`
    Risk is felt \\cite{slovic}.

    \\begin{thebibliography}{9}
    \\bibitem{slovic} Slovic, P. (1987). Perception of risk.
    \\bibitem{zhao} Zhao, L. (2014). Never cited.
      Nature, 511, 216--219.
    \\end{thebibliography}
  `);
  const fix = commentFix(latex, 'latex');
  assert.ok(fix);
  const after = apply(latex, fix.edits);
  assert.equal(after, latex.replace('\\bibitem{zhao} Zhao, L. (2014). Never cited.\n  Nature', '% \\bibitem{zhao} Zhao, L. (2014). Never cited.\n%   Nature'));
  assert.deepEqual(analyse(after, 'latex', 2).facts.referenceList?.entries.map((e) => e.key), ['slovic']);
});

test('plain text has no comment syntax, so only removal is offered', () => {
  assert.equal(commentFix(MARKDOWN, 'plaintext'), undefined);
});
