import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyRandomEdit, randomEdits } from '../support/randomEdits';
import { AnalysisCache } from '../../server/src/core/index/analysis';
import { computeFacts } from '../../server/src/core/index/documentFacts';
import { findEditedRegion } from '../../server/src/core/index/editedRegion';
import { syntheticThesis } from '../bench/syntheticDocuments';

/** One edit: `length` characters at `at` (a share of the text's length) replaced by `insert`. */

/** Text that changes how other text reads: citations, paragraph breaks, code fences, comments, headings. */
const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '(',
  ')',
  ';',
  '.',
  '`',
  '```\n',
  '\n```\n',
  '~~~',
  '$$',
  '<!--',
  '-->',
  '---\n',
  '\n## References\n\n',
  '# Methods\n',
  'References\n\n',
  '(Smith, 2001)',
  'Smith (2001a)',
  '(Qerimi, 2023; Oke, 1982, p. 4)',
  'Oke 1982',
  ' et al. 2001',
  '\n\net al., 2001',
  'World Health Organization (WHO, 2018)',
  'Doe, J. (2000). A title. Publisher.\n',
  'https://example.org/(a) ',
  'a@b.org',
  '[link](http://x.org/a b)',
  '[@oke1982]',
  '@smith2001 ',
  '[see @oke1982, p. 4; @smith2001]',
  ' [p. 4]',
  '[',
  ']',
  '@',
  '[1]',
  '[2, 5]',
  '[1]-[3]',
  '^1^',
  '^',
  '\\cite{oke1982}',
];

const editArbitrary = randomEdits(SNIPPETS, 60);


/**
 * Checks that, after each edit of a sequence, the cached (incremental) facts equal facts computed afresh. Facts found
 * only when first read (author-page citations) are read in every version, or with `readLast`, only in the last one, so
 * that the versions between are never read, as when the document's style never asks for them.
 */
function checkEditsKeepFactsExact(name: string, document: string, languageId = 'markdown', runs = 60, readLast = false): void {
  fc.assert(
    fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (edits) => {
      const cache = new AnalysisCache();
      let text = document;
      let version = 1;
      cache.get(name, text, languageId, version);
      edits.forEach((edit, i) => {
        text = applyRandomEdit(text, edit);
        version++;
        const incremental = cache.get(name, text, languageId, version).facts;
        if (!readLast || i === edits.length - 1) assert.deepStrictEqual(incremental, computeFacts(text, languageId, version));
      });
    }),
    { seed: 20240611, numRuns: runs },
  );
}

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', name), 'utf8');

const FENCED = `# Notes

Heat islands are well studied (Oke, 1982). Smith (2001) disagrees.

\`\`\`python
print("(Oke, 1982)")

x = "Smith (2001)"
\`\`\`

Trees cool streets (Bowler et al., 2010; Smith, 2001).

<!-- (Hidden, 2000)

more hidden -->

Oke 1982 is cited bare.

## References

Bowler, D. E., Buyung-Ali, L., Knight, T. M., & Pullin, A. S. (2010). Urban greening to cool towns. Landscape and Urban Planning, 97(3), 147–155.

Oke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal of the Royal Meteorological Society, 108(455), 1–24.

Smith, J. (2001). Shade. Publisher.
`;

const HEADED = `---
title: "A paper"
---

Cities are warm (Oke, 1982). Oke 1982 says so too.

Shade helps (Smith, 2001).

Smith et al. 2001 found more.

References

Oke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal, 108, 1–24.

Smith, J., Roe, K., & Poe, L. (2001). Shade. Publisher.
`;

test('an edit widened to whole blocks between empty lines', () => {
  assert.deepEqual(findEditedRegion('a\n\nb c\n\nd', 'a\n\nb x c\n\nd'), { start: 3, oldEnd: 6, newEnd: 8 });
  assert.equal(findEditedRegion('same', 'same'), undefined);
  // A block starting with "et al." belongs with the block before it: a bare mention may run across the empty line.
  assert.deepEqual(findEditedRegion('Smith\n\net al. 2001', 'Smith\n\net al. 2002'), { start: 0, oldEnd: 18, newEnd: 18 });
});

test('incremental facts equal fresh facts after random edits of the seed essay', () => {
  checkEditsKeepFactsExact('seed-essay.md', fixture('seed-essay.md'));
});

