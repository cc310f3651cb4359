// Masking: what the citation scanners see of a document. Code, math, comments, front matter, link destinations, URLs and
// e-mail addresses turn into spaces; line breaks and every other character stay where they were.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskNonProse, type DocumentLanguage } from '../../server/src/core/syntax/mask';

/** The text as the mask leaves it when all of it is blanked. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

function assertMask(language: DocumentLanguage, parts: { kept?: string; blanked?: string }[]): void {
  const text = parts.map((part) => part.kept ?? part.blanked).join('');
  const expected = parts.map((part) => part.kept ?? blank(part.blanked!)).join('');
  assert.equal(maskNonProse(text, language), expected);
}

test('fenced code is blanked up to a closing fence of the same marker, at least as long', () => {
  assertMask('markdown', [
    { kept: 'As shown (Doe, 2000):\n\n' },
    { blanked: '````js\nconst x = "(Roe, 2001)";\n```\n~~~\n````' },
    { kept: '\nafter (Poe, 2002).\n' },
  ]);
});

test('a fence that is never closed blanks the rest of the document', () => {
  assertMask('markdown', [{ kept: 'Prose (Doe, 2000).\n' }, { blanked: '~~~\ncode (Roe, 2001)\n' }]);
});

test('a fence indented four spaces or followed by text on its closing line does not count', () => {
  assertMask('markdown', [
    { kept: 'Prose.\n    ~~~\nstill prose (Doe, 2000)\n' },
    { blanked: '```\ncode\n``` not a close\n```' },
    { kept: '\nprose again\n' },
  ]);
});

test('fences and display math are found far into a long document, with CRLF line breaks', () => {
  const prose = 'A sentence of prose (Doe, 2000).\r\n'.repeat(2000);
  assertMask('markdown', [
    { kept: prose },
    { blanked: '```\r\ncode\r\n```' },
    { kept: '\r\n' + prose },
    { blanked: '$$\r\nx^2\r\n$$' },
    { kept: '\r\nend\r\n' },
  ]);
});

test('display math is blanked from its line to the closing "$$", and the scan goes on after it', () => {
  assertMask('markdown', [
    { kept: 'Before.\n' },
    { blanked: '$$ a = b\nc $$' },
    { kept: ' (Doe, 2000)\n' },
    { blanked: '  $$x$$' },
    { kept: '\n' },
  ]);
});

test('front matter is blanked: YAML closed by "---" or "...", TOML by "+++"', () => {
  assertMask('markdown', [{ blanked: '---\ntitle: (Doe, 2000)\n...' }, { kept: '\nBody.\n' }]);
  assertMask('markdown', [{ blanked: '+++\ntitle = "x"\n+++' }, { kept: '\nBody.\n' }]);
  assertMask('markdown', [{ kept: '---\ntitle: never closed\n' }]);
});

test('inline code is blanked up to a run of as many backticks, not past a blank line', () => {
  assertMask('markdown', [
    { kept: 'Run ' },
    { blanked: '``a ` b``' },
    { kept: ' and ' },
    { blanked: '`c`' },
    { kept: ', but `open\n\nnever closed` (Doe, 2000).\n' },
  ]);
});

test('a backtick inside fenced code opens no inline code', () => {
  assertMask('markdown', [{ blanked: '```\n`\n```' }, { kept: '\nProse (Doe, 2000) and a lone ` tick.\n' }]);
});

test('link destinations are blanked with their balanced parentheses; escaped parentheses become plain', () => {
  assertMask('markdown', [
    { kept: 'See [the page]' },
    { blanked: '(a_(b))' },
    { kept: ' ' },
    { blanked: '\\' },
    { kept: '(Doe, 2000' },
    { blanked: '\\' },
    { kept: ') and ' },
    { blanked: '`\\(`' },
    { kept: '.\n' },
  ]);
});

test('URLs, e-mail addresses and HTML comments are blanked in every language', () => {
  for (const language of ['markdown', 'latex', 'restructuredtext', 'plaintext'] as const) {
    assertMask(language, [
      { kept: 'Mail ' },
      { blanked: 'doe@example.org' },
      { kept: ', see ' },
      { blanked: 'https://example.org/a_(b)' },
      { kept: '. ' },
      { blanked: '<!-- (Roe, 2001) -->' },
      { kept: ' (Doe, 2000)\n' },
    ]);
  }
});

test('LaTeX comments are blanked to the end of their line unless the percent sign is escaped', () => {
  assertMask('latex', [
    { kept: 'Rate of 5\\% (Doe, 2000) ' },
    { blanked: '% (Roe, 2001)' },
    { kept: '\n\\\\' },
    { blanked: '% comment' },
    { kept: '\n' },
    { blanked: '\\begin{verbatim}\n(Poe, 2002)\n\\end{verbatim}' },
    { kept: '\n' },
  ]);
});

test('reStructuredText literal blocks, code directives and inline literals are blanked', () => {
  assertMask('restructuredtext', [
    { kept: 'Example::\n' },
    { blanked: '\n    (Roe, 2001)\n    more' },
    { kept: '\nProse ' },
    { blanked: '``(Poe, 2002)``' },
    { kept: ' (Doe, 2000).\n' },
    { blanked: '.. code:: python\n\n    x = 1' },
    { kept: '\n' },
  ]);
});
