// Citation style selection: the setting, the front matter's `csl:` (which wins when it names a known style), and which
// APA rules each style runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { citationStyle, citationStyleIdOfCsl, styleOf } from '../../server/src/core/style/citationStyles';
import { findFrontMatterCsl } from '../../server/src/core/style/frontMatterCsl';
import { readSettings } from '../../server/src/settings';
import { defaultDiagnosticSettings, type CitationStyleId } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

test('a CSL file name picks the closest style', () => {
  const cases: [string, CitationStyleId][] = [
    ['apa.csl', 'apa7'],
    ['apa-6th-edition.csl', 'apa7'],
    ['styles/harvard-cite-them-right.csl', 'harvard'],
    ['elsevier-harvard.csl', 'harvard'],
    ['https://www.zotero.org/styles/chicago-author-date', 'chicago-author-date'],
    ['chicago-note-bibliography.csl', 'chicago-author-date'],
    ['modern-language-association.csl', 'mla9'],
    ['mla.csl', 'mla9'],
    ['IEEE.csl', 'ieee'],
    ['C:\\styles\\ieee-with-url.csl', 'ieee'],
    ['vancouver.csl', 'vancouver'],
    ['nature.csl', 'vancouver'],
    ['american-medical-association.csl', 'vancouver'],
    ['ama.csl', 'vancouver'],
    ['https://example.org/styles/ieee.csl?download=1', 'ieee'],
  ];
  for (const [path, id] of cases) assert.equal(citationStyleIdOfCsl(path), id, path);
});

test('a CSL file name close to no style picks nothing', () => {
  for (const path of ['amazing.csl', 'my-journal.csl', 'capa.csl', 'styles/apa/custom.csl', 'science.csl', '']) {
    assert.equal(citationStyleIdOfCsl(path), undefined, path);
  }
});

test('front matter csl is read from the first YAML block, quoted or not, with its span', () => {
  const f = parseFixture(dedent(`
    ---
    title: A paper
    csl: "styles/ieee.csl" # the journal's style
          ^^^^^^^^^^^^^^^
    ---
    Text.
  `));
  const found = findFrontMatterCsl(f.text)!;
  assert.equal(found.path, 'styles/ieee.csl');
  assert.deepEqual(found.span, f.ranges[0]);
  assert.equal(findFrontMatterCsl('---\ncsl: nature.csl\n---\n')!.path, 'nature.csl');
  assert.equal(findFrontMatterCsl("---\ncsl: 'apa.csl'\n...\n")!.path, 'apa.csl');
});

test('csl is not read outside the front matter, nested under another key, or without a value', () => {
  assert.equal(findFrontMatterCsl('Text first.\n---\ncsl: ieee.csl\n---\n'), undefined);
  assert.equal(findFrontMatterCsl('---\ntitle: x\n---\ncsl: ieee.csl\n'), undefined);
  assert.equal(findFrontMatterCsl('---\nformat:\n  html:\n    csl: ieee.csl\n---\n'), undefined);
  assert.equal(findFrontMatterCsl('---\ncsl:\n---\n'), undefined);
  assert.equal(findFrontMatterCsl('---\ncslx: ieee.csl\n---\n'), undefined);
});

test('the document style is the front matter csl when it is known, else the setting', () => {
  const ieeeDocument = analyse('---\ncsl: ieee.csl\n---\nText [1].\n', 'markdown', 1);
  assert.equal(styleOf(ieeeDocument.facts, 'apa7').id, 'ieee');
  const unknownCsl = analyse('---\ncsl: my-journal.csl\n---\nText.\n', 'markdown', 1);
  assert.equal(styleOf(unknownCsl.facts, 'harvard').id, 'harvard');
  const none = analyse('Text.\n', 'markdown', 1);
  assert.equal(styleOf(none.facts, 'vancouver').id, 'vancouver');
});

test('citewise.citationStyle is read, and a value that names no style falls back to APA 7', () => {
  assert.equal(readSettings({ citationStyle: 'ieee' }).citationStyle, 'ieee');
  assert.equal(readSettings({ citationStyle: 'chicago-author-date' }).citationStyle, 'chicago-author-date');
  assert.equal(readSettings({ citationStyle: 'IEEE ' }).citationStyle, 'apa7');
  assert.equal(readSettings({ citationStyle: 7 }).citationStyle, 'apa7');
  assert.equal(readSettings({}).citationStyle, 'apa7');
});

test('each style writes a citation the way completion would insert it', () => {
  const authorDate = (id: CitationStyleId) => {
    const style = citationStyle(id);
    assert.equal(style.citations, 'author-date');
    return style.citations === 'author-date' ? [style.cite('Qerimi', '2023', 'parenthetical'), style.cite('Qerimi', '2023', 'narrative')] : [];
  };
  assert.deepEqual(authorDate('apa7'), ['Qerimi, 2023', 'Qerimi (2023)']);
  assert.deepEqual(authorDate('harvard'), ['Qerimi 2023', 'Qerimi (2023)']);
  assert.deepEqual(authorDate('chicago-author-date'), ['Qerimi 2023', 'Qerimi (2023)']);
  const ieee = citationStyle('ieee');
  assert.equal(ieee.citations === 'numeric' && ieee.cite(3), '[3]');
  assert.equal(citationStyle('mla9').citations, 'author-page');
});

const LIST = dedent(`
  ## References

  Oke, T. R. (1982). The energetic basis of the urban heat island. *Quarterly Journal*, 108, 1–24.

  Nguyen, T., & Tran, H. (2020). Two authors. *Journal of Examples*, 4, 1–9.
`);

function codes(text: string, style?: CitationStyleId) {
  return diagnose(analyse(text, 'markdown', 1), defaultDiagnosticSettings, style).map((d) => [d.code, slice(text, d.span)]);
}

test('the APA rules run in APA 7 only; Harvard keeps the shared list-order rule', () => {
  const text = `Warm (Nguyen and Tran, 2020; Oke, 1982).\n\n${LIST}\n`;
  assert.ok(codes(text).some(([code]) => code === 'apa-ampersand'));
  assert.ok(codes(text, 'apa7').some(([code]) => code === 'apa-ampersand'));
  for (const style of ['harvard', 'chicago-author-date', 'mla9'] as const) {
    const found = codes(text, style);
    assert.ok(!found.some(([code]) => code === 'apa-ampersand' || code === 'apa-order-in-parenthesis'), style);
    assert.ok(found.some(([code]) => code === 'apa-list-order'), style);
  }
});

test('the front matter csl gates the APA rules even when the setting says APA 7', () => {
  const text = `---\ncsl: harvard-cite-them-right.csl\n---\nWarm (Nguyen and Tran, 2020; Oke, 1982).\n\n${LIST}\n`;
  assert.ok(!codes(text, 'apa7').some(([code]) => code === 'apa-ampersand'));
  const apaText = `---\ncsl: apa.csl\n---\nWarm (Nguyen and Tran, 2020; Oke, 1982).\n\n${LIST}\n`;
  assert.ok(codes(apaText, 'harvard').some(([code]) => code === 'apa-ampersand'));
});

test('author-date styles still report missing and uncited entries; numeric styles do not match authors to the list', () => {
  const text = `Warm (Oke, 1983).\n\n${LIST}\n`;
  const harvard = codes(text, 'harvard').map(([code]) => code);
  assert.ok(harvard.includes('missing-entry') && harvard.includes('uncited-entry'));
  const ieee = codes(text, 'ieee').map(([code]) => code);
  assert.ok(!ieee.includes('missing-entry') && !ieee.includes('uncited-entry'));
});
