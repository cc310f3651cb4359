// MLA 9: "(Qerimi 4)", "(Qerimi, *Short Title* 4)" and "Qerimi argues … (4)", by author and page without the year,
// checked by the author-page rules (see authorPageRules.ts). The year-based rules cannot apply; the list ("Works
// Cited") is alphabetical and names are spelt as in it.

import type { AuthorPageStyle } from '../citationStyles';

export const mla9: AuthorPageStyle = {
  id: 'mla9',
  name: 'MLA 9',
  citations: 'author-page',
  cite: (author) => author,
  rules: ['apa-list-order', 'apa-spelling'],
};
