// Links in a typed reference list: a DOI written bare ("10.1037/a0040251") or as "doi:10.1037/a0040251" opens at
// https://doi.org/. A DOI inside a URL is left alone, since the editor already links URLs.

import type { Analysis } from '../index/analysis';
import type { Span } from '../types';
import { DOI, trimUrlEnd } from '../syntax/referenceEntry';

export interface EntryLink {
  span: Span;
  target: string;
}

/** The resolver address of a DOI, with the characters a URL would read as its fragment or query escaped. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi).replace(/[#?]/g, encodeURIComponent)}`;
}

export function documentLinks(analysis: Analysis): EntryLink[] {
  const links: EntryLink[] = [];
  const dois = new RegExp(DOI.source, 'giu');
  for (const entry of analysis.facts.referenceList?.entries ?? []) {
    const text = analysis.text.slice(entry.span.start, entry.span.end);
    dois.lastIndex = 0;
    for (let match = dois.exec(text); match; match = dois.exec(text)) {
      const doiStart = match.index + match[0].length - match[1].length;
      if (text[doiStart - 1] === '/') continue;
      const doi = trimUrlEnd(match[1]);
      links.push({ span: { start: entry.span.start + match.index, end: entry.span.start + doiStart + doi.length }, target: doiUrl(doi) });
    }
  }
  return links;
}
