// APA 7 style rules on small documents: marked ranges (^^^) must be reported and near misses (!!!) must not. Each quick
// fix is applied and the document analysed again: the rule's diagnostic is gone and only the edited text changed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose, type CoreDiagnostic } from '../../server/src/core/features/diagnostics';
import { quickFixes, type QuickFix, type TextEdit } from '../../server/src/core/features/codeActions';
import { mergeBibliography } from '../../server/src/core/index/bibliography';
import { defaultDiagnosticSettings, type PersonName, type ReferenceEntry } from '../../server/src/core/types';
import { dedent, parseFixture, slice } from '../support/fixture';

const LIST = dedent(`
  ## References

  Adams, B. (2018). Adams alone. *Journal of Examples*, 1, 1–2.

  Müller, A., & Tran, H. (2012). Two authors. *Journal of Examples*, 3, 1–9.

  Nguyen, T., & Tran, H. (2020). Two more authors. *Journal of Examples*, 4, 1–9.

  Oke, T. R. (1982). The energetic basis of the urban heat island. *Quarterly Journal*, 108, 1–24.

  World Health Organization. (2018). A report. *Reports*, 1.

  World Health Organization. (2019). Another report. *Reports*, 2.

  Ziter, C. D., Pedersen, E. J., & Kucharik, C. J. (2019). Three authors. *PNAS*, 116, 7575–7580.
`);

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

function diagnosticsOf(text: string, code: string): CoreDiagnostic[] {
  return diagnose(analyse(text, 'markdown', 1), defaultDiagnosticSettings).filter((d) => d.code === code);
}

/** Checks that the rule reports exactly the ranges marked '^' in the prose (above the list) and none marked '!'. */
function expectFindings(code: string, prose: string, list = LIST) {
  const f = parseFixture(dedent(prose));
  const text = `${f.text}\n\n${list}\n`;
  // Findings in the reference list are checked by the tests of the list rules.
  const found = diagnosticsOf(text, code).filter((d) => d.span.start < f.text.length);
  assert.deepEqual(found.map((d) => slice(text, d.span)), f.ranges.map((r) => slice(text, r)), 'the marked ranges are reported');
  assert.deepEqual(found.map((d) => d.span), f.ranges);
  for (const negative of f.negatives) {
    assert.ok(!found.some((d) => d.span.start < negative.end && negative.start < d.span.end), `no ${code} at "${slice(text, negative)}"`);
  }
  return { text, found };
}

/** Applies the fix of the rule's first diagnostic in `text` and returns the text after it. */
function fixFirst(code: string, text: string): { after: string; fix: QuickFix } {
  const [diagnostic] = diagnosticsOf(text, code);
  assert.ok(diagnostic, `a ${code} diagnostic is reported`);
  const fix = quickFixes(analyse(text, 'markdown', 1), diagnostic.span).find((f) => f.code === code);
  assert.ok(fix, `a fix for ${code} is offered`);
  assert.deepEqual(fix.diagnosticSpan, diagnostic.span);
  const after = apply(text, fix.edits);
  const first = Math.min(...fix.edits.map((e) => e.span.start));
  const last = Math.max(...fix.edits.map((e) => e.span.end));
  assert.equal(after.slice(0, first), text.slice(0, first), 'the text before the edits is unchanged');
  assert.equal(after.slice(after.length - (text.length - last)), text.slice(last), 'the text after the edits is unchanged');
  return { after, fix };
}

/** The fixed prose must read `expected` and the rule must be silent on it. */
function expectFix(code: string, prose: string, expected: string, list = LIST) {
  const text = `${prose}\n\n${list}\n`;
  const { after } = fixFirst(code, text);
  assert.equal(after, `${expected}\n\n${list}\n`);
  assert.deepEqual(diagnosticsOf(after, code).filter((d) => d.span.start < expected.length), [], `no ${code} after the fix`);
}

// ---------------------------------------------------------------------------------------------------------------------
// apa-et-al

test('apa-et-al: "et al." for a two-author work, and all names of a three-author work', () => {
  expectFindings('apa-et-al', `
    Warm (Müller et al., 2012), as Ziter, Pedersen, and Kucharik (2019) found; Müller et al. (2012) agree.
          ^^^^^^^^^^^^^            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^               ^^^^^^^^^^^^^
    Fine: Ziter et al. (2019), (Ziter et al., 2019), Müller and Tran (2012), Smith et al. (2019) without an entry.
          !!!!!!!!!!!!!!!!!!!   !!!!!!!!!!!!!!!!!!   !!!!!!!!!!!!!!!!!!!!!!  !!!!!!!!!!!!!!!!!!
  `);
});

