// Harvard: "(Qerimi 2023)" and "Qerimi (2023)". Harvard joins authors with "and" and its et al. threshold varies by
// institution, so only the rules every author-date style shares run: year suffixes that tell works apart, an
// alphabetical list, and names spelt as in the list.

import type { AuthorDateStyle } from '../citationStyles';

export const harvard: AuthorDateStyle = {
  id: 'harvard',
  name: 'Harvard',
  citations: 'author-date',
  cite: (author, date, form) => (form === 'narrative' ? `${author} (${date})` : `${author} ${date}`),
  rules: ['apa-suffix', 'apa-list-order', 'apa-spelling'],
};
