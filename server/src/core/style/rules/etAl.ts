// When a citation may cut its authors to the first one and "et al.". APA 7 names one or two authors in every citation
// and cuts three or more from the first citation on; Chicago author-date (17th edition) names up to three and cuts four
// or more. Judged only for works that resolved, since only the entry says how many authors a work has.

import type { CitationKind } from '../../types';
import { citedName } from '../apa';
import { namesAuthors } from './citedWorks';
import type { WorkRule } from './finding';

interface EtAlConvention {
  /** The fewest authors a work must have to be cited with "et al.". */
  fewestAuthors: number;
  /** All the authors of a shorter list as the style writes them in a citation of this kind. */
  join(names: string[], kind: CitationKind): string;
}

const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five'];

/** "Müller & Tran" in parentheses and "Müller and Tran" in running text. */
const apa: EtAlConvention = {
  fewestAuthors: 3,
  join: (names, kind) => names.join(kind === 'parenthetical' ? ' & ' : ' and '),
};

/** "Müller and Tran", "Ziter, Pedersen, and Kucharik", in parentheses and in running text alike. */
const chicago: EtAlConvention = {
  fewestAuthors: 4,
  join: (names) => (names.length < 3 ? names.join(' and ') : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`),
};

export const etAlFindings: WorkRule = etAlRule(apa);
export const chicagoEtAlFindings: WorkRule = etAlRule(chicago);

function etAlRule(convention: EtAlConvention): WorkRule {
  const fewest = convention.fewestAuthors;
  return (_text, { citation, work, entry }) => {
    if (!entry || entry.authorsElided || !namesAuthors(work)) return [];
    const possessive = work.possessive ? "'s" : '';
    const count = entry.authors.length;
    if (work.etAl && count >= 2 && count < fewest) {
      // The first name stays as written; the others come from the entry.
      const all = convention.join([work.authors[0], ...entry.authors.slice(1).map(citedName)], citation.kind);
      const every = count === 2 ? 'both' : `all ${COUNT_WORDS[count]}`;
      return [
        {
          span: work.authorSpan,
          message: `This work has ${COUNT_WORDS[count]} authors: name ${every} in every citation ("${all}"), not "et al.".`,
          fix: { title: `Write "${all}"`, edits: [{ span: work.authorSpan, newText: all + possessive }] },
        },
      ];
    }
    if (!work.etAl && count >= fewest && work.authors.length >= fewest) {
      const short = `${work.authors[0]} et al.`;
      return [
        {
          span: work.authorSpan,
          message: `A work with ${COUNT_WORDS[fewest]} or more authors is cited by its first author and "et al." every time: write "${short}".`,
          fix: { title: `Write "${short}"`, edits: [{ span: work.authorSpan, newText: short + possessive }] },
        },
      ];
    }
    return [];
  };
}
