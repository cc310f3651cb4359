// What an APA rule reports: a diagnostic without its severity (the settings give that), and the edits that fix it when
// a fix can be made safely. Rules read the facts and the resolution; they look at the text only within a span they know.

import type { Analysis } from '../../index/analysis';
import type { Span } from '../../types';
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
}

/** A rule finds every place in one analysed document that breaks it. */
export type Rule = (analysis: Analysis) => Finding[];
