// The `csl:` key of a document's YAML front matter (pandoc, Quarto, R Markdown), which names the CSL style the
// document is rendered with: "csl: ieee.csl", "csl: 'styles/apa.csl'", "csl: https://www.zotero.org/styles/nature".

import type { NamedCslStyle } from '../types';

/** Front matter longer than this many lines is not read to its end, so a document without a closing fence stays cheap. */
const FRONT_MATTER_LINES = 300;

const CSL_KEY = /^csl[ \t]*:[ \t]*/;

export function findFrontMatterCsl(text: string): NamedCslStyle | undefined {
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  let lineStart = text.indexOf('\n') + 1;
  for (let line = 0; line < FRONT_MATTER_LINES && lineStart > 0 && lineStart < text.length; line++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const content = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(content)) return undefined;
    const key = CSL_KEY.exec(content);
    if (key) return cslValue(content, lineStart + key[0].length, key[0].length);
    lineStart = newline + 1;
  }
  return undefined;
}

/** The value after the key: quoted, or bare up to a comment. */
function cslValue(line: string, valueStart: number, column: number): NamedCslStyle | undefined {
  const rest = line.slice(column);
  const quoted = /^(["'])(.*?)\1/.exec(rest);
  const value = quoted ? quoted[2] : rest.replace(/[ \t]+#.*$/, '').trimEnd();
  if (!value) return undefined;
  const start = valueStart + (quoted ? 1 : 0);
  return { path: value, span: { start, end: start + value.length } };
}
