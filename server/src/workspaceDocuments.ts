// The documents of the workspace that are not open in the editor, read from disk, for what needs them all: which
// bibliography entries no document cites, and renaming a key everywhere it is cited. Each file's facts are kept until
// it changes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { walkFiles } from './glob';
import type { DocumentFacts } from './core/types';
import { computeFacts } from './core/index/documentFacts';
import { languageIdOfPath } from './core/syntax/mask';
import { pathToUri } from './workspace';

/** Documents that cite: prose and keyed. Plain .txt files are left out: a workspace holds many that are no documents. */
const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.qmd', '.rmd', '.tex', '.typ', '.rst']);
/** The same documents as a file-watcher pattern, so that the editor can say when one is created or deleted. */
export const DOCUMENT_GLOB = `**/*.{${[...DOCUMENT_EXTENSIONS].map((extension) => extension.slice(1)).join(',')}}`;
const MAX_FOLDERS = 2000;
const MAX_DOCUMENT_BYTES = 5 * 1048576;

export interface WorkspaceDocument {
  uri: string;
  text: string;
  facts: DocumentFacts;
}

export class WorkspaceDocuments {
  private readonly held = new Map<string, { mtimeMs: number; size: number; document: WorkspaceDocument }>();
  /**
   * The documents found by the last walk of the folders, kept while the editor reports documents created and deleted
   * (the server sets `keepFileList` once its file watcher is registered); without such reports every call walks again.
   */
  private fileList: string[] | undefined;
  keepFileList = false;

  constructor(private readonly roots: () => string[]) {}

  /** Whether a file is one of the documents this class reads, by its name. */
  static isDocument(file: string): boolean {
    return DOCUMENT_EXTENSIONS.has(path.extname(file).toLowerCase());
  }

  /** A document was created or deleted, or the folders changed: the next call walks the folders again. */
  forgetFileList(): void {
    this.fileList = undefined;
  }

  /** Every document below the workspace folders, except those whose URI is in `open`. */
  list(open: Set<string>): WorkspaceDocument[] {
    const documents: WorkspaceDocument[] = [];
    const seen = new Set<string>();
    for (const file of this.files()) {
      const uri = pathToUri(file);
      seen.add(file);
      if (open.has(uri)) continue;
      const document = this.read(file, uri);
      if (document) documents.push(document);
    }
    for (const file of [...this.held.keys()]) if (!seen.has(file)) this.held.delete(file);
    return documents;
  }

  private read(file: string, uri: string): WorkspaceDocument | undefined {
    try {
      const stat = fs.statSync(file);
      if (stat.size > MAX_DOCUMENT_BYTES) return undefined;
      const held = this.held.get(file);
      if (held && held.mtimeMs === stat.mtimeMs && held.size === stat.size) return held.document;
      const text = fs.readFileSync(file, 'utf8');
      const document = { uri, text, facts: computeFacts(text, languageIdOfPath(file), 0) };
      this.held.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, document });
      return document;
    } catch {
      return undefined;
    }
  }

  private files(): string[] {
    if (this.keepFileList && this.fileList) return this.fileList;
    const files: string[] = [];
    for (const root of this.roots()) {
      walkFiles(root, (_relative, full) => {
        if (WorkspaceDocuments.isDocument(full)) files.push(full);
      }, MAX_FOLDERS);
    }
    this.fileList = files;
    return files;
  }
}
