// Builds the documents the benchmarks edit and query: a Markdown thesis with author-date citations and a typed APA
// reference list, and a pandoc paper that cites keys of a bibliography file. The same seed always gives the same text.

import { Seeded, type SyntheticWork } from './syntheticBibliography';

export interface ThesisShape {
  words: number;
  references: number;
  citations: number;
}

const SYLLABLES = ['ka', 'ri', 'mo', 'lin', 'berg', 'sa', 'to', 'ne', 'vo', 'den', 'hal', 'ru', 'mi', 'gor', 'es', 'ta'];
const ACCENTED = ['Jäger', 'Núñez', 'Øberg', 'Šimić', 'Ćosić', 'Lévesque', 'Müller', 'Sørensen'];
const PARTICLES = ['van', 'de', 'van der', 'von'];
const PROSE = (
  'the results suggest that canopy cover moderates surface temperature although measurements across sites differ ' +
  'in method and season so any comparison must account for the instruments used and the time of day when readings ' +
  'were taken which several studies report only in passing while others ignore it entirely'
).split(' ');

interface TypedReference {
  family: string;
  second?: string;
  etAl: boolean;
  year: number;
}

/** A surname no other index gives: the index written in base 16 with a syllable for each digit. */
function surname(random: Seeded, index: number): string {
  const unique = [...index.toString(16)].map((digit) => SYLLABLES[Number.parseInt(digit, 16)]).join('');
  if (index % 17 === 0) return ACCENTED[index % ACCENTED.length] + unique;
  const word = random.pick(SYLLABLES) + unique;
  return word[0].toUpperCase() + word.slice(1);
}

function typedReferences(count: number, random: Seeded): TypedReference[] {
  return Array.from({ length: count }, (_, index) => {
    const family = surname(random, index);
    const authors = 1 + random.below(4);
    return {
      family: index % 23 === 0 ? `${PARTICLES[index % PARTICLES.length]} ${family}` : family,
      second: authors >= 2 ? surname(random, index + count) : undefined,
      etAl: authors >= 3,
      year: 1960 + random.below(64),
    };
  });
}

function referenceLine(reference: TypedReference, index: number): string {
  const first = `${reference.family}, A. B.`;
  const names = reference.second ? (reference.etAl ? `${first}, ${reference.second}, C., & Third, D.` : `${first}, & ${reference.second}, C.`) : first;
  return `${names} (${reference.year}). Measuring the effect of street trees on urban heat, study ${index}. ` +
    `*Landscape and Urban Planning*, *${1 + (index % 120)}*(${1 + (index % 6)}), ${index}–${index + 14}. https://doi.org/10.1016/thesis.${index}`;
}

/** How prose cites a reference: "(Karimov & Lindberg, 1987, p. 4)", "Karimov et al. (1987)". */
function citationOf(reference: TypedReference, random: Seeded): string {
  const author = reference.etAl ? `${reference.family} et al.` : reference.second ? `${reference.family} & ${reference.second}` : reference.family;
  const narrativeAuthor = author.replace(' & ', ' and ');
  const written = narrativeAuthor[0].toUpperCase() + narrativeAuthor.slice(1);
  switch (random.below(4)) {
    case 0:
      return `${written} (${reference.year})`;
    case 1:
      return `(${author}, ${reference.year}, p. ${1 + random.below(300)})`;
    default:
      return `(${author}, ${reference.year})`;
  }
}

/**
 * A thesis of about `words` words in chapters and paragraphs, with `citations` author-date citations spread evenly
 * and a "References" list of `references` entries at the end. About one citation in fifty names a year the list does
 * not have, so the diagnostics have something to report.
 */
export function syntheticThesis(shape: ThesisShape, seed = 7): string {
  const random = new Seeded(seed);
  const references = typedReferences(shape.references, random);
  const wordsPerCitation = Math.max(1, Math.floor(shape.words / shape.citations));
  const parts: string[] = ['---\ntitle: "Street trees and urban heat"\n---\n\n# Street trees and urban heat\n\n'];
  let paragraph: string[] = [];
  let paragraphs = 0;
  for (let word = 0, cited = 0; word < shape.words; word++) {
    paragraph.push(PROSE[(word * 7 + paragraphs) % PROSE.length]);
    if (word % wordsPerCitation === wordsPerCitation - 1 && cited < shape.citations) {
      const reference = references[random.below(references.length)];
      const wrongYear = random.below(50) === 0;
      paragraph.push(citationOf(wrongYear ? { ...reference, year: reference.year + 1 } : reference, random));
      cited++;
    }
    if (paragraph.length >= 150) {
      parts.push(paragraphs % 60 === 0 ? `## Chapter ${paragraphs / 60 + 1}\n\n` : '', `${sentenceCase(paragraph.join(' '))}.\n\n`);
      paragraph = [];
      paragraphs++;
    }
  }
  if (paragraph.length > 0) parts.push(`${sentenceCase(paragraph.join(' '))}.\n\n`);
  parts.push('## References\n\n', references.map(referenceLine).join('\n\n'), '\n');
  return parts.join('');
}

function sentenceCase(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/** A pandoc paper that names `bibliography` in its front matter and cites keys of the works in every paragraph. */
export function pandocPaper(works: SyntheticWork[], citations: number, bibliography: string, seed = 11): string {
  const random = new Seeded(seed);
  const parts = [`---\ntitle: "A paper"\nbibliography: ${bibliography}\n---\n\n# Introduction\n\n`];
  for (let i = 0; i < citations; i++) {
    const key = random.pick(works).key;
    const prose = Array.from({ length: 40 }, (_, word) => PROSE[(word + i) % PROSE.length]).join(' ');
    const citation = i % 3 === 0 ? `@${key} shows that` : i % 3 === 1 ? `[see @${key}, p. ${1 + random.below(200)}]` : `[@${key}; @${random.pick(works).key}]`;
    parts.push(`${sentenceCase(prose)} ${citation}.\n\n`);
  }
  return parts.join('');
}
