// LaTeX documents: a pasted `thebibliography` is the reference list and its keys resolve; sample entries in a list are
// not citations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

const THESIS = dedent(String.raw`
  \section{Methods}
  Model selection used the criterion of \citet{akaike1974new}, as in \citep[e.g.][]{anderson2001new}.
  A missing key: \cite{andersen2001new}.

  \begin{thebibliography}{}

  \bibitem[Akaike, 1974]{akaike1974new}
  Akaike, H. (1974).
  \newblock A new look at the statistical model identification.
  \newblock {\em IEEE Transactions on Automatic Control}, 19(6):716--723.

  \bibitem[Anderson, 2001]{anderson2001new}
  Anderson, M.~J. (2001).
  \newblock A new method for non-parametric multivariate analysis of variance.
  \newblock {\em Austral Ecology}, 26(1):32--46.

  \end{thebibliography}
`);

test('a thebibliography environment is the reference list, and keyed citations resolve against its \\bibitem keys', () => {
  const analysis = analyse(THESIS, 'latex', 1);
  const entries = analysis.facts.referenceList!.entries;
  assert.deepEqual(entries.map((e) => [e.key, e.authors[0]?.family, e.date?.year, e.title]), [
    ['akaike1974new', 'Akaike', 1974, 'A new look at the statistical model identification'],
    ['anderson2001new', 'Anderson', 2001, 'A new method for non-parametric multivariate analysis of variance'],
  ]);
  assert.deepEqual(slice(THESIS, entries[0].keySpan!), 'akaike1974new');
  assert.deepEqual(analysis.facts.citations, [], 'the entries are not read as prose citations');
  assert.deepEqual(diagnose(analysis, defaultDiagnosticSettings).map((d) => [d.code, d.message]), [
    ['unknown-key', 'No bibliography entry has the key "andersen2001new". Did you mean "anderson2001new"?'],
  ]);
});

test('sample entries in a list ("\\item Doe, John (2000). Title.") are not citations, prose citations around them are', () => {
  const f = parseFixture(dedent(String.raw`
    The samples below show the style; Doe (2000) explains it.
                                      ^^^^^^^^^^
    \begin{itemize}
    \item Doe, John (2000). \emph{Book~1}. Location: Publisher, 2000.
    \item Doe, John (2003a). \emph{Book~2}. Location: Publisher, 2003.
    \end{itemize}
  `));
  const analysis = analyse(f.text, 'latex', 1);
  assert.deepEqual(analysis.facts.citations.map((c) => c.span), f.ranges);
});
