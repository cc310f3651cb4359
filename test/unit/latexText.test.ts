import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latexToUnicode, latexVerbatim } from '../../server/src/core/syntax/bib/latexText';

const decodings: [string, string][] = [
  ["\\'e \\'{e} {\\'e} \\' e", 'é é é é'],
  ['\\"o \\^o \\`a \\~n', 'ö ô à ñ'],
  ['\\c{c} \\c c \\v{s} \\u{a} \\H{o} \\k{a} \\=a \\.z \\r{u}', 'ç ç š ă ő ą ā ż ů'],
  ["{\\'\\i}, \\'{\\i}, \\^{\\i}", 'í, í, î'],
  ['\\ss{} \\o{} \\O{} \\ae{} \\AE{} \\l{} \\L{} \\i{} \\aa{} \\AA{} \\oe{}', 'ß ø Ø æ Æ ł Ł ı å Å œ'],
  ['Stra\\ss e', 'Straße'],
  ['pages 1--2, a---b', 'pages 1–2, a—b'],
  ['J.~Amer. Math.', 'J. Amer. Math.'],
  ['\\& \\% \\$ \\_ \\#', '& % $ _ #'],
  ['\\textit{x} \\emph{y} \\textbf{z} {\\em w}', 'x y z w'],
  ['\\enquote{quoted} and \\enquote*{single}', '“quoted” and ‘single’'],
  ['\\enquote{outer \\enquote{inner}}', '“outer ‘inner’”'],
  ['``Quoted\'\' text', '“Quoted” text'],
  ['\\unknowncommand{kept} text', 'kept text'],
  ['{{AIOCJ}: A Choreographic Framework}', 'AIOCJ: A Choreographic Framework'],
  ['The {AAAI} {Press}', 'The AAAI Press'],
  ['\\~{} and \\^{}', '~ and ^'],
  ['$\\alpha$-approximation', 'α-approximation'],
  ['  spaces \n\t collapse  ', 'spaces collapse'],
  // Decomposed input is composed: "e" followed by a combining acute accent.
  ['Caf\u0065\u0301', 'Café'],
];

for (const [latex, expected] of decodings) {
  test(`latexToUnicode: ${JSON.stringify(latex)}`, () => {
    assert.equal(latexToUnicode(latex), expected);
  });
}

test('latexToUnicode: names of object properties are not commands', () => {
  assert.equal(latexToUnicode('\\constructor \\toString{x} \\hasOwnProperty'), 'x');
});

test('latexToUnicode: broken input gives text, never an exception', () => {
  for (const latex of ['\\', '{', '}}}', "\\'", '\\c', '\\enquote{', '\u0000\uFFFD\ud800', '{'.repeat(100_000), '\\enquote{'.repeat(20_000)]) {
    assert.equal(typeof latexToUnicode(latex), 'string');
  }
});

test('latexVerbatim keeps dashes and tildes of addresses and drops escapes', () => {
  assert.equal(latexVerbatim('https://example.org/~user/a--b\\_c\\%20'), 'https://example.org/~user/a--b_c%20');
  assert.equal(latexVerbatim('{10.1016/S0169-7552(98)00110-X}'), '10.1016/S0169-7552(98)00110-X');
});
