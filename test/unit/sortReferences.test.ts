// Sorting a typed reference list in APA order: the comparator on its own, then the edits, which must move whole entries
// and leave everything between them (blank lines, markers, CRLF line endings) as it was.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { sortReferences } from '../../server/src/core/features/sortReferences';
import type { TextEdit } from '../../server/src/core/features/codeActions';
import { compareReferenceEntries } from '../../server/src/core/style/rules/sortOrder';
import { dedent } from '../support/fixture';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

/** The entries of a list written one per paragraph, in the order APA gives them. */
function apaOrder(entries: string[]): string[] {
  const text = `## References\n\n${entries.join('\n\n')}\n`;
  const list = analyse(text, 'markdown', 1).facts.referenceList!.entries;
  assert.equal(list.length, entries.length, 'every line is read as an entry');
  return [...list].sort(compareReferenceEntries).map((e) => e.text);
}

test('family names as written: particles written first file under the particle, case and spaces do not count', () => {
  assert.deepEqual(
    apaOrder([
      'Zhao, L. (2014). Heat. *Nature*, 511, 216–219.',
      'van den Boogard, J. (2024). Particles first. *Journal*, 1, 1–2.',
      'De Vries, A. (2001). Capital particle. *Journal*, 1, 1–2.',
      'Tran, H. (2012). Plain. *Journal*, 3, 1–9.',
      'Devaux, K. (2003). Before De Vries. *Journal*, 1, 1–2.',
    ]),
    [
      'Devaux, K. (2003). Before De Vries. *Journal*, 1, 1–2.',
      'De Vries, A. (2001). Capital particle. *Journal*, 1, 1–2.',
      'Tran, H. (2012). Plain. *Journal*, 3, 1–9.',
      'van den Boogard, J. (2024). Particles first. *Journal*, 1, 1–2.',
      'Zhao, L. (2014). Heat. *Nature*, 511, 216–219.',
    ],
  );
});

test('nothing precedes something: a shorter name first, one author before the same author with others', () => {
  assert.deepEqual(
    apaOrder([
      'Loftus, E. F. (1979). Longer name. *Journal*, 1, 1–2.',
      'Smith, J., & Adams, B. (2010). With a co-author. *Journal*, 1, 1–2.',
      'Loft, V. H. (2020). Shorter name. *Journal*, 1, 1–2.',
      'Smith, J. (2020). Alone. *Journal*, 1, 1–2.',
    ]),
    [
      'Loft, V. H. (2020). Shorter name. *Journal*, 1, 1–2.',
      'Loftus, E. F. (1979). Longer name. *Journal*, 1, 1–2.',
      'Smith, J. (2020). Alone. *Journal*, 1, 1–2.',
      'Smith, J., & Adams, B. (2010). With a co-author. *Journal*, 1, 1–2.',
    ],
  );
});

test('the same author by date: undated first, in press last, then by suffix; group names from their first word', () => {
  assert.deepEqual(
    apaOrder([
      'World Health Organization. (in press). Pressing. *Bulletin*.',
      'World Health Organization. (2019b). Second. *Bulletin*.',
      'American Psychological Association. (2020). Manual. *APA*.',
      'World Health Organization. (2019a). First. *Bulletin*.',
      'World Health Organization. (n.d.). Undated. *Bulletin*.',
      'World Health Organization. (2004). Early. *Bulletin*.',
    ]),
    [
      'American Psychological Association. (2020). Manual. *APA*.',
      'World Health Organization. (n.d.). Undated. *Bulletin*.',
      'World Health Organization. (2004). Early. *Bulletin*.',
      'World Health Organization. (2019a). First. *Bulletin*.',
      'World Health Organization. (2019b). Second. *Bulletin*.',
      'World Health Organization. (in press). Pressing. *Bulletin*.',
    ],
  );
});

test('sorting moves whole entries and keeps what lies between them', () => {
  const text = dedent(`
    Risk (Slovic, 1987) and heat (Zhao, 2014), as van den Boogard (2024) says.

    ## References

    Zhao, L. (2014). Heat. *Nature*, 511,
        216–219. https://doi.org/10.1038/nature13462

    Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285.


    van den Boogard, J. (2024). Particles first. *Journal*, 1, 1–2.
  `) + '\n';
  const after = apply(text, sortReferences(analyse(text, 'markdown', 1)));
  assert.equal(
    after,
    text
      .replace('Zhao, L. (2014). Heat. *Nature*, 511,\n    216–219. https://doi.org/10.1038/nature13462', 'SLOT1')
      .replace('Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285.', 'SLOT2')
      .replace('van den Boogard, J. (2024). Particles first. *Journal*, 1, 1–2.', 'SLOT3')
      .replace('SLOT1', 'Slovic, P. (1987). Perception of risk. *Science*, 236, 280–285.')
      .replace('SLOT2', 'van den Boogard, J. (2024). Particles first. *Journal*, 1, 1–2.')
      .replace('SLOT3', 'Zhao, L. (2014). Heat. *Nature*, 511,\n    216–219. https://doi.org/10.1038/nature13462'),
  );
  assert.deepEqual(sortReferences(analyse(after, 'markdown', 2)), [], 'a sorted list needs no edits');
});

test('CRLF line endings inside and between entries are kept, and list markers stay in place', () => {
  const text = '## References\r\n\r\n- Zhao, L. (2014). Heat.\r\n  *Nature*, 511.\r\n- Adams, B. (2019). Cold. doi:10.1000/xyz\r\n';
  const after = apply(text, sortReferences(analyse(text, 'markdown', 1)));
  assert.equal(after, '## References\r\n\r\n- Adams, B. (2019). Cold. doi:10.1000/xyz\r\n- Zhao, L. (2014). Heat.\r\n  *Nature*, 511.\r\n');
  assert.equal([...after].sort().join(''), [...text].sort().join(''), 'the same characters, moved');
});

test('a list in order, a numbered list and entries whose dashes repeat the authors above are left alone', () => {
  const inOrder = '## References\n\nAdams, B. (2019). Cold.\n\nZhao, L. (2014). Heat.\n';
  assert.deepEqual(sortReferences(analyse(inOrder, 'markdown', 1)), []);
  const numbered = '## References\n\n1. Zhao, L. (2014). Heat.\n2. Adams, B. (2019). Cold.\n';
  assert.deepEqual(sortReferences(analyse(numbered, 'markdown', 1)), []);
  const repeated = '## References\n\nZhao, L. (2014). Heat.\n\n———. (2016). More heat.\n\nAdams, B. (2019). Cold.\n';
  assert.deepEqual(sortReferences(analyse(repeated, 'markdown', 1)), []);
});
