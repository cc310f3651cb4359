// The server's side of the style engine's thread, driven with a stand-in thread: entries are formatted once and kept,
// a thread that stops leaves entries with their plain summary instead of hanging, and it is started again when asked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { BackgroundFormatter, plainSummary } from '../../server/src/backgroundFormatter';
import type { StyleEngineRequest } from '../../server/src/styleEngineWorker';
import type { ReferenceEntry } from '../../server/src/core/types';

/** A thread that records what it is sent and answers when the test says so. */
class StandInThread extends EventEmitter {
  readonly received: StyleEngineRequest[] = [];
  postMessage(request: StyleEngineRequest): void {
    this.received.push(request);
  }
  unref(): void {}
  terminate(): Promise<number> {
    return Promise.resolve(0);
  }
  answer(request: StyleEngineRequest, markdown: string): void {
    if ('id' in request) this.emit('message', { id: request.id, result: { markdown } });
  }
}

function entry(id: string): ReferenceEntry {
  return { id, key: id, span: { start: 0, end: 0 }, text: `Oke, T. R. (1982). The energetic basis <${id}>.`, authors: [], problems: [], csl: { id, type: 'book', title: 'Heat' } };
}

function formatterWith(threads: StandInThread[], log: string[] = []): BackgroundFormatter {
  return new BackgroundFormatter(() => {
    const thread = new StandInThread();
    threads.push(thread);
    return thread as unknown as Worker;
  }, (message) => log.push(message));
}

test('an entry is formatted once on the thread and then read from what was kept', async () => {
  const threads: StandInThread[] = [];
  const formatter = formatterWith(threads);
  const oke = entry('oke1982');
  assert.equal(formatter.cached(oke, 'apa'), undefined);
  assert.equal(formatter.isReady('apa'), false);
  const done = formatter.format([oke], 'apa');
  const again = formatter.format([oke], 'apa');
  assert.equal(threads.length, 1);
  assert.equal(threads[0].received.filter((r) => r.kind === 'format').length, 1, 'an entry asked for twice is sent once');
  threads[0].answer(threads[0].received[0], 'Oke, T. R. (1982). *Heat*.');
  await Promise.all([done, again]);
  assert.equal(formatter.cached(oke, 'apa')?.markdown, 'Oke, T. R. (1982). *Heat*.');
  assert.equal(formatter.isReady('apa'), true);
  assert.equal(formatter.cached(oke, 'vancouver'), undefined, 'kept per style');
  await formatter.format([oke], 'apa');
  assert.equal(threads[0].received.length, 1, 'a formatted entry is not sent again');
});

test('a thread that stops answers nothing: waiting ends, the entry keeps its plain summary, and a new thread is started', async () => {
  const threads: StandInThread[] = [];
  const log: string[] = [];
  const formatter = formatterWith(threads, log);
  const oke = entry('oke1982');
  const done = formatter.format([oke], 'apa');
  threads[0].emit('exit', 1);
  await done;
  assert.equal(formatter.cached(oke, 'apa'), undefined);
  assert.match(log.join('\n'), /style engine stopped/);
  assert.equal(plainSummary(oke), 'Oke, T. R. (1982). The energetic basis .');
  void formatter.format([oke], 'apa');
  assert.equal(threads.length, 2, 'started again when asked');
});

test('custom styles are registered with every thread, also one started after a stop', async () => {
  const threads: StandInThread[] = [];
  const formatter = formatterWith(threads);
  formatter.warmUp('apa');
  formatter.registerStyle('file:house.csl', '<style xmlns="http://purl.org/net/xbiblio/csl"/>');
  threads[0].emit('exit', 1);
  await new Promise((resolve) => setImmediate(resolve));
  formatter.warmUp('apa');
  assert.deepEqual(threads.map((thread) => thread.received.map((r) => r.kind)), [['warm-up', 'register'], ['register', 'warm-up']]);
});
