// The editor features under MLA 9: hover on a Works Cited entry counts author-page citations, and completion of a
// parenthetical citation leaves a placeholder for the page when the editor takes snippets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { hover } from '../../server/src/core/features/hover';
import { complete } from '../../server/src/core/features/completion';
import { dedent, parseFixture } from '../support/fixture';

const WORKS_CITED = dedent(`
  ## Works Cited

  Halbwachs, Maurice. *On Collective Memory*. University of Chicago Press, 1992.

  Morrison, Toni. *Beloved*. Knopf, 1987.

  Smith, John, and Mary $Jones. *Title Here*. Publisher, 2019.
`);

function hoverText(text: string, offset: number, style: 'mla9' | 'apa7' = 'mla9'): string | undefined {
  return hover(analyse(text, 'markdown', 1), offset, undefined, style)?.markdown;
}

test('hover on a Works Cited entry counts the author-page citations of it', () => {
  const text = 'Memory is social (Halbwachs 23). Halbwachs says more (45). Elsewhere (Halbwachs 7; Morrison 3).\n\n' + WORKS_CITED;
  const entry = (name: string) => text.indexOf(name, text.indexOf('## Works Cited')) + 2;
  assert.equal(hoverText(text, entry('Halbwachs, Maurice')), 'Cited 3 times in this document.');
  assert.equal(hoverText(text, entry('Morrison, Toni')), 'Cited once in this document.');
  assert.equal(hoverText(text, entry('Smith, John')), 'Not cited in this document.');
});

test('hover on a Works Cited entry: a parenthesis read as author-date and as author-page counts once', () => {
  // "(Morrison 1987)" is page 1987 to MLA and the year 1987 to an author-date reading; "Morrison (1987)" likewise.
  const text = 'Slavery (Morrison 1987). As Morrison (1987) shows.\n\n' + WORKS_CITED;
  const entry = text.indexOf('Morrison, Toni') + 2;
  assert.equal(hoverText(text, entry), 'Cited 2 times in this document.');
});

test('hover on an APA entry still counts author-date citations only', () => {
  const text = 'Memory (Halbwachs, 1992) and (Halbwachs 23).\n\n## References\n\nHalbwachs, M. (1992). *On collective memory*. University of Chicago Press.\n';
  assert.equal(hoverText(text, text.indexOf('Halbwachs, M.') + 2, 'apa7'), 'Cited once in this document.');
});

test('MLA completion in parentheses writes the author and a page placeholder when the editor takes snippets', () => {
  const f = parseFixture(dedent(`
    Memory is social (Halb
                          |
  `) + '\n' + WORKS_CITED);
  const analysis = analyse(f.text, 'markdown', 1);
  const [item] = complete(analysis, f.cursors[0], 'mla9', { snippets: true })!.items;
  assert.deepEqual([item.label, item.insertText, item.snippet], ['Halbwachs', 'Halbwachs ${1:page}', true]);
  const [plain] = complete(analysis, f.cursors[0], 'mla9', { snippets: false })!.items;
  assert.deepEqual([plain.insertText, plain.snippet], ['Halbwachs', undefined], 'without snippets, the author alone');
});

test('MLA completion escapes snippet syntax in names; running text and APA get no placeholder', () => {
  const text = 'Memory is social (Smi\n\n' + WORKS_CITED;
  const analysis = analyse(text, 'markdown', 1);
  const [item] = complete(analysis, text.indexOf('(Smi') + 4, 'mla9', { snippets: true })!.items;
  assert.equal(item.insertText, 'Smith and \\$Jones ${1:page}');
  const narrative = 'As Smi\n\n' + WORKS_CITED;
  const running = complete(analyse(narrative, 'markdown', 1), narrative.indexOf('Smi') + 3, 'mla9', { snippets: true });
  assert.ok(running === undefined || running.items.every((i) => !i.snippet), 'a narrative citation leaves the page for later');
  const apa = complete(analysis, text.indexOf('(Smi') + 4, 'apa7', { snippets: true })!.items[0];
  assert.equal(apa.snippet, undefined);
  assert.doesNotMatch(apa.insertText, /\$\{1/);
});
