// Chicago author-date (17th edition): "(Qerimi 2023)" and "Qerimi (2023)". Chicago cuts to "et al." only from four
// authors on (its own et al. rule) and joins authors with "and", so the APA et al. and ampersand rules do not run; the
// shared author-date rules do, and so does the DOI rule, as Chicago also writes DOIs as https://doi.org/ links.

import type { AuthorDateStyle } from '../citationStyles';

export const chicagoAuthorDate: AuthorDateStyle = {
  id: 'chicago-author-date',
  name: 'Chicago author-date',
  citations: 'author-date',
  cite: (author, date, form) => (form === 'narrative' ? `${author} (${date})` : `${author} ${date}`),
  rules: ['chicago-et-al', 'apa-suffix', 'apa-list-order', 'apa-spelling', 'apa-doi-format'],
};
