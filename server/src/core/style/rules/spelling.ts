// A cited name should be spelt as its reference entry spells it. The resolver already matches names without regard to
// diacritics and punctuation ("Muller" finds "Müller"); this rule points out such differences so that the text and the
// list agree. Differences of case alone are left alone ("Van den Boogard" opens a sentence), and so are apostrophe and
// hyphen variants, which are typography, not spelling.

import type { Span } from '../../types';
import { citedName } from '../apa';
import { nameKey } from '../../text/normalize';
import { namesAuthors } from './citedWorks';
import type { Finding, WorkRule } from './finding';

function typographic(name: string): string {
  return name.replace(/[’‘ʼ`]/gu, "'").replace(/[‐‑–—]/gu, '-').toLowerCase();
}

export const spellingFindings: WorkRule = (text, { work, entry }) => {
  if (!entry || !namesAuthors(work)) return [];
  const findings: Finding[] = [];
  const count = Math.min(work.authors.length, entry.authors.length);
  for (let i = 0; i < count; i++) {
    const written = work.authors[i];
    const listed = citedName(entry.authors[i]);
    // Most names are written as the entry writes them, which needs no closer look.
    if (written === listed || typographic(written) === typographic(listed) || nameKey(written) !== nameKey(listed)) continue;
    const span = findName(text, work.authorSpan, written);
    if (!span) continue;
    findings.push({
      span,
      message: `The reference entry spells this name "${listed}".`,
      fix: { title: `Write "${listed}"`, edits: [{ span, newText: listed }] },
    });
  }
  return findings;
};

/** Where a name is written inside an author part; line breaks may stand where the name has spaces. */
function findName(text: string, within: Span, name: string): Span | undefined {
  const words = name.split(/\s+/u).map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('\\s+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}])${words}(?![\\p{L}\\p{M}])`, 'u');
  const match = pattern.exec(text.slice(within.start, within.end));
  return match ? { start: within.start + match.index, end: within.start + match.index + match[0].length } : undefined;
}
