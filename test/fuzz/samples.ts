// Small valid inputs, one kind per parser, written for the fuzz tests: mutating something that parses well reaches
// the deep paths of a parser far more often than random text does.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repositoryRoot } from '../support/lspClient';

export const seedEssay = readFileSync(path.join(repositoryRoot, 'test', 'fixtures', 'seed-essay.md'), 'utf8');

export const pandocPaper = `---
title: "Street trees"
bibliography: [refs.bib, 'more.json']
---

# Introduction

Heat islands are documented [@oke1982; @santamouris2015, p. 584]. Trees cool
their surroundings [see @bowler2010, pp. 147-155], although @ziter2019 [p. 3] found otherwise.
Some claims stay unsupported [-@smith2099]. Mail me at a@b.org; see Figure @fig-map.

\`\`\`python
print("[@not_a_citation]")
\`\`\`

Smith and Jones (2019) agree with earlier work (Oke, 1982, p. 4; see also Bowler et al., 2010a, 2010b).

## References

Bowler, D. E., Buyung-Ali, L., & Pullin, A. S. (2010a). Urban greening to cool towns. *Landscape and Urban Planning*, 97(3), 147–155. https://doi.org/10.1016/j.landurbplan.2010.05.006

Oke, T. R. (1982). The energetic basis of the urban heat island. *Quarterly Journal of the Royal Meteorological Society*, 108(455), 1–24.

Smith, J., & Jones, K. (2019). *A book*. Publisher.
`;

export const latexThesis = String.raw`\documentclass{article}
\usepackage{biblatex}
\addbibresource{refs.bib}
\bibliography{a,b}
\begin{document}
Urban heat \citep[see][12]{oke1982,bowler2010} and \textcite{ziter2019}. % \cite{commented}
\parencites[3]{santamouris2015}[see][]{oke1982} as \citeauthor*{oke1982} wrote (Oke, 1982).
\begin{verbatim}\cite{verbatim}\end{verbatim}
\begin{thebibliography}{9}
\bibitem[Oke(1982)]{oke1982} T.~R. Oke. \newblock The energetic basis. \newblock {\em QJRMS}, 108:1--24, 1982.
\bibitem{bowler2010} Bowler, D. E. (2010). Urban greening. Landscape and Urban Planning, 97, 147--155.
\end{thebibliography}
\end{document}
`;

export const restructuredText = `Heat islands
============

Cities are warmer (Oke, 1982). Bowler et al. (2010) reviewed greening.

.. code-block:: python

   print("(Nobody, 2020)")

References
----------

- Bowler, D. E., & Pullin, A. S. (2010). Urban greening. *Landscape*, 97, 147–155.
- Oke, T. R. (1982). The energetic basis. *QJRMS*, 108, 1–24.
`;

export const typstDocument = `#set page(width: 10cm)
= Heat
Cities are warmer @oke1982 and #cite(<bowler2010>, supplement: [p. 7]).
\`raw @notakey\` // @comment
#bibliography("refs.bib")
`;

export const bibtexFile = String.raw`@string{qj = "Quarterly Journal"}
@article{oke1982,
  author = {Oke, T. R. and van der Berg, Jan and {World Health Organization}},
  title = {The energetic basis of the {urban} heat island},
  journal = qj # " of the RMS",
  year = 1982, month = jan,
  doi = {10.1002/qj.49710845502}
}
@book(bowler2010, author = "Bowler, D{\"o}rte", title = {Urban greening}, date = {2010-05/2010-06})
@inbook{child, crossref = {bowler2010}, pages = {1--2}}
@comment{ignored}
@preamble{"\newcommand{\x}{y}"}
@misc{broken2001, title = {Unclosed
@online{ziter2019, author = {Ziter, Carly}, title = {Trees}, urldate = {2019-01-02}, url = {https://example.org/a?b=c}}
`;

export const cslJsonFile = `[
  {"id": "oke1982", "type": "article-journal", "title": "The <i>energetic</i> basis",
   "author": [{"family": "Oke", "given": "T. R."}, {"literal": "WHO"}],
   "issued": {"date-parts": [[1982, 3, 4]]}, "DOI": "https://doi.org/10.1002/qj.1"},
  {"id": "bowler2010", "type": "book", "author": [{"family": "Bowler", "non-dropping-particle": "van"}],
   "issued": {"raw": "Spring 2010"}, "editor": [{"family": "Pullin"}]},
  {"type": "report", "title": "No id", "issued": {"literal": "n.d."}}
]
`;

export const cslYamlFile = `---
references:
- id: oke1982
  type: article-journal
  title: The energetic basis
  author:
  - family: Oke
    given: T. R.
  issued:
  - year: 1982
    month: 3
- id: bowler2010
  author: [{family: Bowler}, {literal: World Health Organization}]
  issued: 2010-05-06
  DOI: 10.1016/j.x.2010.05.006
...
`;

export const risFile = `TY  - JOUR
AU  - Oke, T. R.
AU  - Bowler, Diana
TI  - The energetic basis
PY  - 1982/03/04/
DO  - 10.1002/qj.49710845502
ID  - oke1982
ER  - 

TY  - BOOK
A1  - World Health Organization
T1  - Urban greening
Y1  - 2010
UR  - https://doi.org/10.1016/j.x
ER  - 
`;

export const referenceEntries = [
  'Bowler, D. E., Buyung-Ali, L., & Pullin, A. S. (2010a). Urban greening to cool towns. *Landscape and Urban Planning*, 97(3), 147–155. https://doi.org/10.1016/j.landurbplan.2010.05.006',
  'World Health Organization. (n.d.-b). *Air quality guidelines*. https://www.who.int/x',
  'New U.S. landmine policy. (2022, March 17). *Arms Control Today*, 52(3).',
  'van der Berg, J., Smith, J., Jr., ... Zed, Z. (in press). Title. In A.-M. Brady (Ed.), *Book* (pp. 1–5). Press.',
  'Freud, S. (1900/1953). *The interpretation of dreams*. Hogarth.',
];

export const authorLists = [
  'Bowler, D. E., Buyung-Ali, L., & Pullin, A. S.',
  'Yiheng Xu, Minghao Li, and Lei Cui',
  'Smith, J.; van den Boogard, K.; World Health Organization',
  "O'Brien, T., Jr., Nguyen A., & de la Cruz, M.-J. et al.",
  'Centers for Disease Control and Prevention',
  'Brady, A.-M. (Ed.)',
];

export const dates = ['2019', '2019a', 'n.d.', 'n.d.-a', 'in press', '1900/1953', '2004, March 17', '2020b, May', 'in press-c', '1450'];
