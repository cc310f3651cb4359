// Property tests for every parser of the core, on random text, fragment soup and mutated samples: never throws, every
// range inside the input, citations in order without overlap, each part inside its whole, and the same input gives the
// same output. Seeded and bounded so that `npm test` stays quick and a failure replays; `npm run fuzz` runs longer.

import { test } from 'node:test';
import fc from 'fast-check';
import { casesFor, checkCase, targets } from './targets';

/** Change the seed to explore new cases; a failure message prints the seed and path that replay it. */
const SEED = 20260214;
const RUNS_PER_PARSER = 400;

for (const target of targets) {
  test(`${target.name} keeps its properties on random and mutated input`, () => {
    fc.assert(
      fc.property(casesFor(target), (input) => {
        checkCase(target, input);
      }),
      { seed: SEED, numRuns: RUNS_PER_PARSER },
    );
  });
}
