// Where the README explains each diagnostic code, for the link an editor shows beside a diagnostic. The README ships in
// the package root, one folder above the bundled server (dist/server.js); without it no link is given.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Codes explained together under one README heading, by that heading's anchor (GitHub's slug of the heading). */
const SHARED_SECTIONS: Record<string, string> = {
  'bibliography-not-found': 'bibliography-not-found-bibliography-not-read',
  'bibliography-not-read': 'bibliography-not-found-bibliography-not-read',
  'numeric-missing': 'numeric-style-checks-ieee-vancouver',
  'numeric-uncited': 'numeric-style-checks-ieee-vancouver',
  'ieee-order': 'numeric-style-checks-ieee-vancouver',
  'chicago-et-al': 'citation-styles',
  'mla-missing': 'citation-styles',
  'mla-uncited': 'citation-styles',
};

/** The APA rules are listed under one heading, "APA 7 style checks". */
const APA_SECTION = 'apa-7-style-checks';

export function readmeAnchor(code: string): string {
  return SHARED_SECTIONS[code] ?? (code.startsWith('apa-') ? APA_SECTION : code);
}

/** The link for a code, or undefined when the README is not beside the server. */
export type HelpLink = (code: string) => string | undefined;

/** Looks for the README once: a server started from elsewhere (a checkout's build, another package) may lack it. */
export function readmeHelp(serverFolder: string = __dirname): HelpLink {
  const readme = path.join(serverFolder, '..', 'README.md');
  if (!existsSync(readme)) return () => undefined;
  const base = pathToFileURL(readme).toString();
  return (code) => `${base}#${readmeAnchor(code)}`;
}
