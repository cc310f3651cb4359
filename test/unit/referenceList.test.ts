import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceList } from '../../server/src/core/types';
import type { DocumentLanguage } from '../../server/src/core/syntax/mask';
import { maskNonProse } from '../../server/src/core/syntax/mask';
import { familyWithParticle } from '../../server/src/core/syntax/names';
import { findReferenceList } from '../../server/src/core/syntax/referenceList';
import { dedent, parseFixture, slice } from '../support/fixture';

function find(text: string, language: DocumentLanguage = 'markdown'): ReferenceList | undefined {
  return findReferenceList(text, maskNonProse(text, language), language);
}

function firstAuthors(list: ReferenceList | undefined): string[] {
  return (list?.entries ?? []).map((entry) => (entry.authors[0] ? familyWithParticle(entry.authors[0]) : ''));
}

function years(list: ReferenceList | undefined): (number | undefined)[] {
  return (list?.entries ?? []).map((entry) => entry.date?.year);
}

/**
 * Each '^' range marks where one entry starts (its first line, without markers); entries on one line are marked whole,
 * so their span must match exactly.
 */
function assertEntriesAt(source: string, language: DocumentLanguage = 'markdown'): ReferenceList {
  const fixture = parseFixture(dedent(source));
  const list = find(fixture.text, language);
  assert.ok(list, 'a reference list is found');
  const starts = list.entries.map((entry) => entry.span.start);
  assert.deepEqual(
    starts.map((start) => fixture.text.slice(start, start + 12)),
    fixture.ranges.map((range) => fixture.text.slice(range.start, range.start + 12)),
    'entries start where marked',
  );
  list.entries.forEach((entry, index) => {
    const range = fixture.ranges[index];
    const lineEnd = fixture.text.indexOf('\n', range.start);
    const isWholeLine = range.end === (lineEnd < 0 ? fixture.text.length : lineEnd);
    if (isWholeLine && entry.span.end <= range.end) assert.equal(slice(fixture.text, entry.span), slice(fixture.text, range));
    assert.equal(entry.id, `entry-${index}`);
  });
  return list;
}

test('ATX heading: the list runs to the next heading of the same level', () => {
  const list = assertEntriesAt(`
    # Essay

    Small states matter (Qerimi, 2023).

    ## References

    Okafor, C. (2019). Norm entrepreneurs. Journal of Small States, 4(2), 1–20.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    Qerimi, Q. (2023). Controlling lethal autonomous weapons systems. https://doi.org/10.1016/j.clsr.2023.105854
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

    ## Appendix

    Smith, J. (2001). Not a reference, this is the appendix.
  `);
  assert.equal(list.heading?.text, '## References');
  assert.deepEqual(firstAuthors(list), ['Okafor', 'Qerimi']);
  assert.equal(list.entries[1].doi, '10.1016/j.clsr.2023.105854');
});

test('ATX heading: a deeper heading inside the list does not end it', () => {
  const list = assertEntriesAt(`
    ## References

    ### Primary sources

    Okafor, C. (2019). Norm entrepreneurs. Press.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

    ### Secondary sources

    Hale, K. (2011). Working memory. Press.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  `);
  assert.deepEqual(firstAuthors(list), ['Okafor', 'Hale']);
});

const headingForms: { name: string; heading: string; language?: DocumentLanguage }[] = [
  { name: 'closing hashes', heading: '## References ##' },
  { name: 'HTML anchor', heading: '### Works Referenced <a name="REF"></a>' },
  { name: 'bold and colon', heading: '## **Bibliography:**' },
  { name: 'numbered', heading: '## 7. References' },
  { name: 'setext', heading: 'References\n----------' },
  { name: 'plain line', heading: 'References' },
  { name: 'upper case plain line', heading: 'REFERENCES', language: 'plaintext' },
  { name: 'bold plain line', heading: '**References**' },
  { name: 'reStructuredText title', heading: 'References\n==========', language: 'restructuredtext' },
  { name: 'reStructuredText over- and underlined', heading: '==========\nReferences\n==========', language: 'restructuredtext' },
  { name: 'LaTeX starred section', heading: '\\section*{References}', language: 'latex' },
  { name: 'LaTeX section', heading: '\\section{Bibliography}', language: 'latex' },
  { name: 'Reference List', heading: '## Reference List' },
  { name: 'Works Cited', heading: '## Works Cited' },
  { name: 'Literature Cited', heading: '## Literature Cited' },
  { name: 'Sources', heading: '## Sources' },
  { name: 'Cited Works', heading: '## Cited Works' },
  { name: 'German', heading: '## Literaturverzeichnis' },
  { name: 'German short', heading: '## Literatur' },
  { name: 'German sources', heading: '## Quellen' },
  { name: 'French', heading: '## Références' },
  { name: 'French bibliography', heading: '## Bibliographie' },
  { name: 'Spanish', heading: '## Referencias' },
  { name: 'Spanish bibliography', heading: '## Bibliografía' },
  { name: 'Italian', heading: '## Riferimenti' },
  { name: 'Portuguese', heading: '## Referências' },
  { name: 'Swedish', heading: '## Referenser' },
  { name: 'Danish', heading: '## Litteratur' },
  { name: 'Dutch', heading: '## Literatuur' },
  { name: 'heading that begins with a heading word', heading: '## References and further reading' },
];

