// Reads personal names and author lists as reference entries write them: "Surname, I. I.", "Surname, Given",
// "Nguyen A.", "R. A. Berman", "Yiheng Xu", "van den Boogard, J.", "Surname, I., Jr.", and group authors such as
// "World Health Organization". Every function here is linear in its input and never throws.

import type { PersonName } from '../types';
import { collapseWhitespace } from '../text/whitespace';
import { isAscii } from '../text/characters';

/** Words written in lower case before a family name ("van den Boogard", "de Souza", "von Neumann"). */
const PARTICLES = new Set([
  'van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'des', 'la', 'le', 'ter', 'ten',
  'zu', 'af', 'al', 'el', 'bin', 'ibn', 'st.', "d'", 'y',
]);

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** Small words that appear inside organisation names but never inside a personal name. */
const GROUP_WORDS = new Set(['of', 'for', 'the', 'on', 'and', 'in', 'at', 'to', '&']);

/** "A.", "J.-C.", "-M.", "N-R.", "H.A." or a lone capital ("Nguyen A"). */
function initialSource(capital: string): string {
  return `-?${capital}(?:\\.|\\.?-${capital}\\.?|\\.${capital}\\.?){0,4}`;
}

/** Each pattern comes twice, with any capital letter and with ASCII capitals only (see `isAscii`). */
const INITIALS = new RegExp(`^${initialSource('\\p{Lu}')}$`, 'u');
const ASCII_INITIALS = new RegExp(`^${initialSource('[A-Z]')}$`);

/** Initials separated by single spaces: "A. B.", "J.-C." (one search instead of one per word). */
const ONLY_INITIALS = new RegExp(`^${initialSource('\\p{Lu}')}(?: ${initialSource('\\p{Lu}')})*$`, 'u');
const ASCII_ONLY_INITIALS = new RegExp(`^${initialSource('[A-Z]')}(?: ${initialSource('[A-Z]')})*$`);

function isInitials(word: string): boolean {
  return isAscii(word) ? ASCII_INITIALS.test(word) : INITIALS.test(word);
}

function isOnlyInitials(text: string): boolean {
  return isAscii(text) ? ASCII_ONLY_INITIALS.test(text) : ONLY_INITIALS.test(text);
}

/** A capitalised name word: "Brady", "O'Brien", "Dallaire-Dufresne", "Thorvaldsdóttir", "McClelland". */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/** "et al.", "et. al.", "et al" anywhere in an author list. */
const ET_AL = /\bet\.?\s?al\b\.?/giu;
const ET_AL_LETTERS = /et/i;

/** Marks an elided stretch of an author list ("... Last, Z.", APA's ". . . Last, Z."). */
const ELLIPSIS = /(?:\.\s?){2}\.|…/gu;

/** "(Ed.)", "(Eds.)", "(eds)", "(Hrsg.)", "(Coord.)" after the names of an edited volume's editors. */
export const EDITOR_MARK = /\((?:eds?|hrsg|coords?|dir|dirs)\.?\)/iu;

export interface AuthorList {
  names: PersonName[];
  /** The list was cut short with "et al." or an ellipsis. */
  elided: boolean;
}

/** The family name with its particles, as a citation writes it: "van den Boogard", or the group name. */
export function familyWithParticle(name: PersonName): string {
  if (name.literal) return name.literal;
  return name.particle ? `${name.particle} ${name.family}` : name.family;
}

/** Splits a surname as cited ("van den Boogard", "Van der Berg", "Smith") into its particle and family parts. */
export function citedNameParts(cited: string): { particle?: string; family: string } {
  const words = collapseWhitespace(cited).split(' ').filter((w) => w !== '');
  let index = 0;
  while (index < words.length - 1 && PARTICLES.has(words[index].toLowerCase())) index++;
  const family = words.slice(index).join(' ');
  if (index === 0) return { family };
  return { particle: words.slice(0, index).join(' ').toLowerCase(), family };
}

/** Parses an author (or editor) list: "Surname, I., & Other, J.", "A; B; C", "Yiheng Xu, Minghao Li, and Lei Cui". */
export function parseAuthorList(raw: string): AuthorList {
  const collapsed = collapseWhitespace(raw);
  const withoutMarks = withoutElisions(collapsed.includes('(') ? collapsed.replace(EDITOR_MARK, ' ') : collapsed);
  const elided = withoutMarks.elided;
  const text = trimPunctuation(withoutMarks.text);
  if (!/\p{L}/u.test(text)) return { names: [], elided };
  if (text.includes(';')) {
    const names = text
      .split(';')
      .map((part) => trimPunctuation(part.replace(/^\s*(?:&|and)\s+/iu, '')))
      .filter((part) => part !== '')
      .map(parsePersonName);
    return { names, elided };
  }
  if (isGroupAuthor(text)) return { names: [groupName(text)], elided };
  return { names: pairNameParts(splitNameParts(text)), elided };
}

