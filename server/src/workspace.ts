// The file system side of the server: reads bibliography files (re-reading one only when it changed on disk, and a large
// one in the background, a slice at a time, when the server asks for that), watches their folders so that a rewritten
// export is picked up within a second, finds a document's Quarto project and neighbouring bibliographies, and expands
// the `citewise.bibliography` setting. Everything it reads goes to the core as text.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import type { BibliographyReference, Problem } from './core/types';
import { mergeBibliography, type Bibliography, type BibliographySource } from './core/index/bibliography';
import { bibliographyFilesFor, formatOfPath } from './core/index/project';
import { expandGlobs } from './glob';
import type { SlicedReading } from './core/index/slicedReading';
import { readInSlices, readPrefix, type ReadingProgress } from './readInSlices';
import { refusedYaml } from './core/syntax/yamlGuard';

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
  /**
   * Bibliography files larger than this are read in the background, a slice at a time, and requests meanwhile see the
   * entries read so far; `onChange` is called when such a file is read. Without it, every file is read at once.
   */
  backgroundBytes?: number;
  /** Called when a file starts being read in the background, for showing how far it has got. */
  readingProgress?: (file: string) => ReadingProgress;
  /** How long to wait between the slices of a file read in the background (0: only let waiting work run). */
  slicePauseMs?: () => number;
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
  /** Set while the file is read in the background; `text` is empty until the file itself is read. Requests see the
   * entries read up to the latest snapshot. */
  loading?: { snapshot: number };
  /** The slices of a file read in the background, which give its entries as far as they have got. */
  reading?: SlicedReading;
}

/** The version of what is read of a file: for a file read in the background, it changes with every snapshot. */
function versionRead(cached: CachedFile): string {
  return cached.loading ? `${cached.version}~${cached.loading.snapshot}` : cached.version;
}

/** The path with symbolic links followed, or as given when it does not exist (yet). */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function truncationMessage(size: number, limit: number): string {
  const megabytes = (bytes: number) => (bytes / 1048576).toFixed(1);
  return `This file is ${megabytes(size)} MB; only its first ${megabytes(limit)} MB were read (setting citewise.maxFileSizeMB), so entries after that point are not known.`;
}

