// APA 7 writes "et al." with a full stop after "al" (it abbreviates "et alia") and none after "et".

import type { Analysis } from '../../index/analysis';
import { citedWorks, ownsAuthor } from './citedWorks';
import type { Finding } from './finding';

const ET_AL = /\bet(\.?)\s+al\b(\.?)/u;

export function etAlPeriodFindings(analysis: Analysis): Finding[] {
  const findings: Finding[] = [];
  for (const { work } of citedWorks(analysis)) {
    if (!work.etAl || !ownsAuthor(work)) continue;
    // One character past the author part, because a parenthetical author part may end before the full stop.
    const written = analysis.text.slice(work.authorSpan.start, work.authorSpan.end + 1);
    const match = ET_AL.exec(written);
    if (!match || (match[1] === '' && match[2] === '.')) continue;
    const start = work.authorSpan.start + match.index;
    const span = { start, end: start + match[0].length };
    findings.push({
      span,
      message: match[2] === '' ? 'Write "et al." with a full stop after "al".' : 'Write "et al." with no full stop after "et".',
      fix: { title: 'Write "et al."', edits: [{ span, newText: 'et al.' }] },
    });
  }
  return findings;
}
