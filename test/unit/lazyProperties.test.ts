import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LazyProperties } from '../../server/src/core/syntax/bib/lazyProperties';

interface Work {
  id: string;
  /** Always there, computed alone. */
  summary: string;
  /** Always there, from what filling found. */
  words: number;
  title?: string;
  year?: number;
  note?: string;
}

interface Counts {
  summaries: number;
  fills: number;
}

/** Summaries are computed alone; filling writes a title always, a year when the input has one, and never a note. */
function lazyWork(): { lazy: LazyProperties<Work, number | undefined, { words: number }>; counts: Counts } {
  const counts: Counts = { summaries: 0, fills: 0 };
  const lazy = new LazyProperties<Work, number | undefined, { words: number }>({
    each: {
      summary: (work, year) => (counts.summaries++, `${work.id} (${year ?? 'n.d.'})`),
      words: (_work, _year, filled) => filled().words,
    },
    together: ['title', 'year', 'note'],
    fill: (work, year) => {
      counts.fills++;
      work.title = `Title of ${work.id}`;
      if (year !== undefined) work.year = year;
      return { words: 3 };
    },
  });
  return { lazy, counts };
}

function make(lazy: LazyProperties<Work, number | undefined, { words: number }>, id: string, year?: number): Work {
  const work = { id } as Work;
  lazy.install(work, year);
  return work;
}

test('lazy properties: one computed alone on first read, once, without filling the others', () => {
  const { lazy, counts } = lazyWork();
  const work = make(lazy, 'a', 2001);
  assert.deepEqual(counts, { summaries: 0, fills: 0 });
  assert.equal(work.summary, 'a (2001)');
  assert.equal(work.summary, 'a (2001)');
  assert.deepEqual(counts, { summaries: 1, fills: 0 });
});

test('lazy properties: the first read of a property filled together fills them all once; left-out ones are then absent', () => {
  const { lazy, counts } = lazyWork();
  const work = make(lazy, 'b');
  assert.equal(work.year, undefined);
  assert.equal(work.title, 'Title of b');
  assert.equal(work.words, 3);
  assert.equal(counts.fills, 1);
  assert.deepEqual(Object.keys(work), ['id', 'summary', 'words', 'title']);
  assert.equal('note' in work, false);
  assert.deepEqual(work, { id: 'b', summary: 'b (n.d.)', words: 3, title: 'Title of b' });
});

test('lazy properties: JSON, spread and rest destructuring see every value, in order, on objects nobody read yet', () => {
  const { lazy } = lazyWork();
  assert.equal(JSON.stringify(make(lazy, 'j', 1999)), '{"id":"j","summary":"j (1999)","words":3,"title":"Title of j","year":1999}');
  assert.deepEqual({ ...make(lazy, 's') }, { id: 's', summary: 's (n.d.)', words: 3, title: 'Title of s' });
  const { id, ...rest } = make(lazy, 'r', 2020);
  assert.equal(id, 'r');
  assert.deepEqual(rest, { summary: 'r (2020)', words: 3, title: 'Title of r', year: 2020 });
});

test('lazy properties: an assignment sets the value without computing it, or after filling the others', () => {
  const { lazy, counts } = lazyWork();
  const work = make(lazy, 'w', 2020);
  work.summary = 'written';
  assert.equal(work.summary, 'written');
  assert.deepEqual(counts, { summaries: 0, fills: 0 });
  work.year = 1900;
  work.note = 'added';
  assert.equal(counts.fills, 1);
  assert.deepEqual(work, { id: 'w', summary: 'written', words: 3, title: 'Title of w', year: 1900, note: 'added' });
});
