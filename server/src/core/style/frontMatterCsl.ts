// The `csl:` key of a document's YAML front matter (pandoc, Quarto, R Markdown), which names the CSL style the
// document is rendered with: "csl: ieee.csl", "csl: 'styles/apa.csl'", "csl: https://www.zotero.org/styles/nature".

import type { NamedCslStyle } from '../types';
import { findFrontMatter } from '../syntax/frontMatter';

const CSL_KEY = /^csl[ \t]*:[ \t]*/;

export function findFrontMatterCsl(text: string): NamedCslStyle | undefined {
  const frontMatter = findFrontMatter(text);
  if (frontMatter?.format !== 'yaml') return undefined;
  for (const line of frontMatter.lines) {
    const key = CSL_KEY.exec(line.text);
    if (key) return cslValue(line.text, line.start + key[0].length, key[0].length);
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
