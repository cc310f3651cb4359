// APA 7 names one or two authors in every citation and cuts three or more to the first author and "et al." from the
// first citation on. Judged only for works that resolved, since only the entry says how many authors a work has.

import type { Analysis } from '../../index/analysis';
import { citedName } from '../apa';
import { citedWorks, namesAuthors } from './citedWorks';
import type { Finding } from './finding';

export function etAlFindings(analysis: Analysis): Finding[] {
  const findings: Finding[] = [];
  for (const { citation, work, entry } of citedWorks(analysis)) {
    if (!entry || entry.authorsElided || !namesAuthors(work)) continue;
    const first = work.authors[0];
    const possessive = work.possessive ? "'s" : '';
    const count = entry.authors.length;
    if (work.etAl && count === 2) {
      const connector = citation.kind === 'parenthetical' ? ' & ' : ' and ';
      const both = `${first}${connector}${citedName(entry.authors[1])}`;
      findings.push({
        span: work.authorSpan,
        message: `This work has two authors: name both in every citation ("${both}"), not "et al.".`,
        fix: { title: `Write "${both}"`, edits: [{ span: work.authorSpan, newText: both + possessive }] },
      });
    } else if (!work.etAl && count >= 3 && work.authors.length >= 3) {
      const short = `${first} et al.`;
      findings.push({
        span: work.authorSpan,
        message: `A work with three or more authors is cited by its first author and "et al." every time: write "${short}".`,
        fix: { title: `Write "${short}"`, edits: [{ span: work.authorSpan, newText: short + possessive }] },
      });
    }
  }
  return findings;
}
