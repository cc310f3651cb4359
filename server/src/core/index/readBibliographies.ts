// Reads the bibliography files one document sees into entries, each with the reader its format needs. BibTeX files are
// read together, because a file's @string macros and crossref parents may live in another file.

import type { Problem } from '../types';
import type { BibliographySource } from './bibliography';
import { formatOfPath } from './project';
import { parseCslJson } from '../syntax/bib/cslJson';

export interface BibliographyText {
  /** The file's URI, which entry ids and diagnostics use. */
  source: string;
  /** The file's path, whose extension gives the format. */
  path: string;
  text: string;
  version: string;
}

function unsupported(file: BibliographyText): BibliographySource {
  const problem: Problem = { span: { start: 0, end: 0 }, code: 'bib-unsupported', message: `Citewise cannot read this kind of file as a bibliography yet.` };
  return { source: file.source, version: file.version, entries: [], problems: [problem] };
}

export function readBibliographies(files: BibliographyText[]): BibliographySource[] {
  return files.map((file) => {
    const format = formatOfPath(file.path);
    if (format === 'csl-json') {
      const { entries, problems } = parseCslJson(file.text, file.source);
      return { source: file.source, version: file.version, entries, problems };
    }
    return unsupported(file);
  });
}
