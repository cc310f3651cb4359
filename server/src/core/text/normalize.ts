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

/** Levenshtein distance, stopping early once it exceeds `limit` (the caller only cares about small distances). */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
