// IEEE: "[1]", numbered in the order in which works are first cited. No APA rule applies to a numbered list.

import type { NumericStyle } from '../citationStyles';

export const ieee: NumericStyle = {
  id: 'ieee',
  name: 'IEEE',
  citations: 'numeric',
  cite: (entryNumber) => `[${entryNumber}]`,
  numberedInCitationOrder: true,
  rules: [],
};
