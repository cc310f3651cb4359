// How an entry reads in hovers and completion documentation: a typed entry as the author wrote it, a bibliography entry
// formatted in the chosen citation style (by a renderer the caller passes in), each followed by its key, DOI and URL.

import type { ReferenceEntry, Span } from '../types';

/** Formats a bibliography entry as Markdown; the server passes one built on the CSL formatter. */
export type EntryRenderer = (entry: ReferenceEntry) => string;

/** Escapes the characters Markdown would read as formatting, keeping the entry's own *italics* readable. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`#|<>[\]])/g, '\\$1');
}

/** A typed entry's own text, with angle-bracket autolinks unwrapped (its DOI and URL follow as links). */
export function typedEntryMarkdown(entry: ReferenceEntry): string {
  return escapeMarkdown(entry.text.replace(/<(https?:\/\/[^>\s]+)>/g, '$1'));
}

/** A place the reader can open: the entry in its bibliography file. */
export interface EntryLocation {
  source: string;
  span: Span;
}

export interface EntryDescription {
  markdown: string;
  /** Where a bibliography entry is written, for a link that opens it. */
  location?: EntryLocation;
}

export function describeEntry(entry: ReferenceEntry, render: EntryRenderer): EntryDescription {
  const body = entry.source ? render(entry) : typedEntryMarkdown(entry);
  const details: string[] = [];
  if (entry.key) details.push(`\`${entry.key}\``);
  if (entry.doi) details.push(`[doi:${escapeMarkdown(entry.doi)}](https://doi.org/${encodeURI(entry.doi)})`);
  if (entry.url && !(entry.doi && entry.url.includes(entry.doi))) details.push(`[${escapeMarkdown(entry.url)}](${encodeURI(entry.url)})`);
  const markdown = details.length ? `${body}\n\n${details.join(' · ')}` : body;
  return { markdown, location: entry.source ? { source: entry.source, span: entry.span } : undefined };
}