/** Removes "et al." and ellipses from an author list, telling whether there were any. */
export function withoutElisions(text: string): { text: string; elided: boolean } {
  // An entry's author part is read twice in a row, as a possible title and as names: the last answer is kept.
  if (text === lastElisionInput && lastElisionResult) return lastElisionResult;
  // "et al." needs the letters "et"; most author lists have none, and skip the longer pattern.
  const withoutEtAl = ET_AL_LETTERS.test(text) ? text.replace(ET_AL, ' ') : text;
  const stripped = withoutEtAl.replace(ELLIPSIS, ' ');
  lastElisionInput = text;
  lastElisionResult = { text: collapseWhitespace(stripped), elided: stripped !== text };
  return lastElisionResult;
}

let lastElisionInput = '';
let lastElisionResult: { text: string; elided: boolean } | undefined;

/** Parses one person's name written in either order; a name that cannot be split is kept whole as the family. */
export function parsePersonName(raw: string): PersonName {
  const text = trimPunctuation(collapseWhitespace(raw));
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const rest = text.slice(comma + 1).trim();
    const suffixAfterComma = SUFFIXES.has(rest.toLowerCase()) ? rest : undefined;
    if (suffixAfterComma) return withSuffix(parsePersonName(text.slice(0, comma)), suffixAfterComma);
    const secondComma = rest.indexOf(',');
    const given = secondComma >= 0 ? rest.slice(0, secondComma).trim() : rest;
    const suffix = secondComma >= 0 ? rest.slice(secondComma + 1).trim() : '';
    const name = invertedName(text.slice(0, comma), given);
    return SUFFIXES.has(suffix.toLowerCase()) ? withSuffix(name, suffix) : name;
  }
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length === 0) return { family: '' };
  const last = words[words.length - 1];
  if (words.length > 1 && SUFFIXES.has(last.toLowerCase())) {
    return withSuffix(parsePersonName(words.slice(0, -1).join(' ')), last);
  }
  if (words.length === 1) return { family: cleanFamily(words[0]) };
  // "Nguyen A." puts the family name first and the initials after it.
  if (isInitials(last) && !isInitials(words[0])) {
    return invertedName(words.slice(0, -1).filter((w) => !isInitials(w)).join(' '), words.filter((w) => isInitials(w)).join(' '));
  }
  return givenFirstName(words);
}

/** True when a list without commas or semicolons names an organisation rather than people. */
export function isGroupAuthor(text: string): boolean {
  if (text.includes(',') || text.includes(';')) return false;
  const parts = text.split(/\s+(?:&|and)\s+/u);
  return !parts.every(isPersonLike);
}

/** Names such as "Smith", "van den Boogard", "R. A. Berman" or "Nguyen A." (a bare "NCBI" is an organisation). */
function isPersonLike(part: string): boolean {
  const words = trimPunctuation(part).split(' ').filter((w) => w !== '');
  if (words.length === 0) return false;
  if (words.some((w) => GROUP_WORDS.has(w.toLowerCase()) || /^\(.*\)$/u.test(w))) return false;
  if (words.some((w) => isInitials(w))) return words.every((w) => isInitials(w) || NAME_WORD.test(w) || PARTICLES.has(w));
  const core = words.filter((w) => !PARTICLES.has(w));
  // "Jean de la Fontaine": a lower-case particle inside capitalised words marks a person's name.
  if (core.length > 1 && words.slice(1).some(isLowerParticle)) return core.every((w) => NAME_WORD.test(w));
  if (core.length !== 1) return false;
  const word = core[0];
  const isAcronym = word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
  return NAME_WORD.test(word) && !isAcronym;
}

function groupName(text: string): PersonName {
  const name = cleanFamily(text);
  return { family: name, literal: name };
}

interface NamePart {
  text: string;
  /** The part followed a comma (not "and" or "&"), so it may be the given name of the part before it. */
  afterComma: boolean;
}

