// Writes the synthetic libraries to a temporary folder, so that reading them from disk is part of what is measured.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bibtexLibrary, cslJsonLibrary, syntheticWorks, type SyntheticWork } from './syntheticLibrary';

export interface LibraryFiles {
  entries: number;
  works: SyntheticWork[];
  bibtex: string;
  cslJson: string;
  bibtexPath: string;
  cslJsonPath: string;
}

export function temporaryFolder(): { folder: string; remove(): void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'citewise-bench-'));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export function writeLibrary(folder: string, entries: number): LibraryFiles {
  const works = syntheticWorks(entries);
  const bibtex = bibtexLibrary(works);
  const cslJson = cslJsonLibrary(works);
  const bibtexPath = path.join(folder, `library-${entries}.bib`);
  const cslJsonPath = path.join(folder, `library-${entries}.json`);
  writeFileSync(bibtexPath, bibtex);
  writeFileSync(cslJsonPath, cslJson);
  return { entries, works, bibtex, cslJson, bibtexPath, cslJsonPath };
}
