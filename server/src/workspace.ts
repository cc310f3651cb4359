// The file system side of the server: reads bibliography files (re-reading one only when it changed on disk), watches
// their folders so that a rewritten export is picked up within a second, finds a document's Quarto project and
// neighbouring bibliographies, and expands the `citewise.bibliography` setting. Everything it reads goes to the core as text.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import type { BibliographyReference, Problem } from './core/types';
import { mergeBibliography, type Bibliography, type BibliographySource } from './core/index/bibliography';
import { bibliographyFilesFor, formatOfPath } from './core/index/project';
import { expandGlobs } from './glob';

/** Parses the texts of the files one document sees, by URI; given by the caller so that tests can supply their own. */
export type BibliographyParser = (files: { source: string; path: string; text: string; version: string }[]) => BibliographySource[];

export interface WorkspaceOptions {
  /** Workspace folders as absolute paths; settings paths and globs are relative to the first. */
  roots: () => string[];
  /** `citewise.bibliography`: paths or globs. */
  settingPaths: () => string[];
  /** Files larger than this are read only up to this size; a problem in the file says so. */
  maxFileBytes: () => number;
  parse: BibliographyParser;
  log: (message: string) => void;
  /** Called with the path of a bibliography file that changed on disk. */
  onChange: (file: string) => void;
  /** Whether to watch the folders of the files read (the server does; a one-shot command does not). */
  watch?: boolean;
  /** Whether the workspace is trusted; an untrusted one reads no file its settings point at, and none outside its folders. */
  trusted?: () => boolean;
  /** `citewise.allowBibliographiesOutsideWorkspace`: whether a trusted workspace reads bibliographies outside its folders. */
  allowOutside?: () => boolean;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  text: string;
  version: string;
  /** A reason the file could not be used, reported on the file itself. */
  problem?: string;
  /** Set when only the first part of a file over the size limit was read. */
  truncated?: string;
  /** The size limit the file was read under. */
  limit: number;
}

/** The path with symbolic links followed, or as given when it does not exist (yet). */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Reads the first `limit` bytes of a file, up to its last complete line, so that a huge file is indexed in part. */
function readPrefix(file: string, limit: number): string {
  const descriptor = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    const length = fs.readSync(descriptor, buffer, 0, limit, 0);
    const text = buffer.subarray(0, length).toString('utf8');
    const lastLine = text.lastIndexOf('\n');
    return lastLine < 0 ? text : text.slice(0, lastLine + 1);
  } finally {
    fs.closeSync(descriptor);
  }
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).toString();
}

export class Workspace {
  private readonly files = new Map<string, CachedFile>();
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly bibliographies = new Map<string, Bibliography>();
  private readonly parsed = new Map<string, { key: string; sources: BibliographySource[] }>();

  constructor(private readonly options: WorkspaceOptions) {}

  /** The text of a bibliography file as last read, for turning offsets in it into positions. */
  textOf(file: string): string | undefined {
    return this.files.get(file)?.text;
  }

  private trusted(): boolean {
    return this.options.trusted?.() ?? true;
  }

  /**
   * Whether a file may be read: inside a workspace folder (after following symbolic links), or anywhere when a trusted
   * workspace allows it. Without workspace folders, the document's own folder is the boundary.
   */
  private mayRead(file: string, documentPath: string): boolean {
    if (this.trusted() && (this.options.allowOutside?.() ?? false)) return true;
    const roots = this.options.roots();
    const boundaries = roots.length > 0 ? roots : [path.dirname(documentPath)];
    const real = realPath(file);
    return boundaries.some((root) => {
      const relative = path.relative(realPath(root), real);
      return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    });
  }

