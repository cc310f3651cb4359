// A cheap look at a text's first character, taken before a pattern that can only match when it is one of a few.

export function startsWithOneOf(text: string, characters: string): boolean {
  return text.length > 0 && characters.includes(text[0]);
}
