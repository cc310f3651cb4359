// The client's rule for a crashed language server: restart it a few times, and after too many crashes in a short
// time stop and say so; crashes long ago, and crashes before a restart by hand, do not count.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartPolicy } from '../../client/src/restartPolicy';

const MINUTE = 60_000;

function policyAt(start = 1_000_000) {
  const clock = { now: start };
  const policy = new RestartPolicy({ maxRestarts: 4, withinMs: 3 * MINUTE }, () => clock.now);
  return { clock, policy };
}

test('the first four crashes within three minutes are restarted; the fifth stops the server with a message saying so', () => {
  const { clock, policy } = policyAt();
  for (let crash = 1; crash <= 4; crash++) {
    assert.deepEqual(policy.crashed(), { restart: true }, `crash ${crash}`);
    clock.now += 10_000;
  }
  assert.deepEqual(policy.crashed(), {
    restart: false,
    message: 'Citewise\'s language server stopped unexpectedly 5 times in the last 3 minutes, so it was not started again. The "Citewise" output shows what went wrong.',
  });
});

test('crashes spread over a long time keep being restarted', () => {
  const { clock, policy } = policyAt();
  for (let crash = 1; crash <= 20; crash++) {
    assert.deepEqual(policy.crashed(), { restart: true }, `crash ${crash}`);
    clock.now += MINUTE;
  }
});

test('only crashes within the window count: a fifth crash after the first one left the window is restarted', () => {
  const { clock, policy } = policyAt();
  policy.crashed();
  clock.now += 2 * MINUTE;
  for (let crash = 2; crash <= 4; crash++) assert.equal(policy.crashed().restart, true);
  clock.now += MINUTE;
  assert.equal(policy.crashed().restart, true, 'the first crash is three minutes old now');
  assert.equal(policy.crashed().restart, false, 'five crashes within the window');
});

test('after a restart by hand, earlier crashes no longer count', () => {
  const { policy } = policyAt();
  for (let crash = 1; crash <= 5; crash++) policy.crashed();
  policy.reset();
  assert.equal(policy.crashed().restart, true);
});

test('errors on the connection are tolerated three times, then the connection is given up', () => {
  const { policy } = policyAt();
  assert.deepEqual([1, 2, 3, 4, undefined].map((count) => policy.keepAfterError(count)), [true, true, true, false, false]);
});