for (const form of headingForms) {
  test(`heading: ${form.name}`, () => {
    const text = `Prose (Hale, 2011).\n\n${form.heading}\n\nHale, K. (2011). Working memory. Press.\n\nOkafor, C. (2019). Norms. Press.\n`;
    const list = find(text, form.language);
    assert.ok(list?.heading, 'the heading is found');
    assert.equal(list.heading.text, form.heading.split('\n').find((line) => /[a-z]/i.test(line)));
    assert.deepEqual(firstAuthors(list), ['Hale', 'Okafor']);
    assert.equal(list.span.start, text.indexOf(form.heading.split('\n')[0]));
    assert.equal(list.span.end, text.indexOf('Press.\n', text.indexOf('Okafor')) + 'Press.'.length);
  });
}

test('LaTeX: the list ends at the end of the document', () => {
  const text = '\\section*{References}\n\nHale, K. (2011). Working memory. Press.\n\nOkafor, C. (2019). Norms. Press.\n\n\\end{document}\n';
  assert.deepEqual(firstAuthors(find(text, 'latex')), ['Hale', 'Okafor']);
});

test('reStructuredText: the list ends at the next title of the same level', () => {
  const text = 'Essay\n=====\n\nReferences\n----------\n\nHale, K. (2011). Working memory. Press.\n\nAppendix\n--------\n\nTable 1.\n';
  assert.deepEqual(firstAuthors(find(text, 'restructuredtext')), ['Hale']);
});

test('the last reference heading wins', () => {
  const text = '## Sources\n\nWe used survey data.\n\n## References\n\nHale, K. (2011). Working memory. Press.\n';
  const list = find(text);
  assert.equal(list?.heading?.text, '## References');
  assert.deepEqual(firstAuthors(list), ['Hale']);
});

test('a heading inside a code block is not the list', () => {
  const text = 'Prose.\n\n```\n## References\nHale, K. (2011). In code.\n```\n\nThe end of the essay.\n';
  assert.equal(find(text), undefined);
});

test('near miss: "Sources" inside a sentence is not a heading', () => {
  const text = 'Intro.\n\nSources close to the ministry said the talks stalled.\n\nSources say it.\n\nThe end.\n';
  assert.equal(find(text), undefined);
});

test('near miss: a prose paragraph at the end is not a reference list', () => {
  const text = dedent(`
    Small states matter (Qerimi, 2023).

    Thorhallsson (2019) argues that small states are weak. Qerimi (2023) disagrees.

    In conclusion, Okafor (2019) was right about norms, as Hale (2011) predicted.
  `);
  assert.equal(find(text), undefined);
});

test('near miss: a single trailing entry is not enough without a heading', () => {
  const text = 'Prose about things.\n\nHale, K. (2011). Working memory. Press.\n';
  assert.equal(find(text), undefined);
});

test('list markers: bullets, numbers, bracketed and parenthesised numbers', () => {
  const list = assertEntriesAt(`
    ## References

    - Hale, K. (2011). Working memory. Press.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    * Okafor, C. (2019). Norms. Press.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    + Moreau, P. (2020). Things. Press.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    1. Lindqvist, E. (2018). Notes. Press.
       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    [2] Freud, S. (1900/1953). Dreams. Hogarth.
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    (3) Pérez, F. (2011). Python tools. Press.
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  `);
  assert.deepEqual(firstAuthors(list), ['Hale', 'Okafor', 'Moreau', 'Lindqvist', 'Freud', 'Pérez']);
  assert.equal(list.entries[4].date?.originalYear, 1900);
});

