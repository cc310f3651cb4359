// The author-date works of a document with the citation they stand in and what they resolved to, for the rules that
// judge how a work is cited.

import { entryOf, type Analysis } from '../../index/analysis';
import type { Citation, CitedWork, ReferenceEntry, Resolution } from '../../types';
import { heldIn } from '../../memo';

export interface WorkInContext {
  citation: Citation;
  work: CitedWork;
  resolution?: Resolution;
  /** The entry the work resolved to; absent when it is missing, ambiguous or exempt. */
  entry?: ReferenceEntry;
}

/** A citation with its works in context. */
export interface CitationInContext {
  citation: Citation;
  works: WorkInContext[];
}

/** Built once per analysis: every rule reads the same works. */
const byAnalysis = new WeakMap<Analysis, CitationInContext[]>();

/** The author-date citations of the document, each with its works, in document order. */
export function citationsInContext(analysis: Analysis): CitationInContext[] {
  return heldIn(byAnalysis, analysis, () => {
    const { citations } = analysis.facts;
    const inContext: CitationInContext[] = new Array(citations.length);
    for (let ci = 0; ci < citations.length; ci++) {
      const citation = citations[ci];
      const resolutions = analysis.resolution.byCitation[ci];
      const works: WorkInContext[] = new Array(citation.items.length);
      for (let wi = 0; wi < works.length; wi++) {
        const resolution = resolutions?.[wi];
        const entry = resolution?.status === 'resolved' ? entryOf(analysis, resolution.entryId) : undefined;
        works[wi] = { citation, work: citation.items[wi], resolution, entry };
      }
      inContext[ci] = { citation, works };
    }
    return inContext;
  });
}

export function citedWorks(analysis: Analysis): WorkInContext[] {
  return citationsInContext(analysis).flatMap(({ works }) => works);
}

/**
 * Whether the work writes its own author part. A later year of a multi-year citation ("2019b" in "Smith, 2019a,
 * 2019b") shares the author with the first year, and a rule about the author must speak once, not once per year.
 */
export function ownsAuthor(work: CitedWork): boolean {
  return work.span.start <= work.authorSpan.start;
}

/** A work whose author part names people or groups (not a quoted title, not a personal communication). */
export function namesAuthors(work: CitedWork): boolean {
  return ownsAuthor(work) && !work.isTitle && !work.personalCommunication;
}
