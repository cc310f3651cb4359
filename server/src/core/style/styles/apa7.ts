// APA 7: "(Qerimi, 2023)" and "Qerimi (2023)". Every APA rule runs.

import type { AuthorDateStyle } from '../citationStyles';

export const apa7: AuthorDateStyle = {
  id: 'apa7',
  name: 'APA 7',
  citations: 'author-date',
  cite: (author, date, form) => (form === 'narrative' ? `${author} (${date})` : `${author}, ${date}`),
  rules: [
    'apa-et-al',
    'apa-ampersand',
    'apa-order-in-parenthesis',
    'apa-suffix',
    'apa-abbreviation',
    'apa-et-al-period',
    'apa-list-order',
    'apa-entry-parts',
    'apa-doi-format',
    'apa-spelling',
  ],
};