/** Citations by key and by number between plain paragraphs, which edits of other paragraphs leave as they were. */
const KEYED_AND_NUMBERED = `---
title: "Keys and numbers"
bibliography: refs.bib
---

Heat islands are well studied [@oke1982; see @smith2001, p. 4]. Nothing here is cited.

@oke1982 [p. 12] measured it first, and others followed [1], [2, 5] and [1]-[3].

A plain paragraph with no citation at all, only words.

Superscripts cite too^1,2^ and a footnote[^1] does not; a link [1](http://x.org) is no citation.

Another plain paragraph, written to be edited.

## References

1. Oke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal, 108, 1–24.

2. Smith, J. (2001). Shade. Publisher.

[^1]: A footnote.
`;

test('incremental facts equal fresh facts, citations by key and number included, after random edits', () => {
  checkEditsKeepFactsExact('keyed.md', KEYED_AND_NUMBERED, 'markdown', 200);
  checkEditsKeepFactsExact('keyed.md', KEYED_AND_NUMBERED, 'markdown', 100, true);
});

test('an edit of a paragraph without citation markup keeps the citations by key and number, moved', () => {
  const cache = new AnalysisCache();
  const before = cache.get('keyed.md', KEYED_AND_NUMBERED, 'markdown', 1).facts;
  const edited = KEYED_AND_NUMBERED.replace('A plain paragraph', 'A rather plain paragraph');
  const after = cache.get('keyed.md', edited, 'markdown', 2).facts;
  assert.deepStrictEqual(after, computeFacts(edited, 'markdown', 2));
  assert.deepEqual(after.keyedCitations.map((c) => c.keys.map((k) => k.key)), [['oke1982', 'smith2001'], ['oke1982']]);
  // Citations before the edit are the very objects of the previous version; those after it are moved copies.
  assert.equal(after.keyedCitations[0], before.keyedCitations[0]);
  const superscript = after.numericCitations!.find((c) => c.superscript)!;
  assert.equal(edited.slice(superscript.span.start, superscript.span.end), '^1,2^');
});

test('incremental facts equal fresh facts after random edits of a thesis', () => {
  checkEditsKeepFactsExact('thesis.md', syntheticThesis({ words: 4000, references: 60, citations: 200 }), 'markdown', 25);
});

test('incremental facts equal fresh facts when edits open or close a code fence or comment', () => {
  checkEditsKeepFactsExact('fenced.md', FENCED, 'markdown', 150);
});

test('incremental facts equal fresh facts when edits add or remove the references heading', () => {
  checkEditsKeepFactsExact('headed.md', HEADED, 'markdown', 150);
  checkEditsKeepFactsExact('headed.txt', HEADED, 'plaintext', 150);
});

const WORKS_CITED = `Morrison writes of memory (Morrison, *Beloved* 23). Smith argues the point at length (45).

Later readers disagree (Smith and Jones 45–47; Oke et al. 12). See the table (Figure 3).

## Works Cited

Morrison, Toni. *Beloved*. Knopf, 1987.

Oke, Ada, et al. *Heat*. Press, 2001.

Smith, John, and Kim Jones. *Shade*. Press, 2010.
`;

test('incremental facts equal fresh facts, author-page citations included, after random edits of a Works Cited essay', () => {
  checkEditsKeepFactsExact('works-cited.md', WORKS_CITED, 'markdown', 150);
});

test('incremental facts equal fresh facts when the author-page citations are first read after several edits', () => {
  checkEditsKeepFactsExact('works-cited.md', WORKS_CITED, 'markdown', 150, true);
});

test('a paragraph edit re-reads neither the reference list nor the other paragraphs', () => {
  const cache = new AnalysisCache();
  const before = cache.get('fenced.md', FENCED, 'markdown', 1).facts;
  const edited = FENCED.replace('Trees cool streets', 'Trees cool the streets');
  const after = cache.get('fenced.md', edited, 'markdown', 2).facts;
  assert.deepStrictEqual(after, computeFacts(edited, 'markdown', 2));
  // The citation before the edit is the very same object; the entries after it are moved copies.
  assert.equal(after.citations[0], before.citations[0]);
  assert.equal(after.referenceList!.entries[0].span.start, before.referenceList!.entries[0].span.start + 4);
});
