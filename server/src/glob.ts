// Expands the paths and globs of the `citewise.bibliography` setting ("refs/*.bib", "**/library.json") relative to the
// workspace folder. A small walker rather than a dependency: only `*`, `**`, `?` and `{a,b}` are needed, and the walk
// skips dependency, build and hidden folders and stops after a bounded number of folders.

import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIPPED = new Set(['node_modules', '_site', '_book', 'dist', 'out']);
const MAX_FOLDERS = 5000;

/** Turns a glob into a regular expression over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${glob.slice(i + 1, close).split(',').map((part) => part.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
        i = close;
      }
    } else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/**
 * Visits the files below a folder, breadth first, with their '/'-separated path relative to it. Dependency, build and
 * version-control folders are skipped, and the walk stops after a bounded number of folders.
 */
export function walkFiles(root: string, visit: (relative: string, full: string) => void, maxFolders = MAX_FOLDERS): void {
  const queue = [''];
  let folders = 0;
  while (queue.length > 0 && folders < maxFolders) {
    const relative = queue.shift()!;
    folders++;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) queue.push(child);
      } else if (entry.isFile()) visit(child, path.join(root, child));
    }
  }
}

export function expandGlobs(patterns: string[], root: string): string[] {
  const files: string[] = [];
  const globs = patterns.filter(isGlob).map((p) => globToRegExp(p.replace(/\\/g, '/').replace(/^\.\//, '')));
  for (const pattern of patterns) if (!isGlob(pattern)) files.push(path.resolve(root, pattern));
  if (globs.length > 0) walkFiles(root, (relative) => {
    if (globs.some((g) => g.test(relative))) files.push(path.join(root, relative));
  });
  return files;
}
