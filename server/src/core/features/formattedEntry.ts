// The entry under the cursor (of a cited work, a key, or a typed entry), formatted for copying: as Markdown, and as
// plain text without the Markdown emphasis and escapes.

import { entryOf, type Analysis } from '../index/analysis';
import type { ReferenceEntry } from '../types';
import { entryAt, keyAt, workAt } from './locate';
import type { EntryRenderer } from './entryText';

export interface FormattedEntry {
  text: string;
  markdown: string;
}

function entryUnder(analysis: Analysis, offset: number): ReferenceEntry | undefined {
  const { facts, resolution } = analysis;
  const key = keyAt(facts, offset);
  const keyResult = key && resolution.byKeyedCitation[key.citationIndex]?.[key.keyIndex];
  if (keyResult?.status === 'resolved') return entryOf(analysis, keyResult.entryId);
  const work = workAt(facts, offset);
  const workResult = work && resolution.byCitation[work.citationIndex]?.[work.workIndex];
  if (workResult?.status === 'resolved') return entryOf(analysis, workResult.entryId);
  return entryAt(facts, offset);
}

/** Markdown to plain text: emphasis asterisks dropped, backslash escapes resolved. */
export function markdownToPlainText(markdown: string): string {
  return markdown.replace(/\\([\\`*_[\]<>#|])|\*/g, (_whole, escaped: string | undefined) => escaped ?? '');
}

/** A typed entry is copied as written; a bibliography entry as the renderer formats it in the current style. */
export function formattedEntry(analysis: Analysis, offset: number, render: EntryRenderer): FormattedEntry | undefined {
  const entry = entryUnder(analysis, offset);
  if (!entry) return undefined;
  const markdown = entry.source ? render(entry) : entry.text;
  return { markdown, text: markdownToPlainText(markdown) };
}
