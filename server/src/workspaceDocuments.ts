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
const MAX_FOLDERS = 2000;
const MAX_DOCUMENT_BYTES = 5 * 1048576;

export interface WorkspaceDocument {
  uri: string;
  text: string;
  facts: DocumentFacts;
}

export class WorkspaceDocuments {
  private readonly held = new Map<string, { mtimeMs: number; size: number; document: WorkspaceDocument }>();

  constructor(private readonly roots: () => string[]) {}

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
    const files: string[] = [];
    for (const root of this.roots()) {
      walkFiles(root, (_relative, full) => {
        if (DOCUMENT_EXTENSIONS.has(path.extname(full).toLowerCase())) files.push(full);
      }, MAX_FOLDERS);
    }
    return files;
  }
}
