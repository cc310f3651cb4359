// APA 7 defines a group author's abbreviation once, at its first citation, and uses it alone after that:
// "(World Health Organization [WHO], 2018)" or "World Health Organization (WHO, 2018)", then "(WHO, 2019)". Flags a
// second definition, a use of the abbreviation before its definition, and the long name written again after it.

import type { Analysis } from '../../index/analysis';
import type { Abbreviation, Citation, CitedWork } from '../../types';
import type { TextEdit } from '../../features/codeActions';
import { nameKey } from '../../text/normalize';
import { citedWorks, namesAuthors, type WorkInContext } from './citedWorks';
import type { Finding } from './finding';

const POSSESSIVE = /['’]s?$/u;

export function abbreviationFindings(analysis: Analysis): Finding[] {
  // Without a definition there is nothing to check, and the works need not be looked at.
  if (analysis.facts.abbreviations.length === 0) return [];
  const works = citedWorks(analysis).filter(({ work }) => namesAuthors(work) && !work.etAl);
  const firstDefinitions = new Map<string, { abbreviation: Abbreviation; definer?: WorkInContext }>();
  const findings: Finding[] = [];
  for (const abbreviation of analysis.facts.abbreviations) {
    const key = nameKey(abbreviation.short);
    const definer = works.find(({ work }) => work.definesAbbreviation && work.authorSpan.start === abbreviation.span.start);
    const first = firstDefinitions.get(key);
    if (!first) {
      firstDefinitions.set(key, { abbreviation, definer });
      continue;
    }
    const edits = definer && shortFormEdits(analysis.text, definer, abbreviation.short);
    findings.push({
      span: abbreviation.span,
      message: `${abbreviation.short} is already defined above: after its first definition, write ${abbreviation.short} alone.`,
      related: [{ span: first.abbreviation.span, message: `${abbreviation.short} is first defined here` }],
      fix: edits ? { title: `Write ${abbreviation.short} alone`, edits } : undefined,
    });
  }
  for (const context of works) {
    if (context.work.definesAbbreviation) continue;
    const written = nameKey(context.work.authorText.replace(POSSESSIVE, ''));
    for (const { abbreviation, definer } of firstDefinitions.values()) {
      const { short, long } = abbreviation;
      if (written === nameKey(short) && context.work.span.start < abbreviation.span.start) {
        const useEdits = definitionEdits(analysis.text, context, long, short);
        const laterDefinitionEdits = definer && shortFormEdits(analysis.text, definer, short);
        findings.push({
          span: context.work.authorSpan,
          message: `${short} is used before it is defined: define it here, at its first use ("${long} [${short}]").`,
          related: [{ span: abbreviation.span, message: `${short} is defined here` }],
          fix: useEdits && laterDefinitionEdits ? { title: `Define ${short} here`, edits: [...useEdits, ...laterDefinitionEdits] } : undefined,
        });
      } else if (written === nameKey(long) && context.work.span.start > abbreviation.span.start) {
        const edits = context.work.possessive ? undefined : [{ span: context.work.authorSpan, newText: short }];
        findings.push({
          span: context.work.authorSpan,
          message: `${long} is abbreviated as ${short} above: write ${short}.`,
          related: [{ span: abbreviation.span, message: `${short} is defined here` }],
          fix: edits ? { title: `Write ${short}`, edits } : undefined,
        });
      }
    }
  }
  return findings;
}

/** The text between a narrative author and its date: " (" for a use, " (WHO, " for a definition. */
function betweenAuthorAndDate(text: string, work: CitedWork): string {
  return text.slice(work.authorSpan.end, work.dateSpan.start);
}

function isNarrativeWithParenthesis(citation: Citation, text: string, work: CitedWork, short?: string): boolean {
  if (citation.kind !== 'narrative' || work.possessive) return false;
  const between = betweenAuthorAndDate(text, work).replace(/\s+/gu, '');
  return between === (short ? `(${short},` : '(');
}

/** Edits that turn a definition into the short form alone: "(WHO, 2018)" or "WHO (2018)". */
function shortFormEdits(text: string, { citation, work }: WorkInContext, short: string): TextEdit[] | undefined {
  if (citation.kind === 'parenthetical') return [{ span: work.authorSpan, newText: short }];
  if (!isNarrativeWithParenthesis(citation, text, work, short)) return undefined;
  return [{ span: { start: work.authorSpan.start, end: work.dateSpan.start }, newText: `${short} (` }];
}

/** Edits that turn a use of the short form into the definition: "(World Health Organization [WHO], 2018)". */
function definitionEdits(text: string, { citation, work }: WorkInContext, long: string, short: string): TextEdit[] | undefined {
  if (citation.kind === 'parenthetical') return [{ span: work.authorSpan, newText: `${long} [${short}]` }];
  if (!isNarrativeWithParenthesis(citation, text, work)) return undefined;
  return [{ span: { start: work.authorSpan.start, end: work.dateSpan.start }, newText: `${long} (${short}, ` }];
}
