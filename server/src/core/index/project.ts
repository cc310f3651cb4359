// Which bibliography files a document sees. Pure path logic: the workspace layer lists and reads the files.
//
// In order: the files the document names (front matter `bibliography:`, `\bibliography{}`, `\addbibresource{}`), the
// Quarto project's bibliographies, and the `citewise.bibliography` setting. When none of these names a file, the
// bibliography files next to the document are used, so that a folder with an essay and its export just works.

import * as path from 'node:path';
import type { BibliographyReference } from '../types';

export interface ProjectInputs {
  /** The document's absolute path. */
  documentPath: string;
  /** Bibliographies the document names, as written (relative to the document unless absolute). */
  named: BibliographyReference[];
  /** Absolute paths of the bibliographies of the Quarto project the document belongs to. */
  quartoProject: string[];
  /** Absolute paths from the `citewise.bibliography` setting, globs already expanded. */
  fromSettings: string[];
  /** Absolute paths of the bibliography files in the document's folder; asked for only when nothing else names a file,
   * since listing the folder is work the usual case does not need. */
  neighbours: () => string[];
}

/** The file extensions read as bibliographies, and the format of each. */
export const bibliographyFormats: Record<string, 'bibtex' | 'csl-json' | 'csl-yaml' | 'ris'> = {
  '.bib': 'bibtex',
  '.bibtex': 'bibtex',
  '.biblatex': 'bibtex',
  '.json': 'csl-json',
  '.yaml': 'csl-yaml',
  '.yml': 'csl-yaml',
  '.ris': 'ris',
};

export function formatOfPath(file: string): (typeof bibliographyFormats)[string] | undefined {
  const lower = file.toLowerCase();
  return bibliographyFormats[path.extname(lower)];
}

export function bibliographyFilesFor(inputs: ProjectInputs): string[] {
  const folder = path.dirname(inputs.documentPath);
  const named = inputs.named.map((reference) => path.resolve(folder, reference.path));
  const chosen = [...named, ...inputs.quartoProject, ...inputs.fromSettings];
  const files = chosen.length > 0 ? chosen : inputs.neighbours();
  return [...new Set(files.map((f) => path.normalize(f)))];
}
