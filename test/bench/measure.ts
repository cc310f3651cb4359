// Timing functions for the benchmarks: wall-clock milliseconds, medians and 95th percentiles.

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

/** Milliseconds since `started` (a value of process.hrtime.bigint()). */
export function millisecondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function timeOnce(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return millisecondsSince(started);
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** Runs `run` once to warm up, then `runs` times, and gives the median and 95th percentile. */
export function timeRepeated(runs: number, run: () => void): Timing {
  run();
  return summarise(Array.from({ length: runs }, () => timeOnce(run)));
}

/** Times one call per input, after warming up on the first `warmUp` inputs, for latencies over many positions. */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => void, warmUp = 5): Timing {
  for (const input of inputs.slice(0, warmUp)) run(input);
  return summarise(inputs.map((input) => timeOnce(() => run(input))));
}

export async function timeRepeatedAsync(runs: number, run: () => Promise<void>): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(millisecondsSince(started));
  }
  return summarise(samples);
}