/** Splits at commas, "&" and "and", remembering which separator came before each part. */
function splitNameParts(text: string): NamePart[] {
  const parts: NamePart[] = [];
  const separator = /\s*(,\s*(?:&|and)\s+|,|\s&\s|\sand\s)\s*/giu;
  let from = 0;
  let afterComma = false;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    pushPart(parts, text.slice(from, match.index), afterComma);
    afterComma = match[1].trim() === ',';
    from = match.index + match[0].length;
  }
  pushPart(parts, text.slice(from), afterComma);
  return parts;
}

function pushPart(parts: NamePart[], raw: string, afterComma: boolean): void {
  const text = trimPunctuation(raw);
  if (text !== '') parts.push({ text, afterComma });
}

/** Joins "Surname" with the "I. I." or "Given" that follows it after a comma, and reads other parts on their own. */
function pairNameParts(parts: NamePart[]): PersonName[] {
  const names: PersonName[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i].text;
    const next = parts[i + 1];
    if (next && next.afterComma && isGivenFor(part, next.text, i === 0)) {
      let name = invertedName(part, next.text);
      i++;
      const after = parts[i + 1];
      if (after && after.afterComma && SUFFIXES.has(after.text.toLowerCase())) {
        name = withSuffix(name, after.text);
        i++;
      }
      names.push(name);
      continue;
    }
    names.push(parsePersonName(part));
  }
  return names;
}

/**
 * Whether `given` is the given-name part of `family` in an inverted name. Initials always are; full given names
 * ("Zaghouani, Wajdi", "Lee, Jackson L.") only invert the first author, as Chicago and APA write them.
 */
function isGivenFor(family: string, given: string, isFirst: boolean): boolean {
  if (isOnlyInitials(given)) return true;
  if (SUFFIXES.has(given.toLowerCase())) return false;
  const givenWords = given.split(' ');
  const familyWords = family.split(' ').filter((w) => !PARTICLES.has(w));
  if (!isFirst || familyWords.length !== 1 || givenWords.length > 3) return false;
  return givenWords.every((w) => isInitials(w) || NAME_WORD.test(w));
}

/** "van den Boogard" + "J." → particle "van den", family "Boogard", given "J.". */
function invertedName(familyText: string, given: string): PersonName {
  const family = collapseWhitespace(familyText);
  // Most family names are one word: no particle can precede it, and there is nothing to split.
  if (!family.includes(' ')) return withGivenName({ family: cleanFamily(family) }, given);
  const words = family.split(' ');
  let index = 0;
  while (index < words.length - 1 && isLowerParticle(words[index])) index++;
  const name: PersonName = { family: cleanFamily(index === 0 ? family : words.slice(index).join(' ')) };
  if (index > 0) name.particle = words.slice(0, index).join(' ');
  return withGivenName(name, given);
}

function withGivenName(name: PersonName, given: string): PersonName {
  const cleanGiven = cleanGivenName(given);
  if (cleanGiven !== '') name.given = cleanGiven;
  return name;
}

/** "Marc R. Plamondon", "Ludwig van Beethoven", "Alckmar Luiz Dos Santos": the family name comes last. */
function givenFirstName(words: string[]): PersonName {
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1].toLowerCase())) familyStart--;
  const particleWords = words.slice(familyStart).filter((w, i, all) => i < all.length - 1 && isLowerParticle(w));
  const familyWords = words.slice(familyStart + particleWords.length);
  const name: PersonName = { family: cleanFamily(familyWords.join(' ')) };
  if (particleWords.length > 0) name.particle = particleWords.join(' ');
  const given = words.slice(0, familyStart).join(' ');
  if (given !== '') name.given = given;
  return name;
}

function isLowerParticle(word: string): boolean {
  return PARTICLES.has(word) && word === word.toLowerCase();
}

function withSuffix(name: PersonName, suffix: string): PersonName {
  return { ...name, suffix };
}

/** "Wajdi." → "Wajdi" but "I. J." keeps the full stop of its last initial. */
function cleanGivenName(given: string): string {
  const trimmed = trimPunctuation(given);
  const lastWord = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  return isInitials(lastWord) ? trimmed : cleanFamily(trimmed);
}

/** Drops a trailing full stop from a family name ("Anon." → "Anon") but keeps an initial's. */
function cleanFamily(family: string): string {
  const trimmed = trimPunctuation(family);
  return trimmed.length > 2 && trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/** Trims spaces and separating punctuation from both ends; a final full stop stays (it may end an initial). */
function trimPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && ' ,;:&.'.includes(text[start])) start++;
  while (end > start && ' ,;:&'.includes(text[end - 1])) end--;
  return text.slice(start, end);
}