test('a bulleted entry may wrap onto indented lines', () => {
  const list = assertEntriesAt(`
    ## References

    * Hale, K. (2011). Working memory
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      in writing. Press.
    * Okafor, C. (2019). Norms. Press.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  `);
  assert.equal(list.entries[0].text, 'Hale, K. (2011). Working memory in writing. Press.');
});

test('blockquoted entries with TABs inside', () => {
  const text = '### Works Referenced\n\n> Hale, K. (2011). Working memory and \tspoken \twriting. Press.\n\n> Okafor, C. (2019). Norms. \tPress.\n\n[Back to Top](#TOP)\n';
  const list = find(text);
  assert.deepEqual(firstAuthors(list), ['Hale', 'Okafor']);
  assert.equal(list?.entries[0].text, 'Hale, K. (2011). Working memory and spoken writing. Press.');
  assert.equal(list?.entries[0].span.start, text.indexOf('Hale'));
  assert.equal(list?.entries.length, 2, 'the back-to-top link is not an entry');
});

test('hanging indents: indented lines continue the entry above', () => {
  const list = assertEntriesAt(
    `
    Bibliography

    Ackerman, D. A., and M. Rys (2005): “Unobserved Product Differentia-
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      tion in Discrete-Choice Models,” Journal of Economics, 36(4), 771–788.
    Armitage, M. (2006): “Competition in Two-Sided Markets,” The Journal
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      of Economics, 37(3), 668–691.
  `,
    'plaintext',
  );
  assert.deepEqual(firstAuthors(list), ['Ackerman', 'Armitage']);
  assert.equal(list.entries[0].title, 'Unobserved Product Differentia-tion in Discrete-Choice Models');
  assert.equal(list.entries[1].container, 'The Journal of Economics');
});

test('one entry per line when each line is a whole entry', () => {
  const list = assertEntriesAt(`
    References
    Hale, K. (2011). Working memory. Press.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    Okafor, C. (2019). Norms. Press.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    Moreau, P. (2020). Things. Press.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  `);
  assert.equal(list.entries.length, 3);
});

test('a line ending in a separator continues on the next line', () => {
  const list = assertEntriesAt(`
    ## References

    Krall, R.; Zhu, Y.; Groth, O.;
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    Chen, S.; Kalantidis, Y. (2016). Visual genome. arXiv.

    Searle, J. R. (1992). The rediscovery of the mind. MIT Press.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  `);
  assert.deepEqual(list.entries[0].authors.map(familyWithParticle), ['Krall', 'Zhu', 'Groth', 'Chen', 'Kalantidis']);
});

test('page breaks, running headers and page numbers between entries', () => {
  const text = [
    'Bibliography',
    '',
    'Hale, K. (2011): “Working Memory,” Press.',
    '',
    '                                         68',
    '\fBIBLIOGRAPHY                                                   69',
    '',
    '',
    'Okafor, C. (2019): “Norms,” Press.',
    '\f',
  ].join('\n');
  const list = find(text, 'plaintext');
  assert.equal(list?.heading?.text, 'Bibliography');
  assert.deepEqual(firstAuthors(list), ['Hale', 'Okafor']);
});

test('a table of contents line is not the heading', () => {
  const text = 'Contents\nIntroduction          1\nBibliography          68\n\nIntroduction\n\nProse.\n';
  assert.equal(find(text, 'plaintext'), undefined);
});

test('repeated-author dashes and author-less entries inherit the authors above', () => {
  const list = find('## References\n\nRosse, J. N. (1967). Daily newspapers. Review.\n\n———. (1970). Estimating cost functions. Econometrica.\n\n    (1971): “Later work,” Econometrica.\n');
  assert.deepEqual(firstAuthors(list), ['Rosse', 'Rosse', 'Rosse']);
  assert.deepEqual(years(list), [1967, 1970, 1971]);
  assert.deepEqual(list?.entries[1].problems, []);
});

test('code inside the list is skipped, URLs on their own lines are kept', () => {
  const list = find('## References\n\n```\nSmith, J. (2019). Code.\n```\n\nKlein, J. I. (1997): “Radio Mergers,” speech,\n  http://www.example.org/speeches/1055.pdf.\n');
  assert.deepEqual(firstAuthors(list), ['Klein']);
  assert.equal(list?.entries[0].url, 'http://www.example.org/speeches/1055.pdf');
});

test('tables, rules and comments inside the list are not entries', () => {
  const text = '## References\n\n| Work | Year |\n|---|---|\n| Hale | 2011 |\n\n<!-- Okafor, C. (2019). Hidden. -->\n\nHale, K. (2011). Working memory. Press.\n\n***\n';
  assert.deepEqual(firstAuthors(find(text)), ['Hale']);
});

