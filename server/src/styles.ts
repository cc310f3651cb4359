// Turns the `citewise.style` setting into a style name the formatter knows: a built-in name as it is, or a .csl file
// (relative to the workspace folder) read and registered once per file version. A file that cannot be used falls back
// to APA, and the reason is logged once. The file is parsed as data by the style engine: nothing in it is fetched.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntryFormatter } from './core/render/format';

export class StyleRegistry {
  private readonly registered = new Map<string, { mtimeMs: number; name: string }>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly formatter: Pick<EntryFormatter, 'registerStyle'>,
    private readonly roots: () => string[],
    private readonly trusted: () => boolean,
    private readonly log: (message: string) => void,
  ) {}

  nameFor(style: string): string {
    if (!style.toLowerCase().endsWith('.csl')) return style;
    // A style file is read only in a trusted workspace: a workspace's own settings could point anywhere.
    if (!this.trusted()) return this.fallBack(style, 'the workspace is not trusted');
    const file = path.resolve(this.roots()[0] ?? process.cwd(), style);
    try {
      const stat = fs.statSync(file);
      const held = this.registered.get(file);
      if (held && held.mtimeMs === stat.mtimeMs) return held.name;
      const name = `file:${file}:${stat.mtimeMs}`;
      const problem = this.formatter.registerStyle(name, fs.readFileSync(file, 'utf8'));
      if (problem) return this.fallBack(file, problem);
      this.registered.set(file, { mtimeMs: stat.mtimeMs, name });
      return name;
    } catch (error) {
      return this.fallBack(file, (error as NodeJS.ErrnoException).code ?? String(error));
    }
  }

  private fallBack(file: string, reason: string): string {
    if (!this.reported.has(file + reason)) {
      this.reported.add(file + reason);
      this.log(`citewise: the style ${file} cannot be used (${reason}); entries are formatted in APA instead.`);
    }
    return 'apa';
  }
}
