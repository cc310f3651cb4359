// Answers that show entries formatted in a citation style, computed without holding a person up: the style engine
// formats on its own thread, so an answer is computed with what is formatted already and, where entries are missing,
// computed again once they are, within a patience that depends on who waits.

import type { EntryRenderer } from './core/features/entryText';
import type { ReferenceEntry } from './core/types';
import { plainSummary, type BackgroundFormatter } from './backgroundFormatter';

/** How long a hover or a completion item waits for its entries to be formatted, once the style engine is built. */
const QUICK_FORMAT_WAIT_MS = 150;
/** How long a command that writes formatted entries waits for them, the style engine's build included. */
const COMMAND_FORMAT_WAIT_MS = 20_000;

/** A quick answer (hover, completion) never waits for the engine's build; a command waits for its entries. */
export type FormatPatience = 'quick' | 'command';

/** Runs `compute` again, answering `fallback` if it fails (the server's guard). */
export type Recompute = <T>(fallback: T, compute: () => T) => T;

export function withFormattedEntries<T>(
  engine: BackgroundFormatter,
  style: string,
  patience: FormatPatience,
  compute: (render: EntryRenderer) => T,
  recompute: Recompute,
): T | Promise<T> {
  const missing: ReferenceEntry[] = [];
  const first = compute((entry) => engine.cached(entry, style)?.markdown ?? (missing.push(entry), plainSummary(entry)));
  if (missing.length === 0) return first;
  const formatted = engine.format(missing, style);
  if (patience === 'quick' && !engine.isReady(style)) return first;
  const waitMs = patience === 'quick' ? QUICK_FORMAT_WAIT_MS : COMMAND_FORMAT_WAIT_MS;
  return settledWithin(formatted, waitMs).then(() =>
    recompute(first, () => compute((entry) => engine.cached(entry, style)?.markdown ?? plainSummary(entry))),
  );
}

/** Resolves when the promise does or after `ms`, whichever comes first, leaving no timer behind. */
function settledWithin(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