test('an entry without author or date is still an entry, with problems', () => {
  const list = find('## References\n\nHale, K. (2011). Working memory. Press.\n\nNCBI. SRA Toolkit. https://github.com/ncbi/sra-tools\n');
  assert.equal(list?.entries.length, 2);
  assert.deepEqual(list?.entries[1].problems.map((p) => p.code), ['entry-no-date']);
  assert.equal(list?.entries[1].authors[0].literal, 'NCBI');
});

test('an annotated bibliography whose entries are headings', () => {
  const text = dedent(`
    # Annotated reading list

    ## Rhyme

    ### Kesarwani, Vaibhav. 2018. “Automatic poetry classification.”

    Notes on the thesis (Kesarwani 2018: 24).

    ### Marc R. Plamondon. 2006. “Virtual verse analysis.”

    More notes.

    ### Tanasescu, Chris, and Diana Inkpen. “Automatic classification of poetry.”

    Notes without a year.
  `);
  const list = find(text);
  assert.deepEqual(firstAuthors(list), ['Kesarwani', 'Plamondon', 'Tanasescu']);
  assert.equal(list?.entries[0].span.start, text.indexOf('Kesarwani'));
  assert.equal(list?.entries[0].title, 'Automatic poetry classification');
});

test('the seed essay: a trailing list without a heading', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-essay.md'), 'utf8');
  const list = find(text);
  assert.ok(list);
  assert.equal(list.heading, undefined);
  assert.deepEqual(firstAuthors(list), [
    "O'Brien", 'Petrova', 'Qerimi', 'Rutherford', 'Stop Killer Robots', 'Thorhallsson', 'United Nations', 'United Nations', 'van den Boogard',
  ]);
  assert.deepEqual(years(list), [2009, 2016, 2023, 2004, 2024, 2019, 2018, 2023, 2024]);
  const [obrien, petrova, , rutherford, stop, thorhallsson, , , boogard] = list.entries;
  assert.equal(list.span.start, text.indexOf("O'Brien"));
  assert.equal(list.span.end, text.trimEnd().length);
  assert.equal(obrien.title, 'New Zealand Institute of International Affairs');
  assert.equal(petrova.doi, '10.1093/isq/sqv013');
  assert.equal(rutherford.date?.text, '2004, March 17');
  assert.deepEqual(stop.authors, [{ family: 'Stop Killer Robots', literal: 'Stop Killer Robots' }]);
  assert.deepEqual(thorhallsson.authors.map(familyWithParticle), ['Thorhallsson']);
  assert.deepEqual(thorhallsson.editors?.map(familyWithParticle), ['Brady']);
  assert.deepEqual(boogard.authors, [{ family: 'Boogard', particle: 'van den', given: 'J.' }]);
  assert.ok(boogard.url?.startsWith('https://opiniojuris.org/2024/03/04/'));
  assert.deepEqual(list.entries.map((entry) => entry.id), list.entries.map((_, index) => `entry-${index}`));
});

test('hostile input: results stay sane and nothing throws', () => {
  const inputs: [string, DocumentLanguage][] = [
    ['', 'markdown'],
    ['x'.repeat(5_000_000), 'markdown'],
    [' '.repeat(2_000_000) + 'x', 'plaintext'],
    ['('.repeat(100_000), 'markdown'],
    ['“"‘'.repeat(30_000) + '## References\n\n' + '"Smith, J. (2019). '.repeat(10_000), 'markdown'],
    ['>'.repeat(200_000), 'markdown'],
    ['## References\n\n' + 'Smith, J. (2019). A. '.repeat(100_000), 'markdown'],
    ['## References\n\n' + 'Smith, J. (2019). Title.\n'.repeat(20_000), 'markdown'],
    [Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''), 'plaintext'],
    ['\\section*{References}\n' + '{'.repeat(50_000), 'latex'],
    ['References\n' + '='.repeat(100_000), 'restructuredtext'],
  ];
  for (const [text, language] of inputs) {
    const list = find(text, language);
    if (!list) continue;
    let previousEnd = 0;
    for (const entry of list.entries) {
      assert.ok(entry.span.start >= previousEnd && entry.span.end <= text.length && entry.span.start <= entry.span.end);
      previousEnd = entry.span.end;
    }
    assert.ok(list.span.start <= list.span.end && list.span.end <= text.length);
  }
});
