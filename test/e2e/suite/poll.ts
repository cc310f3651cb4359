// Waiting for the language server: it answers asynchronously, so tests ask again until the answer is the expected one
// or the time is up, and never sleep for a guessed duration.

export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `probe` until `isDone` accepts its result and returns that result; after the timeout, fails with `what` and
 * the last result seen, so that a failure shows what VS Code actually had.
 */
export async function pollUntil<T>(what: string, probe: () => T | Thenable<T>, isDone: (value: T) => boolean, options: PollOptions = {}): Promise<T> {
  const { timeoutMs = 45_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (isDone(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError !== undefined && last === undefined ? String(lastError) : JSON.stringify(last, null, 1);
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
