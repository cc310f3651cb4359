// Comparison keys for names and titles: what two spellings must share to count as the same name.

/** Keys already computed: the same few hundred names are compared thousands of times in a long document. */
const nameKeys = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 100_000;

/** Lower case, diacritics removed, and apostrophes, hyphens, dots and spaces dropped: "O’Connor" and "OConnor" match. */
export function nameKey(name: string): string {
  const known = nameKeys.get(name);
  if (known !== undefined) return known;
  if (nameKeys.size >= MAX_REMEMBERED_NAMES) nameKeys.clear();
  const key = computeNameKey(name);
  nameKeys.set(name, key);
  return key;
}

function computeNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lower case words without diacritics or punctuation, for comparing a cited title with an entry's title. */
export function titleWords(title: string): string[] {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Two rows of the edit-distance table, kept between calls so that comparing thousands of names allocates nothing. */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Levenshtein distance when it is at most `limit`, else `limit + 1` (the callers only care about small distances). Only
 * the cells within `limit` of the diagonal are worked out: a path through any other cell costs more than the limit.
 */
export function editDistance(a: string, b: string, limit = 3): number {
  const beyond = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return beyond;
  if (a === b) return 0;
  if (previousRow.length <= b.length + 1) {
    previousRow = new Int32Array(2 * (b.length + 1));
    currentRow = new Int32Array(2 * (b.length + 1));
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : beyond;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? Math.min(i, beyond) : beyond;
    let rowMin = current[from - 1];
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, substitution, beyond);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = beyond;
    if (rowMin > limit) return beyond;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length];
}
