// Vancouver (and the numeric styles close to it: Nature, AMA): "[1]" or a superscript "^1^". Citation order is not
// checked, as journals that follow Vancouver differ on it. No APA rule applies to a numbered list.

import type { NumericStyle } from '../citationStyles';

export const vancouver: NumericStyle = {
  id: 'vancouver',
  name: 'Vancouver',
  citations: 'numeric',
  cite: (entryNumber) => `[${entryNumber}]`,
  numberedInCitationOrder: false,
  rules: [],
};
