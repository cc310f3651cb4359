// A rewrite between the two forms of an author-date citation: "(Qerimi, 2023, p. 4)" ↔ "Qerimi (2023, p. 4)". The
// author part is written as APA writes it in the new form ("&" inside parentheses, "and" in running text) when the
// citation has an entry; the date and whatever follows it (a locator, a note) are kept as written. A parenthesis of
// several works, a prefix ("see"), a possessive or an abbreviation being defined has no single narrative form, so none is
// offered for it.

import { entryOf, type Analysis } from '../index/analysis';
import type { Citation, CitedWork, Span } from '../types';
import { authorPhrase, type CitationForm } from '../style/apa';
import { overlaps } from '../style/rules/spans';
import type { EditAction } from './addCitedEntry';

function convertible(citation: Citation): CitedWork | undefined {
  const [work] = citation.items;
  if (citation.items.length !== 1 || work.prefix || work.possessive || work.definesAbbreviation || work.secondary || work.personalCommunication) return undefined;
  return work;
}

/** The written author part with its last connector changed for the other form, for a work without an entry. */
function rewrittenAuthors(work: CitedWork, form: CitationForm): string {
  return form === 'narrative' ? work.authorText.replace(/\s*&\s*(?=[^&]*$)/u, ' and ') : work.authorText.replace(/\s+and\s+(?=(?:(?!\sand\s).)*$)/u, ' & ');
}

function authorsIn(analysis: Analysis, citationIndex: number, work: CitedWork, form: CitationForm): string {
  const result = analysis.resolution.byCitation[citationIndex]?.[0];
  const entry = result?.status === 'resolved' ? entryOf(analysis, result.entryId) : undefined;
  return entry && !work.isTitle ? authorPhrase(entry, form) : rewrittenAuthors(work, form);
}

export function convertCitationActions(analysis: Analysis, range: Span): EditAction[] {
  const { text } = analysis;
  const actions: EditAction[] = [];
  analysis.facts.citations.forEach((citation, ci) => {
    if (!overlaps(citation.span, range)) return;
    const work = convertible(citation);
    if (!work) return;
    const closing = citation.span.end - 1;
    if (text[closing] !== ')' || closing < work.dateSpan.end) return;
    // The date as written and what follows it inside the parentheses: ", p. 4".
    const dateAndRest = text.slice(work.dateSpan.start, closing);
    if (citation.kind === 'parenthetical') {
      const written = `${authorsIn(analysis, ci, work, 'narrative')} (${dateAndRest})`;
      actions.push({ title: `Write as a narrative citation: ${written}`, edits: [{ span: citation.span, newText: written }] });
    } else {
      const written = `(${authorsIn(analysis, ci, work, 'parenthetical')}, ${dateAndRest})`;
      actions.push({ title: `Write as a parenthetical citation: ${written}`, edits: [{ span: citation.span, newText: written }] });
    }
  });
  return actions;
}
