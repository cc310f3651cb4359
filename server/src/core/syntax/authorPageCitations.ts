// Author-page citations, as MLA writes them: "(Smith 23)", "(Smith and Jones 45–47)", "(Smith et al. 12)",
// "(Morrison, *Beloved* 23)" for one of two works by an author, several works joined by ";", and a page alone after
// the author is named in the sentence: "Smith argues … (23)". Whether these are citations at all is up to the
// citation style; this file only finds them.

import type { AuthorPageCitation, AuthorPageWork, PersonName, ReferenceEntry, Span } from '../types';
import { nameKey } from '../text/normalize';
import { isVenueName } from './proseCitations';
import { authorSeparatorEndAt } from './authorNames';
import { insideSortedSpans } from '../text/sortedSpans';
import { singleSpaced } from '../text/whitespace';

/** A surname: capitalised, with lower-case letters (an all-capital word is an acronym), after optional particles. */
const SURNAME = String.raw`(?:(?:van|von|de|der|den|du|da|di|le|la)\s+)*\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*`;
const AUTHORS = String.raw`${SURNAME}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)${SURNAME})*(?:\s+et\s+al\.?)?`;
/** A short title in emphasis or quotes, or plain capitalised words. */
const TITLE = String.raw`\*[^*\n]{1,80}\*|_[^_\n]{1,80}_|["“][^"”\n]{1,80}["”]`;
/** Pages or a range of them; several are joined by commas: "23", "45–47", "12, 15". Roman numerals are left out. */
const PAGE = String.raw`\d{1,4}(?:\s*[-–—]\s*\d{1,4})?`;
const PAGES = String.raw`${PAGE}(?:\s*,\s*${PAGE})*`;
const ITEM = new RegExp(String.raw`^(?:(?:see|cf\.|qtd\.\s+in)\s+)?(${AUTHORS})(?:\s*,\s*(${TITLE}))?\s+(${PAGES})$`, 'u');
const PAGES_ONLY = new RegExp(String.raw`^(${PAGES})$`, 'u');
const PARENTHESIS = /\(([^()\n]{1,200})\)/g;
const CONNECTOR = /\s*,\s*and\s+|\s+and\s+|\s*,\s*/;
/** How far back a page-only citation looks for the author it follows. */
const SENTENCE_REACH = 400;

/**
 * Capitalised words that are followed by a number in parentheses without being authors: "(Figure 3)", "(Chapter 2)",
 * "(March 12)". A surname that is one of them is still found when the reference list has an entry by it.
 */
const NOT_AUTHORS = new Set(
  (
    'figure fig table chapter ch section sec appendix part volume vol page pages step phase level study experiment model ' +
    'equation eq line lines act scene book canto verse psalm article rule grade year years week day room box group type ' +
    'class version session wave item question hypothesis sample condition trial case unit lesson module exhibit plate map ' +
    'note footnote stage round block task test form series issue number no january february march april may june july ' +
    'august september october november december see cf'
  ).split(' '),
);

/**
 * The author-page citations of the masked prose, outside the skipped spans (the reference entries). A page-only
 * citation counts only when the sentence before it names the first author of one of the entries, which it then cites.
 */
export function findAuthorPageCitations(masked: string, entries: ReferenceEntry[], skip: Span[]): AuthorPageCitation[] {
  const surnames = new Set(entries.flatMap((entry) => worksCitedSurnames(entry).slice(0, 1)));
  const found: AuthorPageCitation[] = [];
  const sortedSkip = [...skip].sort((a, b) => a.start - b.start);
  for (const match of masked.matchAll(PARENTHESIS)) {
    const start = match.index!;
    if (insideSortedSpans(sortedSkip, start)) continue;
    const contentStart = start + 1;
    const items = pageOnlyWork(masked, match[1], contentStart, surnames) ?? worksIn(match[1], contentStart, surnames);
    if (items) found.push({ span: { start, end: start + match[0].length }, items });
  }
  return found;
}

const LEADING_SURNAME = new RegExp(String.raw`^(${SURNAME}),`, 'u');

/**
 * The name keys of an entry's authors' surnames, in order. A Works Cited entry whose authors could not be read (MLA's
 * "Oke, Ada, et al.") still opens with its first author's surname, which is enough to cite it by.
 */
