// BibTeX scans as plain data, and a scan made in slices, for tests that compare scans: a scanned entry makes its
// fields when they are read, so two scans are compared by what reading them gives.

import { scanBibtex, type BibtexScan } from '../../server/src/core/syntax/bib/bibtex';
import type { Problem } from '../../server/src/core/types';

export interface PlainScan {
  entries: {
    type: string;
    key: string;
    keySpan: unknown;
    span: unknown;
    fields: { name: string; raw: string; span: unknown; valueSpan: unknown }[];
    syntaxProblems: readonly Problem[];
  }[];
  strings: BibtexScan['strings'];
  problems: BibtexScan['problems'];
}

export function plainScan(scan: BibtexScan): PlainScan {
  return {
    entries: scan.entries.map(({ type, key, keySpan, span, fields, syntaxProblems }) => ({
      type, key, keySpan, span, fields: fields.map(({ name, raw, span, valueSpan }) => ({ name, raw, span, valueSpan })), syntaxProblems,
    })),
    strings: scan.strings,
    problems: scan.problems,
  };
}

/** Scans the text in slices cut at the given offsets (in increasing order) and joins the results in order. */
export function scanInSlices(text: string, cuts: readonly number[]): BibtexScan {
  const bounds = [0, ...cuts, text.length];
  const joined: BibtexScan = { entries: [], strings: [], problems: [] };
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = scanBibtex(text, bounds[i], bounds[i + 1]);
    joined.entries.push(...part.entries);
    joined.strings.push(...part.strings);
    joined.problems.push(...part.problems);
  }
  return joined;
}

/** Where the entries of a whole scan start (at their "@"), after the first offset. */
export function entryStarts(scan: BibtexScan): number[] {
  return scan.entries.map((entry) => entry.span.start).filter((start) => start > 0);
}

/** The file's problems and those found reading each entry's fields, in the order of the text. */
export function scanProblems(scan: BibtexScan): Problem[] {
  return [...scan.problems, ...scan.entries.flatMap((entry) => entry.syntaxProblems)].sort((a, b) => a.span.start - b.span.start);
}
