// Hover: on a cited work, its full reference entry; on a work without an entry, why and what it may have meant;
// on a reference entry, how often it is cited.

import type { Analysis } from '../index/analysis';
import type { ReferenceEntry, Span } from '../types';
import { describeWork } from '../style/apa';
import { entryAt, entryById, workAt } from './locate';

export interface HoverResult {
  span: Span;
  markdown: string;
}

/** Escapes the characters Markdown would read as formatting, keeping the entry's own *italics* and links readable. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`#|<>])/g, '\\$1');
}

/** The entry as Markdown: its text, then its DOI and URL as links. */
export function entryMarkdown(entry: ReferenceEntry): string {
  const withoutLinks = entry.text.replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
  const lines = [escapeMarkdown(withoutLinks)];
  const links: string[] = [];
  if (entry.doi) links.push(`[doi:${entry.doi}](https://doi.org/${encodeURI(entry.doi)})`);
  if (entry.url && !(entry.doi && entry.url.includes(entry.doi))) links.push(`[${entry.url}](${encodeURI(entry.url)})`);
  if (links.length) lines.push('', links.join(' · '));
  return lines.join('\n');
}

export function hover(analysis: Analysis, offset: number): HoverResult | undefined {
  const { facts, resolution } = analysis;
  const at = workAt(facts, offset);
  if (at) {
    const result = resolution.byCitation[at.citationIndex]?.[at.workIndex];
    const span = at.citation.items.length > 1 ? at.work.span : at.citation.span;
    if (!result) return undefined;
    switch (result.status) {
      case 'resolved': {
        const entry = entryById(facts, result.entryId);
        return entry ? { span, markdown: entryMarkdown(entry) } : undefined;
      }
      case 'ambiguous': {
        const entries = result.entryIds.map((id) => entryById(facts, id)).filter((e): e is ReferenceEntry => !!e);
        const body = entries.map((e) => entryMarkdown(e)).join('\n\n---\n\n');
        return { span, markdown: `**${entries.length} entries match ${escapeMarkdown(describeWork(at.work))}:** add a/b suffixes to tell them apart.\n\n${body}` };
      }
      case 'missing': {
        const lines = [`No reference entry for ${escapeMarkdown(describeWork(at.work))}.`];
        const first = result.candidates[0];
        if (first) lines.push('', `Did you mean ${escapeMarkdown(first.suggestion)}?`, '', entryMarkdown(entryById(facts, first.entryId)!));
        return { span, markdown: lines.join('\n') };
      }
      case 'exempt':
        return { span, markdown: escapeMarkdown(result.reason) };
    }
  }
  const entry = entryAt(facts, offset);
  if (entry) {
    const count = resolution.citeCount.get(entry.id) ?? 0;
    const cited = count === 0 ? 'Not cited in this document.' : count === 1 ? 'Cited once in this document.' : `Cited ${count} times in this document.`;
    return { span: entry.span, markdown: cited };
  }
  return undefined;
}
