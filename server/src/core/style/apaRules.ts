// The author-date style rules (APA 7's, and Chicago's et al. rule), each a diagnostic with its own code and severity
// setting, and a quick fix where one can be made safely. Diagnostics and quick fixes come from the same findings, so a
// fix always answers a diagnostic's exact span.
// A document in another citation style runs only the rules its style lists (see citationStyles.ts).

import type { Analysis } from '../index/analysis';
import { defaultDiagnosticSettings, type DiagnosticSettings, type Span } from '../types';
import type { CoreDiagnostic } from '../features/diagnostics';
import type { QuickFix } from '../features/codeActions';
import type { Finding, Rule, StyleRuleCode } from './rules/finding';
import { overlaps } from './rules/spans';
import { chicagoEtAlFindings, etAlFindings } from './rules/etAl';
import { ampersandFindings } from './rules/ampersand';
import { orderInParenthesisFindings } from './rules/orderInParenthesis';
import { suffixFindings } from './rules/suffix';
import { abbreviationFindings } from './rules/abbreviation';
import { etAlPeriodFindings } from './rules/etAlPeriod';
import { listOrderFindings } from './rules/listOrder';
import { entryPartsFindings } from './rules/entryParts';
import { doiFormatFindings } from './rules/doiFormat';
import { spellingFindings } from './rules/spelling';
import { citationStyle, type CitationStyle } from './citationStyles';
import { insideQuotation } from './quotedText';

export type { ApaRuleCode, StyleRuleCode } from './rules/finding';

interface ApaRule {
  code: StyleRuleCode;
  setting: keyof DiagnosticSettings;
  find: Rule;
  /** Whether the rule asks for citations in the text to be reworded, which a quotation must not be. */
  rewordsCitations: boolean;
}

const RULES: ApaRule[] = [
  { code: 'apa-et-al', setting: 'apaEtAl', find: etAlFindings, rewordsCitations: true },
  { code: 'apa-ampersand', setting: 'apaAmpersand', find: ampersandFindings, rewordsCitations: true },
  { code: 'apa-order-in-parenthesis', setting: 'apaOrderInParenthesis', find: orderInParenthesisFindings, rewordsCitations: true },
  { code: 'apa-suffix', setting: 'apaSuffix', find: suffixFindings, rewordsCitations: true },
  { code: 'apa-abbreviation', setting: 'apaAbbreviation', find: abbreviationFindings, rewordsCitations: true },
  { code: 'apa-et-al-period', setting: 'apaEtAlPeriod', find: etAlPeriodFindings, rewordsCitations: true },
  { code: 'apa-list-order', setting: 'apaListOrder', find: listOrderFindings, rewordsCitations: false },
  { code: 'apa-entry-parts', setting: 'apaEntryParts', find: entryPartsFindings, rewordsCitations: false },
  { code: 'apa-doi-format', setting: 'apaDoiFormat', find: doiFormatFindings, rewordsCitations: false },
  { code: 'apa-spelling', setting: 'apaSpelling', find: spellingFindings, rewordsCitations: true },
  { code: 'chicago-et-al', setting: 'chicagoEtAl', find: chicagoEtAlFindings, rewordsCitations: true },
];

/** Each rule's findings, computed once per analysis: diagnostics and every code action request read the same ones. */
const findingsByAnalysis = new WeakMap<Analysis, Map<StyleRuleCode, Finding[]>>();

function findingsOf(analysis: Analysis, rule: ApaRule): Finding[] {
  let byRule = findingsByAnalysis.get(analysis);
  if (!byRule) {
    byRule = new Map();
    findingsByAnalysis.set(analysis, byRule);
  }
  let findings = byRule.get(rule.code);
  if (!findings) {
    findings = rule.find(analysis);
    // A quoted citation stays as the quoted author wrote it.
    if (rule.rewordsCitations) findings = findings.filter((finding) => !insideQuotation(analysis.text, finding.span));
    byRule.set(rule.code, findings);
  }
  return findings;
}

function rulesOf(style: CitationStyle): ApaRule[] {
  return RULES.filter((rule) => style.rules.includes(rule.code));
}

/** The diagnostics of every APA rule that the style runs and the settings do not turn off. */
export function apaDiagnostics(analysis: Analysis, settings: DiagnosticSettings, style: CitationStyle = citationStyle('apa7')): CoreDiagnostic[] {
  return rulesOf(style).flatMap((rule) => {
    // A setting added after the settings were written is absent from them: it keeps its default.
    const severity = settings[rule.setting] ?? defaultDiagnosticSettings[rule.setting];
    if (!severity || severity === 'off') return [];
    const code = rule.code;
    return findingsOf(analysis, rule).map((finding) => ({ span: finding.span, severity, code, message: finding.message, related: finding.related }));
  });
}

/** The fixes of the APA findings, of the rules the style runs, that touch the range. */
export function apaQuickFixes(analysis: Analysis, range: Span, style: CitationStyle = citationStyle('apa7')): QuickFix[] {
  return rulesOf(style).flatMap((rule) =>
    findingsOf(analysis, rule).flatMap((finding) =>
      finding.fix && overlaps(finding.span, range)
        ? [{ title: finding.fix.title, code: rule.code, diagnosticSpan: finding.span, edits: finding.fix.edits, preferred: true }]
        : [],
    ),
  );
}
