// Resolution of cited works to reference entries, on small documents written for the purpose.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/index/analysis';
import { mergeBibliography } from '../../server/src/core/index/bibliography';
import type { ReferenceEntry, Resolution } from '../../server/src/core/types';
import { dedent } from '../support/fixture';

const LIST = dedent(`
  ## References

  van den Boogard, P., & Sørensen, K. (2020). Two authors with a particle. *Journal*, 1, 1–2.

  Centers for Disease Control and Prevention. (n.d.). *Heat and health*. https://www.cdc.gov/heat

  Heaviside, C., Macintyre, H., & Vardoulakis, S. (2017). Three authors. *Current Reports*, 4, 296–305.

  Müller, A. (2012a). First of two. *Journal*, 3, 1–9.

  Müller, A. (2012b). Second of two. *Journal*, 3, 10–19.

  New U.S. anti-personnel landmine policy. (2022). *Arms Control Today*, 52(6).

  O'Connor, S. (2001). An apostrophe. *Journal*, 1, 1.

  Slovic, P. (1987). Perception of risk. *Science*, 236(4799), 280–285.

  Smith, J. (2019). Same author and year. *Journal*, 9, 1.

  Smith, J. (2019). Same author and year again. *Journal*, 9, 2.

  van der Berg, H. (2010). A particle as written. *Journal*, 2, 5.
`);

function resolutions(prose: string): { cited: string; resolution: Resolution }[] {
  const analysis = analyse(`${prose}\n\n${LIST}\n`, 'markdown', 1);
  return analysis.facts.citations.flatMap((citation, ci) =>
    citation.items.map((work, wi) => ({ cited: `${work.authorText} ${work.date.text}`, resolution: analysis.resolution.byCitation[ci][wi] })),
  );
}

function entryIdOf(prose: string): string | undefined {
  const [first] = resolutions(prose);
  assert.ok(first, `a citation is found in: ${prose}`);
  return first.resolution.status === 'resolved' ? first.resolution.entryId : undefined;
}

test('case, diacritics and particles do not matter', () => {
  assert.equal(entryIdOf('As shown (Van der Berg, 2010).'), 'entry-10');
  assert.equal(entryIdOf('As shown by van der Berg (2010).'), 'entry-10');
  assert.equal(entryIdOf('As shown (OConnor, 2001).'), 'entry-6');
  assert.equal(entryIdOf("As shown (O’Connor, 2001)."), 'entry-6');
});

test('two-author citations need both surnames; et al. needs three or more authors', () => {
  assert.equal(entryIdOf('Shown (van den Boogard & Sorensen, 2020).'), 'entry-0');
  assert.equal(entryIdOf('Shown (Heaviside et al., 2017).'), 'entry-2');
  const [coauthor] = resolutions('Shown (Heaviside, 2017).');
  assert.equal(coauthor.resolution.status, 'missing');
  assert.deepEqual(coauthor.resolution.status === 'missing' && coauthor.resolution.candidates.map((c) => [c.reason, c.suggestion]), [
    ['coauthor', 'Heaviside et al., 2017'],
  ]);
});

test('year suffixes pick one of two works; a citation without the suffix is ambiguous', () => {
  assert.equal(entryIdOf('Shown (Müller, 2012b).'), 'entry-4');
  const [plain] = resolutions('Shown (Muller, 2012).');
  assert.equal(plain.resolution.status, 'ambiguous');
});

test('a title cited as author matches the entry that starts with it', () => {
  assert.equal(entryIdOf('The policy changed ("New U.S. anti-personnel landmine", 2022).'), 'entry-5');
});

test('an abbreviation resolves through its definition', () => {
  const found = resolutions('First (Centers for Disease Control and Prevention [CDC], n.d.), then (CDC, n.d.).');
  assert.deepEqual(found.map((f) => f.resolution), [
    { status: 'resolved', entryId: 'entry-1' },
    { status: 'resolved', entryId: 'entry-1' },
  ]);
});

