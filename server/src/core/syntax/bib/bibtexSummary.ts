// A one-line plain description of a bibliography entry, APA-like, for places where no citation style is at hand:
// "Qerimi, Q. (2023). Controlling lethal autonomous weapons systems. Computer Law & Security Review."

import type { PersonName, ReferenceEntry } from '../../types';
import { formatCitationDate } from '../dates';

export type SummaryParts = Pick<ReferenceEntry, 'authors' | 'authorsElided' | 'editors' | 'date' | 'title' | 'container'>;

/** Used by every bibliography reader (BibTeX, CSL-JSON, CSL-YAML, RIS), so that entries read the same whatever the file. */
export function summarise(parts: SummaryParts): string {
  const pieces: string[] = [];
  const creators = creatorPhrase(parts);
  const date = `(${parts.date?.text || (parts.date ? formatCitationDate(parts.date) : 'n.d.')}).`;
  if (creators) pieces.push(creators, date);
  // A work without authors or editors is listed by its title, which then comes before the date.
  else if (parts.title) pieces.push(`${parts.title.replace(/[.?!]$/u, '')} ${date}`);
  else pieces.push(date);
  if (creators && parts.title) pieces.push(withFullStop(parts.title));
  if (parts.container && parts.container !== parts.title) pieces.push(withFullStop(parts.container));
  return pieces.join(' ');
}

function creatorPhrase(parts: SummaryParts): string | undefined {
  if (parts.authors.length > 0) return withFullStop(nameList(parts.authors, parts.authorsElided ?? false));
  const editors = parts.editors ?? [];
  if (editors.length === 0) return undefined;
  return `${nameList(editors, false)} (${editors.length === 1 ? 'Ed.' : 'Eds.'}).`;
}

/** "Qerimi, Q.", "A, B., & C, D.", "A, B., C, D., et al." */
function nameList(names: PersonName[], elided: boolean): string {
  const written = names.map(writtenName);
  if (elided) return `${written.join(', ')}, et al.`;
  if (written.length === 1) return written[0];
  return `${written.slice(0, -1).join(', ')}, & ${written[written.length - 1]}`;
}

function writtenName(name: PersonName): string {
  if (name.literal) return name.literal;
  const family = name.particle ? `${name.particle} ${name.family}` : name.family;
  const initials = name.given ? initialsOf(name.given) : '';
  const suffix = name.suffix ? `, ${name.suffix}` : '';
  return initials ? `${family}, ${initials}${suffix}` : `${family}${suffix}`;
}

/** "Paul-Christian" → "P.-C.", "Matthew D" → "M. D.", "Q." stays "Q.", a lower-case particle ("van") stays whole. */
function initialsOf(given: string): string {
  return given
    .split(/\s+/u)
    .filter((word) => /\p{L}/u.test(word))
    .map((word) => (word === word.toLowerCase() ? word : word.split('-').map((part) => (/\p{L}/u.test(part) ? `${[...part][0]}.` : part)).join('-')))
    .join(' ');
}

function withFullStop(text: string): string {
  return /[.?!]$/u.test(text) ? text : `${text}.`;
}
