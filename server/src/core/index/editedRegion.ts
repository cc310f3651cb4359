// Where a new version of a document differs from the previous one, widened to whole blocks: the stretches of text
// between empty lines ("\n\n"). No citation and no inline Markdown construct crosses an empty line, so every block
// outside the region reads exactly as before, only moved by the length the edit added or removed.

/** The changed blocks: `start` is the same offset in both versions; the region ends at `oldEnd` before, `newEnd` after. */
export interface EditedRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

const BLOCK_BREAK = '\n\n';
/**
 * A bare mention may run across an empty line through the white space of "Name et al." ("Smith\n\net al. 2001"), so a
 * block that starts with "et" or "al" is read together with the block before it.
 */
const CONTINUES_ET_AL = /\s*(?:et|al)/y;

export function findEditedRegion(oldText: string, newText: string): EditedRegion | undefined {
  if (oldText === newText) return undefined;
  const shorter = Math.min(oldText.length, newText.length);
  const prefix = commonPrefixLength(oldText, newText, shorter);
  const suffix = commonSuffixLength(oldText, newText, shorter - prefix);
  const delta = newText.length - oldText.length;
  let start = blockStartAtOrBefore(newText, prefix);
  while (start > 0 && (continuesEtAl(newText, start) || continuesEtAl(oldText, start))) start = blockStartAtOrBefore(newText, start - BLOCK_BREAK.length);
  // The break that ends the region lies in the unchanged suffix, so it is at the same place (moved) in the old text.
  let newEnd = blockEndAtOrAfter(newText, newText.length - suffix);
  while (newEnd < newText.length && continuesEtAl(newText, newEnd)) newEnd = blockEndAtOrAfter(newText, newEnd + 1);
  return { start, oldEnd: newEnd - delta, newEnd };
}

/** How many characters are compared at once: comparing strings is native code, a loop over characters is not, and a
 * keystroke in a long document leaves hundreds of thousands of characters the same on either side. */
const CHUNK = 4096;

/** How many characters the texts share at their start, at most `limit`. */
function commonPrefixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + CHUNK <= limit && a.slice(length, length + CHUNK) === b.slice(length, length + CHUNK)) length += CHUNK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** How many characters the texts share at their end, at most `limit`. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + CHUNK <= limit && a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)) length += CHUNK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}

/** The start of the block holding `offset`: just after the last empty line that ends at or before it. */
function blockStartAtOrBefore(text: string, offset: number): number {
  if (offset < BLOCK_BREAK.length) return 0;
  const found = text.lastIndexOf(BLOCK_BREAK, offset - BLOCK_BREAK.length);
  return found < 0 ? 0 : found + BLOCK_BREAK.length;
}

/** The end of the block holding `offset`: where the first empty line at or after it begins. */
function blockEndAtOrAfter(text: string, offset: number): number {
  const found = text.indexOf(BLOCK_BREAK, offset);
  return found < 0 ? text.length : found;
}

function continuesEtAl(text: string, offset: number): boolean {
  CONTINUES_ET_AL.lastIndex = offset;
  return CONTINUES_ET_AL.test(text);
}
