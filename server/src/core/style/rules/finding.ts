// What an APA rule reports: a diagnostic without its severity (the settings give that), and the edits that fix it when
// a fix can be made safely. Rules read the facts and the resolution; they look at the text only within a span they know.

import type { Analysis } from '../../index/analysis';
import type { Citation, Span } from '../../types';
import type { WorkInContext } from './citedWorks';
import type { TextEdit } from '../../features/codeActions';

export type ApaRuleCode =
  | 'apa-et-al'
  | 'apa-ampersand'
  | 'apa-order-in-parenthesis'
  | 'apa-suffix'
  | 'apa-abbreviation'
  | 'apa-et-al-period'
  | 'apa-list-order'
  | 'apa-entry-parts'
  | 'apa-doi-format'
  | 'apa-spelling';

/** Every author-date style rule: the APA rules, and the rules of other styles that judge the same citations. */
export type StyleRuleCode = ApaRuleCode | 'chicago-et-al';

export interface RuleFix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  span: Span;
  message: string;
  related?: { span: Span; message: string }[];
  fix?: RuleFix;
  /** Makes the fix of a finding whose fix costs as much as the check itself (sorting a whole list): it is made for a
   * quick fix request, not each time diagnostics are computed. */
  makeFix?: () => RuleFix | undefined;
}

/** A finding's fix, made now if it is made on demand. */
export function fixOf(finding: Finding): RuleFix | undefined {
  return finding.fix ?? finding.makeFix?.();
}

/** A rule finds every place in one analysed document that breaks it. */
export type Rule = (analysis: Analysis) => Finding[];

/**
 * A rule that judges one citation at a time. Its findings lie within the citation's text (and the character after it)
 * and depend only on the citation, the entries its works resolved to and that text, so a citation that an edit left
 * alone keeps its findings, moved with it (see ruleMemo.ts).
 */
export type CitationRule = (text: string, citation: Citation, works: WorkInContext[]) => Finding[];

/** A rule that judges one work of a citation at a time, under the same terms as a citation rule. */
export type WorkRule = (text: string, context: WorkInContext) => Finding[];

/**
 * A rule that judges the typed reference list. It reads only the typed entries and the text from the line of the first
 * to the end of the last, so a list that an edit left alone keeps its findings, moved with it.
 */
export type ListRule = Rule;

/** A citation rule made of a work rule: the findings of each work in turn. */
export function eachWork(rule: WorkRule): CitationRule {
  return (text, _citation, works) => {
    // Most citations cite one work, whose findings are the citation's as they are.
    if (works.length === 1) return rule(text, works[0]);
    const findings: Finding[] = [];
    for (const context of works) for (const finding of rule(text, context)) findings.push(finding);
    return findings;
  };
}
