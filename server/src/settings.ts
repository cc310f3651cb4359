// Reads the user's settings (the `citewise` section) into the plain values the core takes, with defaults for anything
// missing or malformed.

import { defaultCitationStyle, defaultDiagnosticSettings, type CitationStyleId, type DiagnosticSettings, type Severity } from './core/types';
import { citationStyleIdOf } from './core/style/citationStyles';

export interface Settings {
  languages: string[];
  diagnostics: DiagnosticSettings;
  /** `citewise.bibliography`: bibliography files or globs, relative to the workspace folder. */
  bibliography: string[];
  /** `citewise.style`: a built-in CSL style name or the path of a .csl file. */
  style: string;
  /** `citewise.citationStyle`: the style documents are checked against unless their front matter names a CSL style. */
  citationStyle: CitationStyleId;
  /** Bibliography files larger than this many MB are not read. */
  maxFileSizeMB: number;
  /** Whether bibliography files that documents name may lie outside the workspace folders (trusted workspaces only). */
  allowBibliographiesOutsideWorkspace: boolean;
}

export const defaultLanguages = ['markdown', 'plaintext', 'quarto', 'rmd', 'restructuredtext', 'latex', 'typst'];

export const defaultSettings: Settings = { languages: defaultLanguages, diagnostics: defaultDiagnosticSettings, bibliography: [], style: 'apa', citationStyle: defaultCitationStyle, maxFileSizeMB: 100, allowBibliographiesOutsideWorkspace: false };

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint', 'off'];

function severity(value: unknown, fallback: Severity): Severity {
  return typeof value === 'string' && (SEVERITIES as string[]).includes(value) ? (value as Severity) : fallback;
}

export function readSettings(raw: unknown): Settings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const diagnostics = (section.diagnostics && typeof section.diagnostics === 'object' ? section.diagnostics : {}) as Record<string, unknown>;
  const languages = Array.isArray(section.languages) ? section.languages.filter((l): l is string => typeof l === 'string') : defaultLanguages;
  const d = defaultDiagnosticSettings;
  const bibliography = Array.isArray(section.bibliography)
    ? section.bibliography.filter((p): p is string => typeof p === 'string')
    : typeof section.bibliography === 'string' && section.bibliography
      ? [section.bibliography]
      : [];
  const style = typeof section.style === 'string' && section.style.trim() ? section.style.trim() : defaultSettings.style;
  const maxFileSizeMB = typeof section.maxFileSizeMB === 'number' && section.maxFileSizeMB > 0 ? section.maxFileSizeMB : defaultSettings.maxFileSizeMB;
  const allowBibliographiesOutsideWorkspace = section.allowBibliographiesOutsideWorkspace === true;
  return {
    languages,
    bibliography,
    allowBibliographiesOutsideWorkspace,
    style,
    citationStyle: citationStyleIdOf(section.citationStyle) ?? defaultCitationStyle,
    maxFileSizeMB,
    diagnostics: {
      missingEntry: severity(diagnostics.missingEntry, d.missingEntry),
      uncitedEntry: severity(diagnostics.uncitedEntry, d.uncitedEntry),
      ambiguousEntry: severity(diagnostics.ambiguousEntry, d.ambiguousEntry),
      unparsedEntry: severity(diagnostics.unparsedEntry, d.unparsedEntry),
      unknownKey: severity(diagnostics.unknownKey, d.unknownKey),
      duplicateKey: severity(diagnostics.duplicateKey, d.duplicateKey),
      bibliographySyntax: severity(diagnostics.bibliographySyntax, d.bibliographySyntax),
      uncitedBibliographyEntry: severity(diagnostics.uncitedBibliographyEntry, d.uncitedBibliographyEntry),
      unreadBibliography: severity(diagnostics.unreadBibliography, d.unreadBibliography),
      chicagoEtAl: severity(diagnostics.chicagoEtAl, d.chicagoEtAl),
      mlaMissing: severity(diagnostics.mlaMissing, d.mlaMissing),
      mlaUncited: severity(diagnostics.mlaUncited, d.mlaUncited),
      apaEtAl: severity(diagnostics.apaEtAl, d.apaEtAl),
      apaAmpersand: severity(diagnostics.apaAmpersand, d.apaAmpersand),
      apaOrderInParenthesis: severity(diagnostics.apaOrderInParenthesis, d.apaOrderInParenthesis),
      apaSuffix: severity(diagnostics.apaSuffix, d.apaSuffix),
      apaAbbreviation: severity(diagnostics.apaAbbreviation, d.apaAbbreviation),
      apaEtAlPeriod: severity(diagnostics.apaEtAlPeriod, d.apaEtAlPeriod),
      apaListOrder: severity(diagnostics.apaListOrder, d.apaListOrder),
      apaEntryParts: severity(diagnostics.apaEntryParts, d.apaEntryParts),
      apaDoiFormat: severity(diagnostics.apaDoiFormat, d.apaDoiFormat),
      apaSpelling: severity(diagnostics.apaSpelling, d.apaSpelling),
      numericMissing: severity(diagnostics.numericMissing, d.numericMissing),
      numericUncited: severity(diagnostics.numericUncited, d.numericUncited),
      ieeeOrder: severity(diagnostics.ieeeOrder, d.ieeeOrder),
    },
  };
}
