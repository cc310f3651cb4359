// What a person waits for while writing: analysing a long thesis, the diagnostics after a keystroke, completion and
// hover in the thesis and in a paper whose bibliography holds 50,000 entries, and formatting an entry in APA.

import { readFileSync } from 'node:fs';
import { AnalysisCache, analyse, type Analysis } from '../../server/src/core/index/analysis';
import { mergeBibliography, type Bibliography } from '../../server/src/core/index/bibliography';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { complete } from '../../server/src/core/features/completion';
import { prepareCompletion } from '../../server/src/core/features/completionCandidates';
import { hover } from '../../server/src/core/features/hover';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { EntryFormatter } from '../../server/src/core/render/format';
import { defaultDiagnosticSettings, type ReferenceEntry } from '../../server/src/core/types';
import { summarise, timeEach, timeOnce, timeRepeated, type Timing } from './measure';
import type { Row } from './report';
import type { BibliographyFiles } from './bibliographyFiles';
import { pandocPaper } from './syntheticDocuments';

/** Positions spread evenly over a list, so that every part of a document is sampled. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

const KEYSTROKES = 40;
const KEYSTROKE_WARM_UP = 5;

/** What the server does on each keystroke: one cache kept across the edits, so that the facts and the resolution are
 * rebuilt only where the text changed, then diagnostics. The edits are spread through the document and accumulate, as
 * typing does; each types one character after a citation. */
function timeKeystrokes(thesis: string, afterCitations: number[]): Timing {
  const cache = new AnalysisCache();
  const uri = 'file:///thesis.md';
  let version = 1;
  let text = thesis;
  cache.get(uri, text, 'markdown', version);
  const type = (offset: number) => {
    text = `${text.slice(0, offset)}x${text.slice(offset)}`;
    diagnose(cache.get(uri, text, 'markdown', ++version), defaultDiagnosticSettings);
  };
  // Later offsets first, so that each edit leaves the offsets before it where they were; the first few warm up.
  const offsets = spread(afterCitations, KEYSTROKES + KEYSTROKE_WARM_UP).reverse();
  offsets.slice(0, KEYSTROKE_WARM_UP).forEach(type);
  return timeEach(offsets.slice(KEYSTROKE_WARM_UP), type, 0);
}

export function thesisRows(thesis: string, words: string): Row[] {
  const size = `${words}, ${thesis.length.toLocaleString('en')} chars`;
  let analysis!: Analysis;
  const analysed = timeRepeated(7, () => (analysis = analyse(thesis, 'markdown', 1)));
  const facts = analysis.facts;
  const counts = `${facts.citations.length.toLocaleString('en')} citations, ${facts.referenceList?.entries.length ?? 0} typed entries`;
  const keystroke = timeKeystrokes(thesis, facts.citations.map((citation) => citation.span.end + 2));
  const diagnostics = diagnose(analysis, defaultDiagnosticSettings).length;
  // Inside the author of a parenthetical citation, two letters typed; and on each cited work for hover.
  const parenthetical = facts.citations.filter((citation) => citation.kind === 'parenthetical');
  const completionOffsets = spread(parenthetical, 200).map((citation) => citation.items[0].authorSpan.start + 2);
  const hoverOffsets = spread(facts.citations, 200).map((citation) => citation.items[0].authorSpan.start + 1);
  return [
    { what: 'analyse() thesis', size, timing: analysed, notes: counts },
    { what: 'keystroke → diagnostics, thesis', size, timing: keystroke, notes: `one character typed, cached analysis + diagnose; ${diagnostics} diagnostics` },
    { what: 'completion in thesis', size: `${completionOffsets.length} positions`, timing: timeEach(completionOffsets, (offset) => complete(analysis, offset)), notes: 'author-date work, two letters typed' },
    { what: 'hover in thesis', size: `${hoverOffsets.length} positions`, timing: timeEach(hoverOffsets, (offset) => hover(analysis, offset)), notes: 'on a cited work' },
  ];
}

export function readBibliography(collection: BibliographyFiles): Bibliography {
  const text = readFileSync(collection.bibtexPath, 'utf8');
  const sources = new BibliographyReader().read([{ source: `file://${collection.bibtexPath}`, path: collection.bibtexPath, text, version: '1' }]);
  return mergeBibliography(sources);
}

export function keyedRows(collection: BibliographyFiles): Row[] {
  const size = `${collection.entries.toLocaleString('en')} entries`;
  const bibliography = readBibliography(collection);
  const paper = pandocPaper(collection.works, 300, 'references.bib');
  let analysis!: Analysis;
  const first = timeOnce(() => (analysis = analyse(paper, 'markdown', 1, bibliography)));
  let version = 1;
  const later = timeRepeated(7, () => (analysis = analyse(paper, 'markdown', ++version, bibliography)));
  const keys = analysis.facts.keyedCitations.flatMap((citation) => citation.keys);
  // As the idle server does before the first completion; until then completion answers from part of the bibliography.
  const indexing = timeOnce(() => prepareCompletion(bibliography));
  // Right after "@" (every entry is a candidate), and with one and three characters of the key typed.
  const completionOffsets = spread(keys, 60).flatMap((key) => [key.span.start, key.span.start + 1, key.span.start + 3]);
  const hoverOffsets = spread(keys, 200).map((key) => key.span.start + 1);
  let listed = 0;
  const completion = timeEach(completionOffsets, (offset) => (listed += complete(analysis, offset)?.items.length ?? 0));
  // A query word of five letters may have one letter wrong, the first included, so no first-letter bucket narrows it.
  const longQueryOffsets = spread(keys.filter((key) => key.key.length >= 5), 120).map((key) => key.span.start + 5);
  const longQuery = timeEach(longQueryOffsets, (offset) => complete(analysis, offset));
  return [
    { what: 'analyse() paper, first with this bibliography', size, timing: summarise([first]), notes: `${keys.length} cited keys; builds the bibliography's indexes` },
    { what: 'analyse() paper, later versions', size, timing: later },
    { what: 'completion index, built whole', size, timing: summarise([indexing]), notes: 'in slices while the server is idle' },
    { what: 'completion of keys "[@"', size: `${completionOffsets.length} positions`, timing: completion, notes: `${size}; 0, 1 and 3 characters typed` },
    { what: 'completion of keys, 5 letters typed', size: `${longQueryOffsets.length} positions`, timing: longQuery, notes: `${size}; a word long enough to be matched with one letter wrong` },
    { what: 'hover on keys', size: `${hoverOffsets.length} positions`, timing: timeEach(hoverOffsets, (offset) => hover(analysis, offset)), notes: `${size}; plain summary` },
  ];
}

export function formattingRows(entries: ReferenceEntry[]): Row[] {
  const formatter = new EntryFormatter();
  const [firstEntry, ...others] = spread(entries, 201);
  const first = timeOnce(() => formatter.format(firstEntry, 'apa'));
  // No warm-up: every entry must be formatted for the first time while it is timed.
  const later = timeEach(others, (entry) => formatter.format(entry, 'apa'), 0);
  const again = timeEach(others, (entry) => formatter.format(entry, 'apa'));
  return [
    { what: 'format entry in APA, first hover', size: '1 entry', timing: summarise([first]), notes: 'loads citation-js and builds the APA engine (the server does this once it is quiet after start-up)' },
    { what: 'format entry in APA, later hovers', size: `${others.length} entries`, timing: later, notes: 'each entry formatted for the first time' },
    { what: 'format entry in APA, same entry again', size: `${others.length} entries`, timing: again, notes: 'cached' },
  ];
}
