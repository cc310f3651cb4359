// Writes the synthetic bibliographies to a temporary folder, so that reading them from disk is part of what is measured.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bibtexText, cslJsonText, syntheticWorks, type SyntheticWork } from './syntheticBibliography';

/** Where a collection was written; the texts themselves are read back from disk, so the benchmark holds no copies. */
export interface BibliographyFiles {
  entries: number;
  works: SyntheticWork[];
  bibtexPath: string;
  bibtexMegabytes: number;
  cslJsonPath: string;
  cslJsonMegabytes: number;
}

export function temporaryFolder(): { folder: string; remove(): void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'citewise-bench-'));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export function writeBibliographyFiles(folder: string, entries: number): BibliographyFiles {
  const works = syntheticWorks(entries);
  const bibtex = bibtexText(works);
  const cslJson = cslJsonText(works);
  const bibtexPath = path.join(folder, `references-${entries}.bib`);
  const cslJsonPath = path.join(folder, `references-${entries}.json`);
  writeFileSync(bibtexPath, bibtex);
  writeFileSync(cslJsonPath, cslJson);
  return { entries, works, bibtexPath, bibtexMegabytes: Buffer.byteLength(bibtex) / 1e6, cslJsonPath, cslJsonMegabytes: Buffer.byteLength(cslJson) / 1e6 };
}
