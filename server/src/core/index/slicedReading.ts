// Reading one bibliography file a slice at a time: BibTeX, CSL-JSON and CSL-YAML files (a list of one "- " line per
// item) are read in slices of their text, RIS files in one step (they are rarely large).

import type { BibliographyParse } from '../syntax/bib/fromCsl';
import type { BibtexScan, LinkedFile, ScannedFile } from '../syntax/bib/bibtex';
import { CslJsonReading } from '../syntax/bib/cslJson';
import { CslYamlReading } from '../syntax/bib/cslYaml';
import { parseRis } from '../syntax/bib/ris';
import { BibtexReading } from './bibtexReading';
import { formatOfPath } from './project';

/** Characters of CSL-JSON read per slice; its items are read faster than BibTeX entries are linked. */
const CSL_JSON_SLICE_CHARS = 256 * 1024;
/** Characters of CSL-YAML read per slice: the yaml package reads about 2 KB a millisecond. */
const CSL_YAML_SLICE_CHARS = 16 * 1024;

export interface SlicedReading {
  /** Reads the next slice; true once the whole file is read. */
  step(): boolean;
  readonly done: boolean;
  /** How much is read, from 0 to 1. */
  readonly fraction: number;
  /** The entries and problems read so far; once done, those of the whole file. */
  result(): BibliographyParse;
  /** For a BibTeX file: the items scanned so far, for linking it with other BibTeX files. */
  scan?(): BibtexScan;
  /** For a BibTeX file that is read: it linked with the other BibTeX files of a document, in the given order of files. */
  linkWith?(others: ScannedFile[], order: string[]): Map<string, LinkedFile>;
}

export function startReading(file: { source: string; path: string; text: string }): SlicedReading {
  const format = formatOfPath(file.path);
  if (format === 'bibtex') return new BibtexReading(file.text, file.source);
  if (format === 'csl-json') return new CslSlices(new CslJsonReading(file.text, file.source), CSL_JSON_SLICE_CHARS);
  if (format === 'csl-yaml') return new CslSlices(new CslYamlReading(file.text, file.source), CSL_YAML_SLICE_CHARS);
  if (format === 'ris') return readAtOnce(() => parseRis(file.text, file.source));
  return readAtOnce(() => ({ entries: [], problems: [] }));
}

/** A CSL-JSON or CSL-YAML reading, with the slice length of its kind of file. */
class CslSlices implements SlicedReading {
  constructor(
    private readonly reading: CslJsonReading | CslYamlReading,
    private readonly sliceChars: number,
  ) {}

  step(): boolean {
    return this.reading.readSlice(this.sliceChars);
  }

  get done(): boolean {
    return this.reading.done;
  }

  get fraction(): number {
    return this.reading.fraction;
  }

  result(): BibliographyParse {
    return this.reading.result();
  }
}

function readAtOnce(parse: () => BibliographyParse): SlicedReading {
  let parsed: BibliographyParse | undefined;
  return {
    step: () => {
      parsed ??= parse();
      return true;
    },
    get done() {
      return parsed !== undefined;
    },
    get fraction() {
      return parsed ? 1 : 0;
    },
    result: () => parsed ?? { entries: [], problems: [] },
  };
}