function unreadable(error: unknown): string {
  return `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`;
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
  /** What `remembered` found: a document's files, and whether the files it names exist and may be read. */
  private readonly whereFilesAre = new Map<string, unknown>();

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
      const status = this.remembered(`named\n${documentPath}\n${reference.path}`, () => (!fs.existsSync(file) ? 'missing' : this.mayRead(file, documentPath) ? 'readable' : 'outside'));
      if (status === 'missing') return [{ span: reference.span, code: 'bibliography-not-found', message: `The bibliography file "${reference.path}" was not found (looked for ${file}).` }];
      if (status === 'outside') {
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
    const files = this.remembered(`files\n${documentPath}\n${named.map((reference) => reference.path).join('\n')}`, () => this.filesFor(documentPath, named));
    const read = files.map((file) => ({ file, cached: this.read(file, true) }));
    const key = read.map(({ file, cached }) => `${file}@${cached ? versionRead(cached) : 'missing'}`).join('|');
    const existing = this.bibliographies.get(key);
    if (existing) return existing;
    const sources = this.parseAll(read);
    const bibliography = mergeBibliography(sources);
    this.bibliographies.set(key, bibliography);
    if (this.bibliographies.size > 64) this.bibliographies.delete(this.bibliographies.keys().next().value!);
    return bibliography;
  }

  /** The bibliography files a document sees: the ones it names, its Quarto project's, the setting's, or its neighbours. */
  private filesFor(documentPath: string, named: BibliographyReference[]): string[] {
    const folder = path.dirname(documentPath);
    const allowed = (file: string) => this.mayRead(file, documentPath);
    return bibliographyFilesFor({
      documentPath,
      named: named.filter((reference) => allowed(path.resolve(folder, reference.path))),
      quartoProject: this.quartoBibliographies(documentPath).filter(allowed),
      // The setting is the user's own choice, honoured anywhere once the workspace is trusted.
      fromSettings: this.trusted() ? this.settingFiles() : [],
      neighbours: () => this.neighbours(documentPath).filter(allowed),
    });
  }

  /**
   * Finding a document's files walks folders, follows symbolic links and expands globs: a watching workspace does it
   * once per document and set of names, until a file event or a settings change (`forgetWhereFilesAre`) says the
   * answer may differ. Without watching, nothing would say so, and it is done every time.
   */
  private remembered<T>(key: string, find: () => T): T {
    if (this.options.watch === false) return find();
    if (this.whereFilesAre.has(key)) return this.whereFilesAre.get(key) as T;
    const found = find();
    this.whereFilesAre.set(key, found);
    if (this.whereFilesAre.size > 512) this.whereFilesAre.delete(this.whereFilesAre.keys().next().value!);
    return found;
  }

  /** Files may have been created, deleted or renamed, or the settings changed: which files documents see is found again. */
  forgetWhereFilesAre(): void {
    this.whereFilesAre.clear();
  }

  /** Parses the files together (BibTeX macros and crossrefs may live in another file), reusing the last parse of the same versions. */
  private parseAll(read: { file: string; cached: CachedFile | undefined }[]): BibliographySource[] {
    const present = read.filter((r): r is { file: string; cached: CachedFile } => !!r.cached);
    const key = present.map((r) => `${r.file}@${versionRead(r.cached)}`).join('|');
    const previous = this.parsed.get(key);
    if (previous) return previous.sources;
    // A file read in the background counts only once its own text is read; its slices then give its entries.
    const readable = present.filter((r) => !r.cached.problem && !(r.cached.loading && !r.cached.reading));
    let sources: BibliographySource[];
    try {
      sources = this.options.parse(
        readable.map((r) => ({ source: pathToUri(r.file), path: r.file, text: r.cached.text, version: versionRead(r.cached), reading: r.cached.reading })),
      );
    } catch (error) {
      this.options.log(`citewise: reading bibliographies failed: ${error instanceof Error ? error.message : String(error)}`);
      sources = [];
    }
    for (const r of present) {
      const truncated = r.cached.truncated;
      const parsed = truncated && sources.find((source) => source.source === pathToUri(r.file));
      if (parsed) parsed.problems = [...parsed.problems, { span: { start: r.cached.text.length, end: r.cached.text.length }, code: 'bib-truncated', message: truncated }];
      if (r.cached.loading && !r.cached.reading) sources.push({ source: pathToUri(r.file), version: versionRead(r.cached), entries: [], problems: [], loading: true });
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

  /**
   * Reads a file unless the copy held is as new as the file on disk. A large bibliography file is read in the
   * background when the workspace allows it (`inBackground`): the copy returned is then still being read.
   */
  private read(file: string, inBackground = false): CachedFile | undefined {
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
    const truncated = stat.size > limit ? truncationMessage(stat.size, limit) : undefined;
    const background = this.options.backgroundBytes;
    if (inBackground && background !== undefined && Math.min(stat.size, limit) > background) {
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, limit, text: '', version, truncated, loading: { snapshot: 0 } };
      this.files.set(file, cached);
      void this.readInBackground(file, cached);
      return cached;
    }
    try {
      const text = truncated ? readPrefix(file, limit) : fs.readFileSync(file, 'utf8');
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, limit, text, version, truncated };
    } catch (error) {
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, limit, text: '', version, problem: unreadable(error) };
    }
    this.files.set(file, cached);
    return cached;
  }

  /** Reads a large file without blocking, and tells `onChange` once it is read, so that documents are checked again
   * against the whole file. A newer copy of the file (it changed meanwhile) replaces this one and stops its reading. */
  private async readInBackground(file: string, cached: CachedFile): Promise<void> {
    const superseded = () => this.files.get(file) !== cached;
    try {
      const options = {
        prefixBytes: cached.truncated ? cached.limit : undefined,
        progress: this.options.readingProgress?.(file),
        superseded,
        pauseMs: this.options.slicePauseMs?.() ?? 0,
      };
      if (!(await readInSlices({ path: file, source: pathToUri(file) }, cached, options))) return;
    } catch (error) {
      if (superseded()) return;
      cached.text = '';
      cached.reading = undefined;
      cached.problem = unreadable(error);
    }
    cached.loading = undefined;
    this.options.onChange(file);
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
        // A bibliography or project file created, deleted or renamed here may change which files documents see.
        if (formatOfPath(changed) !== undefined) this.forgetWhereFilesAre();
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

  /** Forgets a file the editor reported as created, changed or deleted, so the next request reads it again and finds
   * again which files documents see. */
  invalidate(file: string): boolean {
    this.forgetWhereFilesAre();
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
  // A project file that would make the yaml package slow names no bibliography Citewise can use.
  if (refusedYaml(text)) return [];
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