  /** Problems with the bibliography files a document names, at the names in the document: not found, or not readable here. */
  namedProblems(documentUri: string, named: BibliographyReference[]): Problem[] {
    const documentPath = uriToPath(documentUri);
    if (!documentPath) return [];
    return named.flatMap((reference): Problem[] => {
      const file = path.resolve(path.dirname(documentPath), reference.path);
      if (!fs.existsSync(file)) return [{ span: reference.span, code: 'bibliography-not-found', message: `The bibliography file "${reference.path}" was not found (looked for ${file}).` }];
      if (!this.mayRead(file, documentPath)) {
        const why = this.trusted()
          ? 'it is outside the workspace folders; the setting citewise.allowBibliographiesOutsideWorkspace lets Citewise read it'
          : 'this workspace is not trusted, and an untrusted workspace reads no file outside its folders';
        return [{ span: reference.span, code: 'bibliography-not-read', message: `The bibliography file "${reference.path}" was not read: ${why}.` }];
      }
      return [];
    });
  }

  /** The bibliography a document sees, merged from its files; the same object while no file changed. */
  bibliographyFor(documentUri: string, named: BibliographyReference[]): Bibliography {
    const documentPath = uriToPath(documentUri);
    if (!documentPath) return mergeBibliography([]);
    const folder = path.dirname(documentPath);
    const allowed = (file: string) => this.mayRead(file, documentPath);
    const files = bibliographyFilesFor({
      documentPath,
      named: named.filter((reference) => allowed(path.resolve(folder, reference.path))),
      quartoProject: this.quartoBibliographies(documentPath).filter(allowed),
      // The setting is the user's own choice, honoured anywhere once the workspace is trusted.
      fromSettings: this.trusted() ? this.settingFiles() : [],
      neighbours: () => this.neighbours(documentPath).filter(allowed),
    });
    const read = files.map((file) => ({ file, cached: this.read(file) }));
    const key = read.map(({ file, cached }) => `${file}@${cached?.version ?? 'missing'}`).join('|');
    const existing = this.bibliographies.get(key);
    if (existing) return existing;
    const sources = this.parseAll(read);
    const bibliography = mergeBibliography(sources);
    this.bibliographies.set(key, bibliography);
    if (this.bibliographies.size > 64) this.bibliographies.delete(this.bibliographies.keys().next().value!);
    return bibliography;
  }

  /** Parses the files together (BibTeX macros and crossrefs may live in another file), reusing the last parse of the same versions. */
  private parseAll(read: { file: string; cached: CachedFile | undefined }[]): BibliographySource[] {
    const present = read.filter((r): r is { file: string; cached: CachedFile } => !!r.cached);
    const key = present.map((r) => `${r.file}@${r.cached.version}`).join('|');
    const previous = this.parsed.get(key);
    if (previous) return previous.sources;
    const readable = present.filter((r) => !r.cached.problem);
    let sources: BibliographySource[];
    try {
      sources = this.options.parse(readable.map((r) => ({ source: pathToUri(r.file), path: r.file, text: r.cached.text, version: r.cached.version })));
    } catch (error) {
      this.options.log(`citewise: reading bibliographies failed: ${error instanceof Error ? error.message : String(error)}`);
      sources = [];
    }
    for (const r of present) {
      const truncated = r.cached.truncated;
      const parsed = truncated && sources.find((source) => source.source === pathToUri(r.file));
      if (parsed) parsed.problems = [...parsed.problems, { span: { start: r.cached.text.length, end: r.cached.text.length }, code: 'bib-truncated', message: truncated }];
      if (!r.cached.problem) continue;
      const problem: Problem = { span: { start: 0, end: 0 }, code: 'bib-unreadable', message: r.cached.problem };
      sources.push({ source: pathToUri(r.file), version: r.cached.version, entries: [], problems: [problem] });
    }
    for (const r of read) {
      if (r.cached) continue;
      this.options.log(`citewise: bibliography not found: ${r.file}`);
    }
    this.parsed.set(key, { key, sources });
    if (this.parsed.size > 64) this.parsed.delete(this.parsed.keys().next().value!);
    return sources;
  }

