// APA 7 writes a DOI as a link, https://doi.org/10.xxxx/…, never "doi:10.xxxx/…", "DOI: 10.…", "http://dx.doi.org/…" or
// the bare "10.xxxx/…". A publisher's URL with a DOI in its path is a URL, not a DOI, and is left alone.

import type { Analysis } from '../../index/analysis';
import type { ReferenceEntry } from '../../types';
import type { Finding } from './finding';
import { typedEntries } from './typedEntries';

const APA_DOI_PREFIX = 'https://doi.org/';

/** A DOI with whatever prefix it is written with; the bare form may not follow a letter, digit, "/" or ".". */
const WRITTEN_DOI = /(https?:\/\/(?:dx\.|www\.)?doi\.org\/|\bdoi:\s*|(?<![\p{L}\p{N}/.:_-]))(10\.\d{4,9}\/[^\s<>"'[\]]+)/giu;

export function doiFormatFindings(analysis: Analysis): Finding[] {
  return typedEntries(analysis).flatMap((entry) => findingsOf(analysis.text, entry));
}

function findingsOf(text: string, entry: ReferenceEntry): Finding[] {
  const doi = entry.doi;
  if (!doi) return [];
  const written = text.slice(entry.span.start, entry.span.end);
  if (writesOnlyTheLink(written, doi)) return [];
  const findings: Finding[] = [];
  for (const match of written.matchAll(WRITTEN_DOI)) {
    const [, prefix, rest] = match;
    // The entry's reader has already cut trailing punctuation off the DOI; only that DOI is rewritten.
    if (prefix === APA_DOI_PREFIX || !rest.startsWith(doi)) continue;
    const start = entry.span.start + match.index!;
    const span = { start, end: start + prefix.length + doi.length };
    const link = APA_DOI_PREFIX + doi;
    findings.push({
      span,
      message: `Write the DOI as a link: ${link}.`,
      fix: { title: `Write ${link}`, edits: [{ span, newText: link }] },
    });
  }
  return findings;
}

/**
 * Whether the entry writes its DOI once, as the APA link, with no other DOI-like "10." before it: then the only written
 * DOI the pattern could find that starts with the entry's DOI is that link, and the pattern need not be run. Most
 * entries with a DOI are written so.
 */
function writesOnlyTheLink(written: string, doi: string): boolean {
  if (!doi.startsWith('10.')) return false;
  const at = written.indexOf(doi);
  return (
    at >= APA_DOI_PREFIX.length &&
    written.startsWith(APA_DOI_PREFIX, at - APA_DOI_PREFIX.length) &&
    written.indexOf('10.') === at &&
    written.indexOf(doi, at + 1) < 0
  );
}
