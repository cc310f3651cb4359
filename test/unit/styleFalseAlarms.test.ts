// False alarms that the style findings on real documents (npm run eval) showed, each with the near miss that must
// still be reported: citations inside quotations, reference lists divided into sections, venues in author-page
// parentheses, and the wording of MLA messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { defaultDiagnosticSettings, type CitationStyleId } from '../../server/src/core/types';
import { insideQuotation } from '../../server/src/core/style/quotedText';
import { dedent, parseFixture, slice } from '../support/fixture';

const LIST = dedent(`
  ## References

  Delmonte, R., & Prati, A. M. (2014). SPARSAR. *Journal*, 1.

  Reddy, S., & Knight, K. (2011). Unsupervised discovery of rhyme schemes. *Proceedings*, 77–82.
`);

function findings(text: string, code: string, style: CitationStyleId = 'apa7') {
  return diagnose(analyse(text, 'markdown', 1), defaultDiagnosticSettings, style).filter((d) => d.code === code);
}

test('apa-ampersand: a citation quoted from another work is left as written; the same citation outside quotes is not', () => {
  const f = parseFixture(dedent(`
    As Kesarwani writes, “SPARSAR (Delmonte and Prati, 2014) studies poetry” and “Reddy & Knight (2011) find rhymes.”
                                   !!!!!!!!!!!!!!!!!!!!!!!!!                     !!!!!!!!!!!!!!!!!!!!!
    A straight quote: "SPARSAR (Delmonte and Prati, 2014) studies poetry." Not quoted: (Delmonte and Prati, 2014).
                                 !!!!!!!!!!!!!!!!!!!!!!!!!                                  ^^^^^^^^^^^^^^^^^^^^^^^^^
    After a closed quote “poetry” comes Reddy & Knight (2011), and a stray “ opens nothing: (Delmonte and Prati, 2014).
                                        ^^^^^^^^^^^^^^^^^^^^^                                ^^^^^^^^^^^^^^^^^^^^^^^^^
  `) + '\n\n' + LIST);
  const found = findings(f.text, 'apa-ampersand');
  const spans = found.map((d) => d.span);
  const covering = f.ranges.map((range) => spans.filter((span) => span.start >= range.start && span.end <= range.end).length);
  assert.deepEqual(covering, [1, 1, 1], 'each unquoted citation keeps its finding');
  assert.equal(found.length, 3);
  for (const negative of f.negatives) {
    assert.ok(!spans.some((span) => span.start < negative.end && negative.start < span.end), `nothing in "${slice(f.text, negative)}"`);
  }
});

test('a quotation ends at its paragraph: a mark left open there does not reach the next one', () => {
  const text = 'He said “open.\n\nThen (Delmonte and Prati, 2014) wrote” more.';
  const citation = text.indexOf('(Delmonte');
  assert.equal(insideQuotation(text, { start: citation, end: citation + 10 }), false);
  const quoted = 'He said “then (Delmonte and Prati, 2014) wrote” more.';
  const inside = quoted.indexOf('(Delmonte');
  assert.equal(insideQuotation(quoted, { start: inside, end: inside + 10 }), true);
});

test('apa-list-order: a list divided by headings is sorted within each section; disorder inside one is still found', () => {
  const text = dedent(`
    Nothing is cited here.

    ## References

    ### Primary sources

    Oke, T. R. (1982). Heat. *Journal*, 1.

    Petrova, A. (2016). Later. *Journal*, 1.

    ### Software

    Adams, B. (2018). A tool. *Journal*, 1.

    Zhao, C. (2014). Another tool. *Journal*, 1.

    Brown, C. (2010). Out of order in its section. *Journal*, 1.
  `);
  for (const style of ['apa7', 'harvard', 'chicago-author-date', 'mla9'] as const) {
    const found = findings(text, 'apa-list-order', style);
    assert.deepEqual(found.map((d) => d.message), ['The reference list is not in alphabetical order: Brown (2010) should come before Zhao (2014).'], style);
  }
});

test('apa-list-order: a list without headings is still one list', () => {
  const text = 'Nothing is cited here.\n\n## References\n\nOke, T. R. (1982). Heat. *Journal*, 1.\n\nAdams, B. (2018). A tool. *Journal*, 1.\n';
  assert.equal(findings(text, 'apa-list-order').length, 1);
});

const WORKS_CITED = dedent(`
  ## Works Cited

  Delmonte, Rodolfo. *Visualizing Poetry*. CLfL, 2015.

  McCurdy, Nina. *Poemage*. IEEE, 2016.
`);

test('MLA: a venue and its year in parentheses is no author-page citation; a surname with two capitals is', () => {
  const text = dedent(`
    Delmonte shows maps in a workshop paper (CLfL 2015), as McCurdy does (McCurdy 443) and (Delmonte 70).
    Rhymes are studied too (McKinley 12).
  `) + '\n' + WORKS_CITED;
  const missing = findings(text, 'mla-missing', 'mla9');
  assert.deepEqual(missing.map((d) => slice(text, d.span)), ['McKinley 12']);
  assert.deepEqual(findings(text, 'mla-uncited', 'mla9'), []);
});

test('MLA: a venue spelt like a Works Cited author is still a citation of that author', () => {
  const text = 'Maps (CLfL 2015).\n\n## Works Cited\n\nCLfL. *Proceedings of the Workshop*. ACL, 2015.\n';
  assert.deepEqual(findings(text, 'mla-missing', 'mla9'), []);
  assert.deepEqual(findings(text, 'mla-uncited', 'mla9'), []);
});

test('mla-missing: a name ending in "et al." is not followed by a second full stop', () => {
  const text = 'Images (Deng et al. 2009) and (Krishna 16).\n\n' + WORKS_CITED;
  assert.deepEqual(findings(text, 'mla-missing', 'mla9').map((d) => d.message), ['No Works Cited entry for Deng et al.', 'No Works Cited entry for Krishna.']);
});

test('mla-uncited: a citation read both as author-date and as a page after another named author still cites its entry', () => {
  // The page-only reading of "(2004)" takes the last listed first author before it, Levin; the author-date reading
  // finds Bajari's entry. Neither entry is uncited, and Bajari's entry counts the citation once.
  const text = dedent(`
    The method of Bajari, Benkard, and Levin (2004) is used, as Levin (2000) also notes.

    ## Works Cited

    Bajari, P., C. L. Benkard, and J. Levin (2004): "Estimating Dynamic Models." *Econometrica*, 75, 1331–1370.

    Levin, J. (2000): "Relational Contracts." *American Economic Review*, 93, 835–857.
  `);
  assert.deepEqual(findings(text, 'mla-uncited', 'mla9').map((d) => d.message), []);
});