test('apa-et-al: the fixes name both authors with the right connector, or cut to "et al."', () => {
  expectFix('apa-et-al', 'Warm (Müller et al., 2012).', 'Warm (Müller & Tran, 2012).');
  expectFix('apa-et-al', 'As Müller et al. (2012) say.', 'As Müller and Tran (2012) say.');
  expectFix('apa-et-al', 'As Ziter, Pedersen, and Kucharik (2019) say.', 'As Ziter et al. (2019) say.');
  expectFix('apa-et-al', 'Warm (Ziter, Pedersen, & Kucharik, 2019).', 'Warm (Ziter et al., 2019).');
});

// ---------------------------------------------------------------------------------------------------------------------
// apa-ampersand

test('apa-ampersand: "and" inside parentheses, "&" in running text', () => {
  expectFindings('apa-ampersand', `
    Warm (Nguyen and Tran, 2020), and Nguyen & Tran (2020) agree, as do (Ziter, Pedersen, and Kucharik, 2019).
                 ^^^                         ^                                            ^^^
    Fine: (Nguyen & Tran, 2020), Nguyen and Tran (2020), ("Pride and Prejudice", 2020), (Centers for Disease Control and Prevention, 2020).
           !!!!!!!!!!!!!!!!!!!   !!!!!!!!!!!!!!!!!!!!!!   !!!!!!!!!!!!!!!!!!!!!!!!!!!    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
  `);
});

test('apa-ampersand: the fix replaces the connector only', () => {
  expectFix('apa-ampersand', 'Warm (Nguyen and Tran, 2020).', 'Warm (Nguyen & Tran, 2020).');
  expectFix('apa-ampersand', "As Nguyen & Tran's (2020) study shows.", "As Nguyen and Tran's (2020) study shows.");
});

// ---------------------------------------------------------------------------------------------------------------------
// apa-order-in-parenthesis

test('apa-order-in-parenthesis: works out of list order, and years of one author out of date order', () => {
  expectFindings('apa-order-in-parenthesis', `
    Warm (Oke, 1982; Adams, 2018). Also (World Health Organization, 2019, 2018) and (Smith, in press, n.d.).
                     ^^^^^^^^^^^                                          ^^^^                        ^^^^
    Fine: (Adams, 2018; Oke, 1982), (Oke, 1982), (Smith, n.d., 2019a, 2019b, in press), (Brown, 2019; Browning, 2001).
          !!!!!!!!!!!!!!!!!!!!!!!!  !!!!!!!!!!!  !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!  !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
    Fine: (Oke, 1982; see also Adams, 2018), (Rogers, 1961, as cited in Adams, 2018).
          !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!  !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
  `);
});

test('apa-order-in-parenthesis: the fix moves whole works with their locators and keeps the prefix in front', () => {
  expectFix('apa-order-in-parenthesis', 'Warm (Oke, 1982; Adams, 2018).', 'Warm (Adams, 2018; Oke, 1982).');
  expectFix('apa-order-in-parenthesis', 'Warm (see Oke, 1982, p. 4; Adams, 2018).', 'Warm (see Adams, 2018; Oke, 1982, p. 4).');
  expectFix(
    'apa-order-in-parenthesis',
    'Warm (Oke, 1982; see also Nguyen & Tran, 2020; Adams, 2018).',
    'Warm (Oke, 1982; see also Adams, 2018; Nguyen & Tran, 2020).',
  );
  expectFix('apa-order-in-parenthesis', 'Warm (Ziter et al., 2019; World Health Organization, 2018, 2019).', 'Warm (World Health Organization, 2018, 2019; Ziter et al., 2019).');
  expectFix('apa-order-in-parenthesis', 'Warm (World Health Organization, 2019, 2018).', 'Warm (World Health Organization, 2018, 2019).');
});

test('apa-order-in-parenthesis: no fix when a work is a link, whose brackets belong to its surroundings', () => {
  const text = `Warm ([Oke, 1982](https://example.org/a); [Adams, 2018](https://example.org/b)).\n\n${LIST}\n`;
  const found = diagnosticsOf(text, 'apa-order-in-parenthesis');
  for (const d of found) {
    assert.equal(quickFixes(analyse(text, 'markdown', 1), d.span).filter((f) => f.code === 'apa-order-in-parenthesis').length, 0);
  }
});

