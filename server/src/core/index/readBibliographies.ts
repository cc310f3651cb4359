// Reads the bibliography files one document sees into entries, each with the reader its format needs. BibTeX files are
// scanned one by one (a scan is kept until its file changes) and then linked together, because a file's @string macros
// and crossref parents may live in another file.

import type { Problem, ReferenceEntry } from '../types';
import type { BibliographySource } from './bibliography';
import { formatOfPath } from './project';
import { linkBibtex, scanBibtex, type BibtexScan, type LinkedFile } from '../syntax/bib/bibtex';
import { parseCslJson } from '../syntax/bib/cslJson';
import { parseCslYaml } from '../syntax/bib/cslYaml';
import { parseRis } from '../syntax/bib/ris';
import type { SlicedReading } from './slicedReading';

export interface BibliographyText {
  /** The file's URI, which entry ids and diagnostics use. */
  source: string;
  /** The file's path, whose extension gives the format. */
  path: string;
  text: string;
  version: string;
  /** Set for a file read in slices: its entries come from the reading, as far as it has got. */
  reading?: SlicedReading;
}

/** Gives every entry an id of its own: a key defined twice in one file would otherwise give two entries one id. */
function withUniqueIds(entries: ReferenceEntry[]): ReferenceEntry[] {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) entry.id = `${entry.id}@${entry.span.start}`;
    seen.add(entry.id);
  }
  return entries;
}

export class BibliographyReader {
  private readonly scans = new Map<string, { version: string; scan: BibtexScan }>();

  read(files: BibliographyText[]): BibliographySource[] {
    const all = files.filter((f) => formatOfPath(f.path) === 'bibtex');
    // A BibTeX file read in slices links itself: while it is read, since linking what it has read so far with the
    // other files for every request would cost more than reading it, and once read when it is the only one. A file
    // read and used with others is linked with them, as their macros and crossref parents may be in it.
    const linksItself = (f: BibliographyText) => !!f.reading && (!f.reading.done || all.length === 1);
    const bibtex = all.filter((f) => !linksItself(f));
    // The other BibTeX files are linked without a file still being read: a macro or crossref parent it defines is not
    // known yet, so their entries and problems are provisional, and they count as loading until it is read.
    const linkedWithoutOne = bibtex.length > 0 && all.some((f) => f.reading && !f.reading.done);
    const linked = this.linkTogether(bibtex);
    for (const source of [...this.scans.keys()]) if (!files.some((f) => f.source === source)) this.scans.delete(source);
    return files.map((file) => {
      const format = formatOfPath(file.path);
      const parsed =
        format === 'bibtex' && !linksItself(file)
          ? linked.get(file.source) ?? { entries: [], problems: [] }
          : file.reading
            ? file.reading.result()
            : format === 'csl-json'
              ? parseCslJson(file.text, file.source)
              : format === 'csl-yaml'
                ? parseCslYaml(file.text, file.source)
                : format === 'ris'
                  ? parseRis(file.text, file.source)
                  : { entries: [], problems: [unsupported()] };
      const source: BibliographySource = { source: file.source, version: file.version, entries: withUniqueIds(parsed.entries), problems: parsed.problems };
      if ((file.reading && !file.reading.done) || (linkedWithoutOne && format === 'bibtex')) source.loading = true;
      return source;
    });
  }

  /** Links BibTeX files together; a file read in slices among them links again only what the others can change. */
  private linkTogether(bibtex: BibliographyText[]): Map<string, LinkedFile> {
    if (bibtex.length === 0) return new Map();
    const [read, ...more] = bibtex.filter((f) => f.reading?.linkWith);
    if (!read || more.length > 0) return linkBibtex(bibtex.map((f) => ({ source: f.source, scan: this.scanOf(f) })));
    const others = bibtex.filter((f) => f !== read).map((f) => ({ source: f.source, scan: this.scanOf(f) }));
    return read.reading!.linkWith!(others, bibtex.map((f) => f.source));
  }

  private scanOf(file: BibliographyText): BibtexScan {
    // A file read in slices has scanned itself.
    if (file.reading?.scan) return file.reading.scan();
    const held = this.scans.get(file.source);
    if (held && held.version === file.version) return held.scan;
    const scan = scanBibtex(file.text);
    this.scans.set(file.source, { version: file.version, scan });
    return scan;
  }
}

function unsupported(): Problem {
  return { span: { start: 0, end: 0 }, code: 'bib-unsupported', message: 'Citewise cannot read this kind of file as a bibliography.' };
}
