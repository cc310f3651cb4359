// APA 7 style rules, each a diagnostic with its own code and severity setting, and a quick fix where one can be made
// safely. Diagnostics and quick fixes come from the same findings, so a fix always answers a diagnostic's exact span.

import type { Analysis } from '../index/analysis';
import type { DiagnosticSettings, Span } from '../types';
import type { CoreDiagnostic } from '../features/diagnostics';
import type { QuickFix } from '../features/codeActions';
import type { ApaRuleCode, Rule } from './rules/finding';
import { overlaps } from './rules/spans';
import { etAlFindings } from './rules/etAl';
import { ampersandFindings } from './rules/ampersand';
import { orderInParenthesisFindings } from './rules/orderInParenthesis';
import { suffixFindings } from './rules/suffix';
import { abbreviationFindings } from './rules/abbreviation';
import { etAlPeriodFindings } from './rules/etAlPeriod';
import { listOrderFindings } from './rules/listOrder';
import { entryPartsFindings } from './rules/entryParts';
import { doiFormatFindings } from './rules/doiFormat';
import { spellingFindings } from './rules/spelling';

export type { ApaRuleCode } from './rules/finding';

interface ApaRule {
  code: ApaRuleCode;
  setting: keyof DiagnosticSettings;
  find: Rule;
}

const RULES: ApaRule[] = [
  { code: 'apa-et-al', setting: 'apaEtAl', find: etAlFindings },
  { code: 'apa-ampersand', setting: 'apaAmpersand', find: ampersandFindings },
  { code: 'apa-order-in-parenthesis', setting: 'apaOrderInParenthesis', find: orderInParenthesisFindings },
  { code: 'apa-suffix', setting: 'apaSuffix', find: suffixFindings },
  { code: 'apa-abbreviation', setting: 'apaAbbreviation', find: abbreviationFindings },
  { code: 'apa-et-al-period', setting: 'apaEtAlPeriod', find: etAlPeriodFindings },
  { code: 'apa-list-order', setting: 'apaListOrder', find: listOrderFindings },
  { code: 'apa-entry-parts', setting: 'apaEntryParts', find: entryPartsFindings },
  { code: 'apa-doi-format', setting: 'apaDoiFormat', find: doiFormatFindings },
  { code: 'apa-spelling', setting: 'apaSpelling', find: spellingFindings },
];

/** The diagnostics of every APA rule that the settings do not turn off. */
export function apaDiagnostics(analysis: Analysis, settings: DiagnosticSettings): CoreDiagnostic[] {
  return RULES.flatMap(({ code, setting, find }) => {
    const severity = settings[setting];
    if (severity === 'off') return [];
    return find(analysis).map((finding) => ({ span: finding.span, severity, code, message: finding.message, related: finding.related }));
  });
}

/** The fixes of the APA findings that touch the range. */
export function apaQuickFixes(analysis: Analysis, range: Span): QuickFix[] {
  return RULES.flatMap(({ code, find }) =>
    find(analysis).flatMap((finding) =>
      finding.fix && overlaps(finding.span, range)
        ? [{ title: finding.fix.title, code, diagnosticSpan: finding.span, edits: finding.fix.edits, preferred: true }]
        : [],
    ),
  );
}