// ---------------------------------------------------------------------------------------------------------------------
// apa-suffix

const SUFFIXED = dedent(`
  ## References

  Kim, J. (2015a). A lone suffixed work. *Journal*, 1.

  Li, H. (2018a). First. *Journal*, 1.

  Li, H. (2018b). Second. *Journal*, 2.

  Warton, D. I., Blanchet, F. G., & Hara, R. B. (2015a). One. *Journal*, 1.

  Warton, D. I., Foster, S. D., & Dunstan, P. (2015b). Two. *Journal*, 2.
`);

test('apa-suffix: a citation without the suffix of its one entry, and an entry with a needless suffix', () => {
  expectFindings('apa-suffix', `
    Kim (2015) and (Li, 2018a; Li, 2018b; Warton et al., 2015a; Warton et al., 2015b). Kim (2015a) is fine.
         ^^^^                                                                           !!!!!!!!!!!
    The year alone (Li, 2018) matches two entries: that is ambiguous-entry, not this rule.
                    !!!!!!!!
  `, SUFFIXED);
  const text = `Kim (2015a), (Li, 2018a; Li, 2018b; Warton et al., 2015a; Warton et al., 2015b).\n\n${SUFFIXED}\n`;
  assert.deepEqual(diagnosticsOf(text, 'apa-suffix').map((d) => slice(text, d.span)), ['Kim, J. (2015a). A lone suffixed work. *Journal*, 1.']);
  expectFix('apa-suffix', 'Kim (2015) says.', 'Kim (2015a) says.', SUFFIXED);
});

// ---------------------------------------------------------------------------------------------------------------------
// apa-abbreviation

test('apa-abbreviation: defined twice, used before its definition, long name written again', () => {
  expectFindings('apa-abbreviation', `
    First (World Health Organization [WHO], 2018), again (World Health Organization [WHO], 2019).
                                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  `);
  expectFindings('apa-abbreviation', `
    Early (WHO, 2019), then World Health Organization (WHO, 2018), later (World Health Organization, 2019).
           ^^^                                                            ^^^^^^^^^^^^^^^^^^^^^^^^^
  `);
  expectFindings('apa-abbreviation', `
    Fine: World Health Organization (WHO, 2018), then (WHO, 2019) and WHO (2019).
          !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!      !!!!!!!!!     !!!!!!!!!!
  `);
});

test('apa-abbreviation: the fixes write the short form, or move the definition to the first use', () => {
  expectFix('apa-abbreviation', 'First (World Health Organization [WHO], 2018), then (World Health Organization [WHO], 2019).', 'First (World Health Organization [WHO], 2018), then (WHO, 2019).');
  expectFix('apa-abbreviation', 'First World Health Organization (WHO, 2018), then (World Health Organization, 2019).', 'First World Health Organization (WHO, 2018), then (WHO, 2019).');
  expectFix(
    'apa-abbreviation',
    'First (Centers for Disease Control and Prevention [CDC], 2018), then Centers for Disease Control and Prevention (CDC, 2019).',
    'First (Centers for Disease Control and Prevention [CDC], 2018), then CDC (2019).',
  );
  expectFix('apa-abbreviation', 'First (WHO, 2019), then World Health Organization (WHO, 2018).', 'First (World Health Organization [WHO], 2019), then WHO (2018).');
  expectFix(
    'apa-abbreviation',
    'As CDC (2019) says, and later (Centers for Disease Control and Prevention [CDC], 2018).',
    'As Centers for Disease Control and Prevention (CDC, 2019) says, and later (CDC, 2018).',
  );
});

// ---------------------------------------------------------------------------------------------------------------------
// apa-et-al-period

test('apa-et-al-period: "et al" without its full stop, or with one after "et"', () => {
  expectFindings('apa-et-al-period', `
    Warm (Ziter et al, 2019), as Ziter et. al. (2019) say. Fine: Ziter et al. (2019), (Ziter et al., 2019).
                ^^^^^                  ^^^^^^^                         !!!!!!                !!!!!!
  `);
  expectFix('apa-et-al-period', 'Warm (Ziter et al, 2019).', 'Warm (Ziter et al., 2019).');
  expectFix('apa-et-al-period', 'As Ziter et. al. (2019) say.', 'As Ziter et al. (2019) say.');
});

