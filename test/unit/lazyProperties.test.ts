import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeferredProperties, LazyProperties } from '../../server/src/core/syntax/bib/lazyProperties';

interface Item {
  id: string;
  summary?: string;
}

function counted(): { lazy: LazyProperties<Item, string>; calls: () => number } {
  let calls = 0;
  const lazy = new LazyProperties<Item, string>({ summary: (item, input) => (calls++, `${item.id}: ${input}`) });
  return { lazy, calls: () => calls };
}

test('lazy properties: computed on first read, once, and seen by JSON, spread and rest like plain fields', () => {
  const { lazy, calls } = counted();
  const item: Item = { id: 'a' };
  lazy.install(item, 'made late');
  assert.equal(calls(), 0);
  assert.equal(item.summary, 'a: made late');
  assert.equal(item.summary, 'a: made late');
  assert.equal(calls(), 1);
  assert.equal(JSON.stringify(item), '{"id":"a","summary":"a: made late"}');
  assert.deepEqual({ ...item }, { id: 'a', summary: 'a: made late' });
  const { id, ...rest } = item;
  assert.equal(id, 'a');
  assert.deepEqual(rest, { summary: 'a: made late' });
});

test('lazy properties: an assignment replaces the value without computing it', () => {
  const { lazy, calls } = counted();
  const item: Item = { id: 'b' };
  lazy.install(item, 'unused');
  item.summary = 'written';
  assert.equal(item.summary, 'written');
  assert.equal(calls(), 0);
  assert.deepEqual(Object.keys(item), ['id', 'summary']);
});

interface Work {
  id: string;
  title?: string;
  year?: number;
  note?: string;
}

/** Fills a title always, a year when the input has one, and never a note. */
function deferredWork(): { deferred: DeferredProperties<Work, number | undefined>; fills: () => number } {
  let fills = 0;
  const deferred = new DeferredProperties<Work, number | undefined>(['title', 'year', 'note'], (work, year) => {
    fills++;
    work.title = `Title of ${work.id}`;
    if (year !== undefined) work.year = year;
  });
  return { deferred, fills: () => fills };
}

test('deferred properties: the first read fills all of them once; left-out ones are then absent, not undefined', () => {
  const { deferred, fills } = deferredWork();
  const work: Work = { id: 'a' };
  deferred.install(work, undefined);
  assert.equal(fills(), 0);
  assert.equal(work.year, undefined);
  assert.equal(fills(), 1);
  assert.equal(work.title, 'Title of a');
  assert.equal(fills(), 1);
  assert.deepEqual(work, { id: 'a', title: 'Title of a' });
  assert.deepEqual(Object.keys(work), ['id', 'title']);
  assert.equal('note' in work, false);
});

test('deferred properties: JSON, spread and rest destructuring fill the object first and see what was filled', () => {
  const { deferred } = deferredWork();
  const make = (id: string, year?: number): Work => {
    const work: Work = { id };
    deferred.install(work, year);
    return work;
  };
  assert.equal(JSON.stringify(make('j', 2001)), '{"id":"j","title":"Title of j","year":2001}');
  assert.deepEqual({ ...make('s') }, { id: 's', title: 'Title of s' });
  const { id, ...rest } = make('r', 1999);
  assert.equal(id, 'r');
  assert.deepEqual(rest, { title: 'Title of r', year: 1999 });
});

test('deferred properties: an assignment fills the others first and then wins', () => {
  const { deferred, fills } = deferredWork();
  const work: Work = { id: 'w' };
  deferred.install(work, 2020);
  work.year = 1900;
  work.note = 'added';
  assert.equal(fills(), 1);
  assert.deepEqual(work, { id: 'w', title: 'Title of w', year: 1900, note: 'added' });
});
