// The author-date style rules (APA 7's, and Chicago's et al. rule), each a diagnostic with its own code and severity
// setting, and a quick fix where one can be made safely. Diagnostics and quick fixes come from the same findings, so a
// fix always answers a diagnostic's exact span.
// A document in another citation style runs only the rules its style lists (see citationStyles.ts).

import type { Analysis } from '../index/analysis';
import { defaultDiagnosticSettings, type DiagnosticSettings, type Span } from '../types';
import type { CoreDiagnostic } from '../features/diagnostics';
import type { QuickFix } from '../features/codeActions';
import { eachWork, fixOf, type CitationRule, type Finding, type ListRule, type Rule, type StyleRuleCode } from './rules/finding';
import { overlaps } from './rules/spans';
import { chicagoEtAlFindings, etAlFindings } from './rules/etAl';
import { ampersandFindings } from './rules/ampersand';
import { orderInParenthesisFindings } from './rules/orderInParenthesis';
import { citedSuffixFindings, listedSuffixFindings } from './rules/suffix';
import { abbreviationFindings } from './rules/abbreviation';
import { etAlPeriodFindings } from './rules/etAlPeriod';
import { listOrderFindings } from './rules/listOrder';
import { entryPartsFindings } from './rules/entryParts';
import { doiFormatFindings } from './rules/doiFormat';
import { spellingFindings } from './rules/spelling';
import { citationsInContext } from './rules/citedWorks';
import type { StyleRuleMemo } from './rules/ruleMemo';
import { citationStyle, type CitationStyle } from './citationStyles';
import { insideQuotation } from './quotedText';
import { heldIn } from '../memo';

export type { ApaRuleCode, StyleRuleCode } from './rules/finding';

/**
 * One rule, in up to three parts, whose findings come in this order: what it finds in each citation on its own, in the
 * typed reference list, and in the document as a whole. The first two are kept between versions (see ruleMemo.ts).
 */
interface ApaRule {
  code: StyleRuleCode;
  setting: keyof DiagnosticSettings;
  citation?: CitationRule;
  list?: ListRule;
  document?: Rule;
  /** Whether the rule asks for citations in the text to be reworded, which a quotation must not be. */
  rewordsCitations: boolean;
}

const RULES: ApaRule[] = [
  { code: 'apa-et-al', setting: 'apaEtAl', citation: eachWork(etAlFindings), rewordsCitations: true },
  { code: 'apa-ampersand', setting: 'apaAmpersand', citation: eachWork(ampersandFindings), rewordsCitations: true },
  { code: 'apa-order-in-parenthesis', setting: 'apaOrderInParenthesis', citation: orderInParenthesisFindings, rewordsCitations: true },
  { code: 'apa-suffix', setting: 'apaSuffix', citation: eachWork(citedSuffixFindings), list: listedSuffixFindings, rewordsCitations: true },
  { code: 'apa-abbreviation', setting: 'apaAbbreviation', document: abbreviationFindings, rewordsCitations: true },
  { code: 'apa-et-al-period', setting: 'apaEtAlPeriod', citation: eachWork(etAlPeriodFindings), rewordsCitations: true },
  { code: 'apa-list-order', setting: 'apaListOrder', list: listOrderFindings, rewordsCitations: false },
  { code: 'apa-entry-parts', setting: 'apaEntryParts', list: entryPartsFindings, rewordsCitations: false },
  { code: 'apa-doi-format', setting: 'apaDoiFormat', list: doiFormatFindings, rewordsCitations: false },
  { code: 'apa-spelling', setting: 'apaSpelling', citation: eachWork(spellingFindings), rewordsCitations: true },
  { code: 'chicago-et-al', setting: 'chicagoEtAl', citation: eachWork(chicagoEtAlFindings), rewordsCitations: true },
];

/** Each rule's findings, computed once per analysis: diagnostics and every code action request read the same ones. */
const findingsByAnalysis = new WeakMap<Analysis, Map<StyleRuleCode, Finding[]>>();

function findingsOf(analysis: Analysis, rule: ApaRule): Finding[] {
  const byRule = heldIn(findingsByAnalysis, analysis, () => new Map<StyleRuleCode, Finding[]>());
  return heldIn(byRule, rule.code, () => {
    const findings = findAll(analysis, rule, analysis.styleRuleMemo);
    // A quoted citation stays as the quoted author wrote it. Filtered after the memo, since an edit elsewhere in the
    // paragraph can open or close the quotation around a finding that is kept.
    return rule.rewordsCitations ? findings.filter((finding) => !insideQuotation(analysis.text, finding.span)) : findings;
  });
}

/** A rule's findings; with the memo of the document's earlier versions, only what changed since is checked again. */
function findAll(analysis: Analysis, rule: ApaRule, memo: StyleRuleMemo | undefined): Finding[] {
  const { code, citation, list, document } = rule;
  const { text } = analysis;
  const inCitations = !citation
    ? []
    : memo
      ? memo.citationFindings(code, citation, analysis)
      : citationsInContext(analysis).flatMap((context) => citation(text, context.citation, context.works));
  const inList = !list ? [] : memo ? memo.listFindings(code, list, analysis) : list(analysis);
  return [...inCitations, ...inList, ...(document ? document(analysis) : [])];
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
    findingsOf(analysis, rule).flatMap((finding) => {
      const fix = overlaps(finding.span, range) ? fixOf(finding) : undefined;
      return fix ? [{ title: fix.title, code: rule.code, diagnosticSpan: finding.span, edits: fix.edits, preferred: true }] : [];
    }),
  );
}