// ---------------------------------------------------------------------------------------------------------------------
// apa-spelling

test('apa-spelling: a cited name that differs from its entry in diacritics or punctuation', () => {
  expectFindings('apa-spelling', `
    As Muller and Tran (2012) say (Muller & Tran, 2012). Fine: Müller and Tran (2012), MÜLLER and Tran (2012).
       ^^^^^^                      ^^^^^^                      !!!!!!!!!!!!!!!!!!!!!!  !!!!!!!!!!!!!!!!!!!!!!
  `);
  expectFix('apa-spelling', 'As Muller and Tran (2012) say.', 'As Müller and Tran (2012) say.');
});

// ---------------------------------------------------------------------------------------------------------------------
// The reference list rules

function listDiagnostics(code: string, list: string) {
  const text = `Nothing cited here.\n\n## References\n\n${dedent(list)}\n`;
  return { text, found: diagnosticsOf(text, code) };
}

test('apa-list-order: the first entry out of order is reported, naming where it belongs', () => {
  const { text, found } = listDiagnostics('apa-list-order', `
    Oke, T. R. (1982). Heat. *Journal*, 1.

    Adams, B. (2018). Alone. *Journal*, 1.

    Petrova, A. (2016). Later. *Journal*, 1.

    Brown, C. (2010). Also out of order. *Journal*, 1.
  `);
  assert.deepEqual(found.map((d) => [slice(text, d.span), d.message]), [
    ['Adams, B. (2018). Alone. *Journal*, 1.', 'The reference list is not in alphabetical order: Adams (2018) should come before Oke (1982).'],
  ]);
});

test('apa-list-order: an ordered list is silent (particles written first, nothing before something, n.d. first, in press last)', () => {
  const { found } = listDiagnostics('apa-list-order', `
    Boogard, A. van den. (2001). Particle after the name. *Journal*, 1.

    Brown, C. (2010). Brown. *Journal*, 1.

    Browning, A. (2001). Browning. *Journal*, 1.

    Smith, J. (n.d.). Undated. *Journal*, 1.

    Smith, J. (2019a). First. *Journal*, 1.

    Smith, J. (2019b). Second. *Journal*, 1.

    Smith, J. (in press). Forthcoming. *Journal*, 1.

    Smith, J., & Adams, B. (2001). With a co-author. *Journal*, 1.

    Taylor, J. (2020). J before M. *Journal*, 1.

    Taylor, M. (2001). M after J. *Journal*, 1.

    van den Boogard, A. (2001). Particle first. *Journal*, 1.
  `);
  assert.deepEqual(found, []);
});

test('apa-list-order: the fix sorts whole entries and keeps the text between them', () => {
  const list = '- Oke, T. R. (1982). Heat. *Journal*, 1.\n- Adams, B. (2018). Alone.\n  *Journal*, 1.\n- Brown, C. (2010). Brown. *Journal*, 1.';
  const text = `Nothing cited here.\n\n## References\n\n${list}\n`;
  const { after } = fixFirst('apa-list-order', text);
  assert.equal(after, text.replace(list, '- Adams, B. (2018). Alone.\n  *Journal*, 1.\n- Brown, C. (2010). Brown. *Journal*, 1.\n- Oke, T. R. (1982). Heat. *Journal*, 1.'));
  assert.deepEqual(diagnosticsOf(after, 'apa-list-order'), []);
});

test('apa-list-order: no fix when entries repeat the previous authors with dashes', () => {
  const { text, found } = listDiagnostics('apa-list-order', `
    Oke, T. R. (1982). Heat. *Journal*, 1.

    ———. (1983). More heat. *Journal*, 2.

    Adams, B. (2018). Alone. *Journal*, 1.
  `);
  assert.equal(found.length, 1);
  assert.deepEqual(quickFixes(analyse(text, 'markdown', 1), found[0].span).filter((f) => f.code === 'apa-list-order'), []);
});

test('apa-entry-parts: an entry that stops after its date; a link after the date is left alone', () => {
  const { text, found } = listDiagnostics('apa-entry-parts', `
    Adams, B. (2018).

    Brown, C. (2010). <https://example.org/page>

    Oke, T. R. (1982). The energetic basis of the urban heat island. *Quarterly Journal*, 108, 1–24.

    Petrova, A. No date here. *Journal*, 1.
  `);
  assert.deepEqual(found.map((d) => slice(text, d.span)), ['Adams, B. (2018).']);
});