test('a wrong year and a misspelt name keep the nearest entry as a candidate', () => {
  const [year] = resolutions('Risk is felt (Slovic, 1986).');
  assert.ok(year.resolution.status === 'missing');
  assert.deepEqual(year.resolution.candidates.map((c) => [c.entryId, c.reason, c.suggestion]), [['entry-7', 'year', 'Slovic, 1987']]);
  const [spelling] = resolutions('Risk is felt, as Slovik (1987) says.');
  assert.ok(spelling.resolution.status === 'missing');
  assert.deepEqual(spelling.resolution.candidates.map((c) => [c.entryId, c.reason, c.suggestion]), [['entry-7', 'spelling', 'Slovic (1987)']]);
});

test('a work cited in both forms is suggested in the form of each citation', () => {
  const found = resolutions('Risk is felt (Slovik, 1987), as Slovik (1987) says, and again (Slovik, 1987).');
  assert.deepEqual(
    found.map((f) => f.resolution.status === 'missing' && f.resolution.candidates.map((c) => c.suggestion)),
    [['Slovic, 1987'], ['Slovic (1987)'], ['Slovic, 1987']],
  );
});

test('a misspelt name is looked for among the entries of its year, with and without a suffix, in list order', () => {
  const list = dedent(`
    ## References

    Mullar, A. (2012b). Second of two. *Journal*, 3, 10–19.

    Oke, T. R. (2012). Heat. *Journal*, 1, 1–2.

    Mullor, A. (2012). Alone that year. *Journal*, 3, 1–9.

    Mullar, A. (2013). Another year. *Journal*, 3, 1–9.
  `);
  const candidatesOf = (prose: string) => {
    const analysis = analyse(`${prose}\n\n${list}\n`, 'markdown', 1);
    const resolution = analysis.resolution.byCitation[0][0];
    return resolution.status === 'missing' ? resolution.candidates.map((c) => [c.entryId, c.reason, c.suggestion]) : resolution.status;
  };
  assert.deepEqual(candidatesOf('Shown (Muller, 2012).'), [
    ['entry-0', 'spelling', 'Mullar, 2012b'],
    ['entry-2', 'spelling', 'Mullor, 2012'],
  ]);
  // A suffix names one date: the entries of its year without that suffix are not near enough.
  assert.deepEqual(candidatesOf('Shown (Muller, 2012b).'), [['entry-0', 'spelling', 'Mullar, 2012b']]);
});

test('a name whose particle is punctuation alone files its entry once, not twice', () => {
  const entry: ReferenceEntry = {
    id: 'file:///r.json#boogard2020', source: 'file:///r.json', key: 'boogard2020', span: { start: 0, end: 1 }, text: 'Boogard',
    authors: [{ family: 'Boogard', particle: '-' }], date: { text: '2020', year: 2020 }, title: 'Alone', problems: [],
  };
  const bibliography = mergeBibliography([{ source: 'file:///r.json', version: '1', entries: [entry], problems: [] }]);
  const analysis = analyse('Shown (Boogard, 2020).\n', 'markdown', 1, bibliography);
  assert.deepEqual(analysis.resolution.byCitation[0][0], { status: 'resolved', entryId: 'file:///r.json#boogard2020' });
});

test('two entries with the same author and year and no suffixes cannot be told apart', () => {
  const analysis = analyse(`Text (Smith, 2019).\n\n${LIST}\n`, 'markdown', 1);
  assert.deepEqual(analysis.resolution.indistinguishable, [['entry-8', 'entry-9']]);
  assert.equal(analysis.resolution.byCitation[0][0].status, 'ambiguous');
});

test('secondary originals and personal communications need no entry', () => {
  const found = resolutions('As quoted (Rogers, 1961, as cited in Slovic, 1987), and (J. Doe, personal communication, March 3, 2020).');
  assert.deepEqual(found.map((f) => f.resolution.status), ['exempt', 'resolved', 'exempt']);
});
