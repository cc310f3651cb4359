import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersonName } from '../../server/src/core/types';
import { citedNameParts, familyWithParticle, isGroupAuthor, parseAuthorList, parsePersonName } from '../../server/src/core/syntax/names';

/** Family names as a reader sees them, with particles: "van den Boogard". */
function families(names: PersonName[]): string[] {
  return names.map(familyWithParticle);
}

const authorLists: { name: string; list: string; families: string[]; elided?: boolean }[] = [
  { name: 'APA with ampersand', list: 'Bailey, S. F., Alonso Morales, L. A., & Kassen, R.', families: ['Bailey', 'Alonso Morales', 'Kassen'] },
  { name: 'APA single author', list: "O'Brien, T.", families: ["O'Brien"] },
  { name: 'semicolons', list: 'Goodfellow, I. J.; Shlens, J.; Szegedy, C.', families: ['Goodfellow', 'Shlens', 'Szegedy'] },
  { name: 'semicolons without commas', list: 'Nguyen A.; Yosinski J.; Clune J.', families: ['Nguyen', 'Yosinski', 'Clune'] },
  { name: 'initials first', list: 'R. A. Berman & D. I. Slobin', families: ['Berman', 'Slobin'] },
  { name: 'given names first', list: 'Yiheng Xu, Minghao Li, and Lei Cui', families: ['Xu', 'Li', 'Cui'] },
  { name: 'Chicago: first inverted', list: 'Lee, Jackson L., Ross Burkholder, Gallagher B. Flinn, and Emily R. Coppess', families: ['Lee', 'Burkholder', 'Flinn', 'Coppess'] },
  { name: 'Econometrica', list: 'Berry, S., J. Levinsohn, and A. Pakes', families: ['Berry', 'Levinsohn', 'Pakes'] },
  { name: 'full given name', list: 'Zaghouani, Wajdi.', families: ['Zaghouani'] },
  { name: 'surnames only', list: 'Fecher and Friesike', families: ['Fecher', 'Friesike'] },
  { name: 'hyphenated initials', list: 'Mottawea, W., Duceppe, M.-O., & Rochet, J.-C.', families: ['Mottawea', 'Duceppe', 'Rochet'] },
  { name: 'particle', list: 'van den Boogard, J.', families: ['van den Boogard'] },
  { name: 'et al. truncation', list: 'Lee, J., Kong, M., Oh, J., et al.', families: ['Lee', 'Kong', 'Oh'], elided: true },
  { name: 'misspelt et. al.', list: 'Balasegaram et. al.', families: ['Balasegaram'], elided: true },
  { name: 'ellipsis', list: 'Ahn, A., Bo, B., . . . Zed, Z.', families: ['Ahn', 'Bo', 'Zed'], elided: true },
  { name: 'unicode ellipsis', list: 'Ahn, A., Bo, B., … Zed, Z.', families: ['Ahn', 'Bo', 'Zed'], elided: true },
  { name: 'editor mark', list: 'Alhawary, M. T. (Ed.)', families: ['Alhawary'] },
  { name: 'group author', list: 'Stop Killer Robots.', families: ['Stop Killer Robots'] },
  { name: 'group with "of"', list: 'Department of Justice', families: ['Department of Justice'] },
  { name: 'acronym group', list: 'NCBI', families: ['NCBI'] },
  { name: 'group with ampersand and abbreviation', list: "European Commission's Directorate-General for Research & Innovation (RTD)", families: ["European Commission's Directorate-General for Research & Innovation (RTD)"] },
  { name: 'empty', list: '', families: [] },
];

for (const c of authorLists) {
  test(`author list: ${c.name}`, () => {
    const parsed = parseAuthorList(c.list);
    assert.deepEqual(families(parsed.names), c.families);
    assert.equal(parsed.elided, c.elided ?? false);
  });
}

test('author list: ". . ." spaced ellipsis is at least not read as names', () => {
  // Spaced dots are three initials-like tokens; the names around them must survive.
  const parsed = parseAuthorList('Ahn, A., . . . Zed, Z.');
  assert.ok(families(parsed.names).includes('Ahn'));
});

const names: { raw: string; expected: PersonName }[] = [
  { raw: 'Surname, I. J.', expected: { family: 'Surname', given: 'I. J.' } },
  { raw: 'van den Boogard, J.', expected: { family: 'Boogard', particle: 'van den', given: 'J.' } },
  { raw: 'de Souza, Ana', expected: { family: 'Souza', particle: 'de', given: 'Ana' } },
  { raw: 'King, M. L., Jr.', expected: { family: 'King', given: 'M. L.', suffix: 'Jr.' } },
  { raw: 'Marc R. Plamondon', expected: { family: 'Plamondon', given: 'Marc R.' } },
  { raw: 'Jean de la Fontaine', expected: { family: 'Fontaine', particle: 'de la', given: 'Jean' } },
  { raw: 'Ludwig van Beethoven', expected: { family: 'Beethoven', particle: 'van', given: 'Ludwig' } },
  { raw: 'Alckmar Luiz Dos Santos', expected: { family: 'Dos Santos', given: 'Alckmar Luiz' } },
  { raw: 'A. -M. Brady', expected: { family: 'Brady', given: 'A. -M.' } },
  { raw: 'Nguyen A.', expected: { family: 'Nguyen', given: 'A.' } },
  { raw: 'Thorvaldsdóttir, H.', expected: { family: 'Thorvaldsdóttir', given: 'H.' } },
];

for (const c of names) {
  test(`person name: ${c.raw}`, () => {
    assert.deepEqual(parsePersonName(c.raw), c.expected);
  });
}

test('familyWithParticle joins particle and family, and keeps group names whole', () => {
  assert.equal(familyWithParticle({ family: 'Boogard', particle: 'van den', given: 'J.' }), 'van den Boogard');
  assert.equal(familyWithParticle({ family: 'Smith', given: 'J.' }), 'Smith');
  assert.equal(familyWithParticle({ family: 'United Nations', literal: 'United Nations' }), 'United Nations');
});

test('citedNameParts splits a cited surname into particle and family', () => {
  assert.deepEqual(citedNameParts('van den Boogard'), { particle: 'van den', family: 'Boogard' });
  assert.deepEqual(citedNameParts('Van der Berg'), { particle: 'van der', family: 'Berg' });
  assert.deepEqual(citedNameParts('Smith'), { family: 'Smith' });
  assert.deepEqual(citedNameParts('  '), { family: '' });
});

test('isGroupAuthor tells organisations from people', () => {
  assert.equal(isGroupAuthor('World Health Organization'), true);
  assert.equal(isGroupAuthor('High Level Group'), true);
  assert.equal(isGroupAuthor('Masuzzo and Martens'), false);
  assert.equal(isGroupAuthor('Watson'), false);
  assert.equal(isGroupAuthor('Jean de la Fontaine'), false);
  assert.equal(isGroupAuthor('Smith, J.'), false);
});

test('names never throw on junk', () => {
  for (const junk of ['', ',,,;;;', '&&&', '(((', '\u0000\uffff', 'x'.repeat(100000), ', and , & ,', '. . . …']) {
    assert.doesNotThrow(() => parseAuthorList(junk));
    assert.doesNotThrow(() => parsePersonName(junk));
  }
});
