// Hover: on a cited work, a key, (in a numeric style) a cited number or (in MLA) an author-page citation, its full
// reference entry; on a citation without an entry, why and what it may have meant; on a typed reference entry, how
// often it is cited.

import { entryOf, type Analysis } from '../index/analysis';
import { defaultCitationStyle, type CitationStyleId, type ReferenceEntry, type Span } from '../types';
import { describeWork } from '../style/apa';
import { describeEntry, escapeMarkdown, typedEntryMarkdown, type EntryLocation, type EntryRenderer } from './entryText';
import { entryAt, keyAt, workAt } from './locate';
import { styleOf } from '../style/citationStyles';
import { matchNumericCitations, numberAt, numbersOf, type NumericMatching } from '../style/numericMatching';
import { authorPageWorkAt, matchAuthorPageCitations } from '../style/authorPageMatching';
import { entryCiteCounts } from './entryCiteCounts';

export interface HoverResult {
  span: Span;
  markdown: string;
  /** Bibliography entries shown, so that the server can add a link that opens each in its file. */
  locations: EntryLocation[];
}

/** Without a CSL renderer (the CLI, tests), a bibliography entry shows its plain summary. */
const plainRenderer: EntryRenderer = typedEntryMarkdown;

function present(span: Span, entries: ReferenceEntry[], render: EntryRenderer, heading?: string): HoverResult {
  const described = entries.map((e) => describeEntry(e, render));
  const body = described.map((d) => d.markdown).join('\n\n---\n\n');
  return {
    span,
    markdown: heading ? `${heading}\n\n${body}` : body,
    locations: described.flatMap((d) => (d.location ? [d.location] : [])),
  };
}

function entriesOf(analysis: Analysis, ids: string[]): ReferenceEntry[] {
  return ids.map((id) => entryOf(analysis, id)).filter((e): e is ReferenceEntry => !!e);
}

function hoverOnKey(analysis: Analysis, offset: number, render: EntryRenderer): HoverResult | undefined {
  const at = keyAt(analysis.facts, offset);
  if (!at) return undefined;
  const result = analysis.resolution.byKeyedCitation[at.citationIndex]?.[at.keyIndex];
  const span = at.cited.span;
  const key = `\`${escapeMarkdown(at.cited.key)}\``;
  switch (result?.status) {
    case 'resolved':
      return present(span, entriesOf(analysis, [result.entryId]), render);
    case 'duplicate':
      return present(span, entriesOf(analysis, result.entryIds), render, `**The key ${key} is defined ${result.entryIds.length} times.**`);
    case 'missing': {
      const hint = result.candidates.length ? ` Did you mean ${result.candidates.map((c) => `\`${escapeMarkdown(c)}\``).join(', ')}?` : '';
      return { span, markdown: `No bibliography entry has the key ${key}.${hint}`, locations: [] };
    }
    case 'all':
      return { span, markdown: 'Every entry of the bibliography counts as cited.', locations: [] };
    case 'unchecked':
      return { span, markdown: `No bibliography file was found for this document, so ${key} cannot be looked up.`, locations: [] };
    default:
      return undefined;
  }
}

function hoverOnWork(analysis: Analysis, offset: number, render: EntryRenderer): HoverResult | undefined {
  const at = workAt(analysis.facts, offset);
  if (!at) return undefined;
  const result = analysis.resolution.byCitation[at.citationIndex]?.[at.workIndex];
  const span = at.citation.items.length > 1 ? at.work.span : at.citation.span;
  const work = escapeMarkdown(describeWork(at.work));
  switch (result?.status) {
    case 'resolved':
      return present(span, entriesOf(analysis, [result.entryId]), render);
    case 'ambiguous': {
      const entries = entriesOf(analysis, result.entryIds);
      return present(span, entries, render, `**${entries.length} entries match ${work}:** add a/b suffixes to tell them apart.`);
    }
    case 'missing': {
      const first = result.candidates[0];
      const candidate = first ? entryOf(analysis, first.entryId) : undefined;
      if (!candidate) return { span, markdown: `No reference entry for ${work}.`, locations: [] };
      return present(span, [candidate], render, `No reference entry for ${work}.\n\nDid you mean ${escapeMarkdown(first.suggestion)}?`);
    }
    case 'exempt':
      return { span, markdown: escapeMarkdown(result.reason), locations: [] };
    default:
      return undefined;
  }
}

/** On a number or range of a numeric citation: the entries it stands for, and the numbers that have none. */
function hoverOnNumber(analysis: Analysis, offset: number, matching: NumericMatching, render: EntryRenderer): HoverResult | undefined {
  const at = numberAt(analysis.facts, offset);
  if (!at) return undefined;
  const numbers = numbersOf(at.item);
  const entries = numbers.flatMap((n) => {
    const numbered = matching.entryByNumber.get(n);
    const entry = numbered && entryOf(analysis, numbered.entryId);
    return entry ? [entry] : [];
  });
  const missing = numbers.filter((n) => !matching.entryByNumber.has(n));
  const heading = missing.length ? `The reference list has no entry ${missing.join(', ')}.` : undefined;
  if (entries.length === 0) return { span: at.item.span, markdown: heading ?? '', locations: [] };
  return present(at.item.span, entries, render, heading);
}

/** On an author-page citation (MLA): the Works Cited entries it stands for, or the nearest one when it has none. */
function hoverOnAuthorPage(analysis: Analysis, offset: number, render: EntryRenderer): HoverResult | undefined {
  const at = authorPageWorkAt(analysis.facts, offset);
  if (!at) return undefined;
  const result = matchAuthorPageCitations(analysis).byCitation[at.citationIndex]?.[at.workIndex];
  const span = at.citation.items.length > 1 ? at.work.span : at.citation.span;
  if (result?.status === 'resolved') return present(span, entriesOf(analysis, result.entryIds), render);
  const heading = `No Works Cited entry for ${escapeMarkdown(at.work.authorText)}.`;
  if (!result?.nearest) return { span, markdown: heading, locations: [] };
  return present(span, [result.nearest], render, `${heading}\n\nDid you mean this entry?`);
}

function hoverOnEntry(analysis: Analysis, offset: number, citationStyle: CitationStyleId): HoverResult | undefined {
  const entry = entryAt(analysis.facts, offset);
  if (!entry) return undefined;
  const count = entryCiteCounts(analysis, citationStyle)(entry.id);
  const cited = count === 0 ? 'Not cited in this document.' : count === 1 ? 'Cited once in this document.' : `Cited ${count} times in this document.`;
  return { span: entry.span, markdown: cited, locations: [] };
}

/** What to show at an offset; numbers count as citations only when the document's style is numeric. */
export function hover(analysis: Analysis, offset: number, render: EntryRenderer = plainRenderer, citationStyle: CitationStyleId = defaultCitationStyle): HoverResult | undefined {
  const citations = styleOf(analysis.facts, citationStyle).citations;
  const matching = citations === 'numeric' ? matchNumericCitations(analysis.facts) : undefined;
  return (
    (matching && hoverOnNumber(analysis, offset, matching, render)) ??
    (citations === 'author-page' ? hoverOnAuthorPage(analysis, offset, render) : undefined) ??
    hoverOnKey(analysis, offset, render) ??
    hoverOnWork(analysis, offset, render) ??
    hoverOnEntry(analysis, offset, citationStyle)
  );
}
