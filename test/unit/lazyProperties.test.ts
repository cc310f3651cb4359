import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LazyProperties } from '../../server/src/core/syntax/bib/lazyProperties';

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
