// MLA 9: "(Qerimi 4)" and "Qerimi", by author and page without the year. The year-based rules cannot apply; the list
// ("Works Cited") is alphabetical and names are spelt as in it.

import type { AuthorPageStyle } from '../citationStyles';

export const mla9: AuthorPageStyle = {
  id: 'mla9',
  name: 'MLA 9',
  citations: 'author-page',
  cite: (author) => author,
  apaRules: ['apa-list-order', 'apa-spelling'],
};
