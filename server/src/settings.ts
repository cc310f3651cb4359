// Reads the user's settings (the `citewise` section) into the plain values the core takes, with defaults for anything
// missing or malformed.

import { defaultDiagnosticSettings, type DiagnosticSettings, type Severity } from './core/types';

export interface Settings {
  languages: string[];
  diagnostics: DiagnosticSettings;
}

export const defaultLanguages = ['markdown', 'plaintext', 'quarto', 'rmd', 'restructuredtext', 'latex'];

export const defaultSettings: Settings = { languages: defaultLanguages, diagnostics: defaultDiagnosticSettings };

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint', 'off'];

function severity(value: unknown, fallback: Severity): Severity {
  return typeof value === 'string' && (SEVERITIES as string[]).includes(value) ? (value as Severity) : fallback;
}

export function readSettings(raw: unknown): Settings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const diagnostics = (section.diagnostics && typeof section.diagnostics === 'object' ? section.diagnostics : {}) as Record<string, unknown>;
  const languages = Array.isArray(section.languages) ? section.languages.filter((l): l is string => typeof l === 'string') : defaultLanguages;
  const d = defaultDiagnosticSettings;
  return {
    languages,
    diagnostics: {
      missingEntry: severity(diagnostics.missingEntry, d.missingEntry),
      uncitedEntry: severity(diagnostics.uncitedEntry, d.uncitedEntry),
      ambiguousEntry: severity(diagnostics.ambiguousEntry, d.ambiguousEntry),
      unparsedEntry: severity(diagnostics.unparsedEntry, d.unparsedEntry),
    },
  };
}