export function worksCitedSurnames(entry: ReferenceEntry): string[] {
  if (entry.authors.length > 0) return entry.authors.map(surnameKey);
  const leading = LEADING_SURNAME.exec(entry.text);
  return leading ? [nameKey(leading[1])] : [];
}

function surnameKey(name: PersonName): string {
  return nameKey(name.literal ?? name.family);
}

/** The works of a parenthesis whose every part reads as an author and pages, or nothing. */
function worksIn(content: string, contentStart: number, surnames: Set<string>): AuthorPageWork[] | undefined {
  const works: AuthorPageWork[] = [];
  let partStart = 0;
  for (const part of content.split(';')) {
    const work = workOf(part, contentStart + partStart, surnames);
    if (!work) return undefined;
    works.push(work);
    partStart += part.length + 1;
  }
  return works;
}

function workOf(part: string, partStart: number, surnames: Set<string>): AuthorPageWork | undefined {
  const leading = part.length - part.trimStart().length;
  const trimmed = part.trim();
  const match = ITEM.exec(trimmed);
  if (!match) return undefined;
  const [, authorText, title, pages] = match;
  const etAl = /\s+et\s+al\.?$/.test(authorText);
  const names = authorText.replace(/\s+et\s+al\.?$/, '').split(CONNECTOR);
  if (NOT_AUTHORS.has(nameKey(names[0])) && !surnames.has(nameKey(names[0]))) return undefined;
  // "(CLfL 2015)" names a venue and its year, as in author-date text; a Works Cited author spelt so still counts.
  if (names.length === 1 && !etAl && isVenueName(names[0]) && !surnames.has(nameKey(names[0]))) return undefined;
  const start = partStart + leading;
  const authorStart = start + match[0].indexOf(authorText);
  return {
    span: { start, end: start + trimmed.length },
    authorText: singleSpaced(authorText),
    authorSpan: { start: authorStart, end: authorStart + authorText.length },
    authors: names,
    etAl,
    title: title?.slice(1, -1).trim(),
    pages,
    narrative: false,
  };
}

/** "(23)" after a sentence that names an entry's first author: a citation of that author's work. */
function pageOnlyWork(masked: string, content: string, contentStart: number, surnames: Set<string>): AuthorPageWork[] | undefined {
  const pages = PAGES_ONLY.exec(content.trim());
  if (!pages || surnames.size === 0) return undefined;
  const open = contentStart - 1;
  const sentence = sentenceBefore(masked, open);
  const words = [...sentence.text.matchAll(new RegExp(SURNAME, 'gu'))];
  for (let i = words.length - 1; i >= 0; i--) {
    // "Bajari, Benkard, and Levin": a work named by several authors is cited by its first.
    i = firstOfAuthorGroup(sentence.text, words, i);
    const word = words[i];
    if (!surnames.has(nameKey(word[0]))) continue;
    const authorStart = sentence.start + word.index!;
    const leading = content.length - content.trimStart().length;
    return [{
      span: { start: contentStart + leading, end: contentStart + leading + pages[1].length },
      authorText: word[0],
      authorSpan: { start: authorStart, end: authorStart + word[0].length },
      authors: [word[0]],
      etAl: false,
      pages: pages[1],
      narrative: true,
    }];
  }
  return undefined;
}

/** The index of the first surname of the group of authors that ends with `words[last]`. */
function firstOfAuthorGroup(text: string, words: RegExpMatchArray[], last: number): number {
  let first = last;
  while (first > 0) {
    const previous = words[first - 1];
    // The surnames are joined by a separator between authors (", ", " and ", ", & ") and nothing else.
    if (authorSeparatorEndAt(text, previous.index! + previous[0].length) !== words[first].index!) break;
    first--;
  }
  return first;
}

/** The text from the start of the sentence (or paragraph) that holds `offset` up to it. */
function sentenceBefore(masked: string, offset: number): { text: string; start: number } {
  const reach = Math.max(0, offset - SENTENCE_REACH);
  const before = masked.slice(reach, offset);
  // A sentence ends at ".", "!" or "?" followed by a space and a capital, or at a blank line; "et al." does not end one.
  let start = 0;
  for (const end of before.matchAll(/(?<!\bal)[.!?]["”’)]?\s+(?=\p{Lu})|\n\s*\n/gu)) start = end.index! + end[0].length;
  return { text: before.slice(start), start: reach + start };
}