test('apa-doi-format: DOIs not written as https://doi.org/ links, and the fix', () => {
  const { text, found } = listDiagnostics('apa-doi-format', `
    Adams, B. (2018). Alone. *Journal*, 1. doi:10.1000/abc123

    Brown, C. (2010). Brown. *Journal*, 1. DOI: 10.1000/def456.

    Kim, J. (2011). Kim. *Journal*, 1. http://dx.doi.org/10.1000/ghi789

    Li, H. (2012). Li. *Journal*, 1. 10.1000/jkl012

    Oke, T. R. (1982). Heat. *Journal*, 1. https://doi.org/10.1002/qj.49710845502

    Petrova, A. (2016). Publisher link. *Journal*, 1. https://journals.example.com/doi/10.1002/abc.123
  `);
  assert.deepEqual(found.map((d) => slice(text, d.span)), ['doi:10.1000/abc123', 'DOI: 10.1000/def456', 'http://dx.doi.org/10.1000/ghi789', '10.1000/jkl012']);
  const { after } = fixFirst('apa-doi-format', text);
  assert.equal(after, text.replace('doi:10.1000/abc123', 'https://doi.org/10.1000/abc123'));
  const fixedBrown = apply(text, quickFixes(analyse(text, 'markdown', 1), found[1].span).find((f) => f.code === 'apa-doi-format')!.edits);
  assert.equal(fixedBrown, text.replace('DOI: 10.1000/def456.', 'https://doi.org/10.1000/def456.'));
});

test('apa-doi-format: an entry with its DOI as a link is still checked for the DOI written again, or before the link', () => {
  const { text, found } = listDiagnostics('apa-doi-format', `
    Adams, B. (2018). Alone. *Journal*, 1. https://doi.org/10.1000/abc123 (doi:10.1000/abc123)

    Brown, C. (2010). Brown. *Journal*, 10. 10.1000/def456 https://doi.org/10.1000/def456

    Kim, J. (2011). Kim. *Journal*, 10.5. https://doi.org/10.1000/ghi789
  `);
  assert.deepEqual(found.map((d) => slice(text, d.span)), ['doi:10.1000/abc123', '10.1000/def456']);
});

test('the list rules judge only the typed list; the citation rules also judge works found in bibliography files', () => {
  const entry = (key: string, authors: PersonName[], year: number): ReferenceEntry => ({
    id: `file:///r.bib#${key}`, source: 'file:///r.bib', key, span: { start: 0, end: 5 }, text: `doi:10.1000/${key}`, doi: `10.1000/${key}`,
    authors, date: { text: String(year), year }, title: key, problems: [],
  });
  const entries = [entry('oke1982', [{ family: 'Oke' }], 1982), entry('muller2012', [{ family: 'Müller' }, { family: 'Tran' }], 2012)];
  const bibliography = mergeBibliography([{ source: 'file:///r.bib', version: '1', entries, problems: [] }]);
  const text = 'Warm (Muller et al., 2012).\n';
  const found = diagnose(analyse(text, 'markdown', 1, bibliography), defaultDiagnosticSettings).filter((d) => d.code.startsWith('apa-'));
  assert.deepEqual(found.map((d) => [d.code, slice(text, d.span)]), [
    ['apa-et-al', 'Muller et al.'],
    ['apa-spelling', 'Muller'],
  ]);
});

test('every APA rule is silenced by its setting', () => {
  const text = `Warm (Oke, 1982; Adams, 2018), (Nguyen and Tran, 2020), (Müller et al., 2012).\n\n${LIST}\n`;
  const analysis = analyse(text, 'markdown', 1);
  assert.ok(diagnose(analysis, defaultDiagnosticSettings).some((d) => d.code.startsWith('apa-')));
  const off = { ...defaultDiagnosticSettings };
  for (const key of Object.keys(off) as (keyof typeof off)[]) if (key.startsWith('apa')) off[key] = 'off';
  assert.deepEqual(diagnose(analysis, off).filter((d) => d.code.startsWith('apa-')), []);
  assert.deepEqual(
    diagnose(analysis, { ...off, apaAmpersand: 'hint' }).filter((d) => d.code.startsWith('apa-')).map((d) => [d.code, d.severity]),
    [['apa-ampersand', 'hint']],
  );
});
