// The citation styles Citewise checks documents against. Each style says how its in-text citations point at the
// reference list (author and date, author and page, or a number), how completion writes a citation, and which style
// rules hold in it. A document's front matter (`csl: ieee.csl`) picks its style; the setting is the fallback.

import type { CitationStyleId, DocumentFacts } from '../types';
import type { StyleRuleCode } from './rules/finding';
import type { CitationForm } from './apa';
import { apa7 } from './styles/apa7';
import { harvard } from './styles/harvard';
import { chicagoAuthorDate } from './styles/chicagoAuthorDate';
import { mla9 } from './styles/mla9';
import { ieee } from './styles/ieee';
import { vancouver } from './styles/vancouver';

interface StyleBase {
  id: CitationStyleId;
  /** The style's name in messages: "APA 7", "IEEE". */
  name: string;
  /** The style rules this style runs: the APA rules that hold in it too (their codes keep the "apa-" prefix) and its own. */
  rules: readonly StyleRuleCode[];
}

/** A style that cites by author and year: "(Qerimi, 2023)", "(Qerimi 2023)". */
export interface AuthorDateStyle extends StyleBase {
  citations: 'author-date';
  /** How completion writes one work: parenthetical without the parentheses, or narrative. */
  cite(author: string, date: string, form: CitationForm): string;
}

/** A style that cites by author and page, without the year: "(Qerimi 4)". */
export interface AuthorPageStyle extends StyleBase {
  citations: 'author-page';
  cite(author: string, form: CitationForm): string;
}

/** A style that cites numbered entries: "[1]", "^1^". */
export interface NumericStyle extends StyleBase {
  citations: 'numeric';
  cite(entryNumber: number): string;
  /** Whether the list must be numbered in the order in which works are first cited (checked by `ieee-order`). */
  numberedInCitationOrder: boolean;
}

export type CitationStyle = AuthorDateStyle | AuthorPageStyle | NumericStyle;

const STYLES: Record<CitationStyleId, CitationStyle> = {
  apa7,
  harvard,
  'chicago-author-date': chicagoAuthorDate,
  mla9,
  ieee,
  vancouver,
};

export const citationStyleIds = Object.keys(STYLES) as CitationStyleId[];

export function citationStyle(id: CitationStyleId): CitationStyle {
  return STYLES[id];
}

/** The style id a setting names, or nothing for a value that names no style. */
export function citationStyleIdOf(value: unknown): CitationStyleId | undefined {
  return typeof value === 'string' && (citationStyleIds as string[]).includes(value) ? (value as CitationStyleId) : undefined;
}

/**
 * The closest style to a CSL file named by path or URL, judged by its file name, or nothing when none is close. CSL
 * style names are long and varied ("apa-6th-edition", "elsevier-harvard", "american-medical-association"), so each
 * style is recognised by the beginning of the name, and Harvard by the word anywhere in it.
 */
export function citationStyleIdOfCsl(path: string): CitationStyleId | undefined {
  const fileName = path.split(/[?#]/)[0].split(/[\\/]/).pop() ?? '';
  const name = fileName.replace(/\.csl$/i, '').toLowerCase();
  return CSL_NAMES.find(([pattern]) => pattern.test(name))?.[1];
}

const CSL_NAMES: [RegExp, CitationStyleId][] = [
  [/^apa/, 'apa7'],
  [/harvard/, 'harvard'],
  [/^chicago/, 'chicago-author-date'],
  [/^(?:modern-language-association|mla)/, 'mla9'],
  [/^ieee/, 'ieee'],
  [/^(?:vancouver|nature|american-medical-association|ama(?![a-z]))/, 'vancouver'],
];

/** The style of one document: the one its front matter's `csl:` names when that is close to a known style, else the setting. */
export function styleOf(facts: DocumentFacts, setting: CitationStyleId): CitationStyle {
  const named = facts.cslStyle ? citationStyleIdOfCsl(facts.cslStyle.path) : undefined;
  return citationStyle(named ?? setting);
}
