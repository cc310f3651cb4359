// Random edits for property tests that type into a document again and again: each replaces a stretch of the text
// (nothing, a few characters or a longer run) at a random place with one of the test's snippets or with nothing.

import fc from 'fast-check';

export interface RandomEdit {
  /** Where the edit starts, as a fraction of the text's length, so that an edit fits any text. */
  at: number;
  length: number;
  insert: string;
}

export function randomEdits(snippets: string[], longest = 40): fc.Arbitrary<RandomEdit> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: longest })),
    insert: fc.oneof(fc.constantFrom(...snippets), fc.constant('')),
  });
}

export function applyRandomEdit(text: string, edit: RandomEdit): string {
  const at = Math.min(text.length, Math.floor(edit.at * text.length));
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.length));
}
