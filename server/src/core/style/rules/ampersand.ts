// APA 7 joins the last two authors with "&" inside a parenthetical citation and with "and" in running text.

import type { Span } from '../../types';
import { namesAuthors } from './citedWorks';
import type { Finding, WorkRule } from './finding';

/** A connector between names as written: "and" or "&" between spaces or after a comma, or "&" between two names. */
const CONNECTOR = /(?<=[\s,])(?:and|&)(?=\s)|(?<=\p{L})&(?=\p{L})/gu;

export const ampersandFindings: WorkRule = (text, { citation, work }) => {
  // A group name keeps its own "and" ("Centers for Disease Control and Prevention"): it is one author, not two.
  if (!namesAuthors(work) || work.authors.length < 2) return [];
  const findings: Finding[] = [];
  const parenthetical = citation.kind === 'parenthetical';
  const wanted = parenthetical ? '&' : 'and';
  const written = text.slice(work.authorSpan.start, work.authorSpan.end);
  // Only the connector the citation should not use is reported: without it written anywhere, nothing is to be found.
  if (!written.includes(parenthetical ? 'and' : '&')) return [];
  for (const connector of connectorsIn(written, work.authorSpan.start)) {
    const isAmpersand = connector.text.endsWith('&');
    if (isAmpersand === parenthetical) continue;
    const newText = isAmpersand && connector.glued ? ` ${wanted} ` : wanted;
    findings.push({
      span: connector.span,
      message: parenthetical
        ? 'Inside parentheses APA joins authors with "&", not "and".'
        : 'In running text APA joins authors with "and", not "&".',
      fix: { title: `Write "${wanted}"`, edits: [{ span: connector.span, newText }] },
    });
  }
  return findings;
};

interface Connector {
  span: Span;
  text: string;
  /** Written without spaces around it ("Nguyen&Tran"). */
  glued: boolean;
}

/** The connectors of an author part, written from `offset` in the document. */
function connectorsIn(written: string, offset: number): Connector[] {
  return [...written.matchAll(CONNECTOR)].map((match) => {
    const start = offset + match.index!;
    const glued = /\p{L}/u.test(written[match.index! - 1] ?? '');
    return { span: { start, end: start + match[0].length }, text: match[0], glued };
  });
}
