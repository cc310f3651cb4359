// How APA 7 writes an in-text citation: "Qerimi, 2023" inside parentheses, "Qerimi (2023)" in running text,
// "Nguyen & Tran, 2020" / "Nguyen and Tran (2020)" for two authors, "Heaviside et al., 2017" for three or more.

import type { CitedWork, PersonName, ReferenceEntry } from '../types';
import { formatCitationDate } from '../syntax/dates';

export type CitationForm = 'parenthetical' | 'narrative';

/** The name as a citation writes it: particles kept ("van den Boogard"), group names whole. */
export function citedName(name: PersonName): string {
  if (name.literal) return name.literal;
  return name.particle ? `${name.particle} ${name.family}` : name.family;
}

/** A short title for a work without authors: its first sentence, quoted. */
function shortTitle(entry: ReferenceEntry): string {
  const title = (entry.title ?? entry.text).split(/(?<=[^A-Z])[.?!](?:\s|$)/)[0].trim();
  const words = title.split(/\s+/);
  return `"${words.length > 6 ? `${words.slice(0, 5).join(' ')}` : title}"`;
}

export function authorPhrase(entry: ReferenceEntry, form: CitationForm): string {
  const names = entry.authors.map(citedName);
  if (names.length === 0) return shortTitle(entry);
  if (names.length === 1) return names[0];
  if (names.length === 2) return form === 'narrative' ? `${names[0]} and ${names[1]}` : `${names[0]} & ${names[1]}`;
  return `${names[0]} et al.`;
}

/** The in-text citation of an entry: "Qerimi, 2023" (parenthetical, without the parentheses) or "Qerimi (2023)". */
export function citeEntry(entry: ReferenceEntry, form: CitationForm): string {
  const date = entry.date ? formatCitationDate(entry.date) : 'n.d.';
  const author = authorPhrase(entry, form);
  return form === 'narrative' ? `${author} (${date})` : `${author}, ${date}`;
}

/** A cited work as messages name it: "Ingebritsen (2002)", '"New U.S. anti-personnel landmine" (2022)'. */
export function describeWork(work: CitedWork): string {
  const author = work.isTitle ? `"${work.authorText.replace(/^["“”']+|["“”']+$/g, '')}"` : work.authorText;
  return `${author} (${work.date.text})`;
}
