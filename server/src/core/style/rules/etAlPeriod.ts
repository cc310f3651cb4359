// APA 7 writes "et al." with a full stop after "al" (it abbreviates "et alia") and none after "et".

import { ownsAuthor } from './citedWorks';
import type { WorkRule } from './finding';

const ET_AL = /\bet(\.?)\s+al\b(\.?)/u;

export const etAlPeriodFindings: WorkRule = (text, { work }) => {
  if (!work.etAl || !ownsAuthor(work)) return [];
  // One character past the author part, because a parenthetical author part may end before the full stop.
  const written = text.slice(work.authorSpan.start, work.authorSpan.end + 1);
  const match = ET_AL.exec(written);
  if (!match || (match[1] === '' && match[2] === '.')) return [];
  const start = work.authorSpan.start + match.index;
  const span = { start, end: start + match[0].length };
  return [
    {
      span,
      message: match[2] === '' ? 'Write "et al." with a full stop after "al".' : 'Write "et al." with no full stop after "et".',
      fix: { title: 'Write "et al."', edits: [{ span, newText: 'et al.' }] },
    },
  ];
};