  /** Reads a file unless the copy held is as new as the file on disk. */
  private read(file: string): CachedFile | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.files.delete(file);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const held = this.files.get(file);
    // A file cut at the size limit is read again when the limit changes.
    if (held && held.mtimeMs === stat.mtimeMs && held.size === stat.size && held.limit === this.options.maxFileBytes()) return held;
    this.watch(file);
    let cached: CachedFile;
    const limit = this.options.maxFileBytes();
    // The limit is part of the version: a file read in part under one limit is another text under the next.
    const version = `${stat.mtimeMs}:${stat.size}:${limit}`;
    try {
      if (stat.size > limit) {
        const megabytes = (bytes: number) => (bytes / 1048576).toFixed(1);
        cached = {
          mtimeMs: stat.mtimeMs,
          size: stat.size,
          limit,
          text: readPrefix(file, limit),
          version,
          truncated: `This file is ${megabytes(stat.size)} MB; only its first ${megabytes(limit)} MB were read (setting citewise.maxFileSizeMB), so entries after that point are not known.`,
        };
      } else {
        cached = { mtimeMs: stat.mtimeMs, size: stat.size, limit, text: fs.readFileSync(file, 'utf8'), version };
      }
    } catch (error) {
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, limit, text: '', version, problem: `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.` };
    }
    this.files.set(file, cached);
    return cached;
  }

  /** Watches the folder rather than the file: reference managers replace the file on each export, which ends a file watch. */
  private watch(file: string): void {
    if (this.options.watch === false) return;
    const folder = path.dirname(file);
    if (this.watchers.has(folder)) return;
    try {
      const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
        if (!name) return;
        const changed = path.join(folder, name.toString());
        if (!this.files.has(changed)) return;
        this.files.delete(changed);
        this.options.onChange(changed);
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(folder);
      });
      this.watchers.set(folder, watcher);
    } catch (error) {
      this.options.log(`citewise: cannot watch ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Forgets a file the editor reported as changed, so the next request reads it again. */
  invalidate(file: string): boolean {
    return this.files.delete(file);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private neighbours(documentPath: string): string[] {
    const folder = path.dirname(documentPath);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return [];
    }
    // JSON and YAML files next to a document are only taken when their name says they are a bibliography.
    return names
      .filter((name) => {
        const format = formatOfPath(name);
        if (format === 'bibtex' || format === 'ris') return true;
        return format !== undefined && /bib|ref|librar|citation|zotero/i.test(name);
      })
      .sort()
      .map((name) => path.join(folder, name));
  }

  /** The bibliographies of the nearest `_quarto.yml` at or above the document, inside a workspace folder. */
  private quartoBibliographies(documentPath: string): string[] {
    const roots = this.options.roots();
    let folder = path.dirname(documentPath);
    for (let depth = 0; depth < 32; depth++) {
      const project = path.join(folder, '_quarto.yml');
      const cached = fs.existsSync(project) ? this.read(project) : undefined;
      if (cached) return readQuartoBibliographies(cached.text).map((p) => path.resolve(folder, p));
      if (roots.includes(folder)) break;
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return [];
  }

  private settingFiles(): string[] {
    const root = this.options.roots()[0];
    if (!root) return [];
    return expandGlobs(this.options.settingPaths(), root);
  }
}

/** The `bibliography:` of a Quarto project file, at the top level or under `format:`/`project:`, as a string or list. */
export function readQuartoBibliographies(text: string): string[] {
  try {
    const document = parseDocument(text);
    const values = [document.get('bibliography'), document.getIn(['metadata', 'bibliography'])];
    return values.flatMap((value) => {
      const plain = value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
      if (typeof plain === 'string') return [plain];
      if (Array.isArray(plain)) return plain.filter((p): p is string => typeof p === 'string');
      return [];
    });
  } catch {
    return [];
  }
}
