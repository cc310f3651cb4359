// Reads a large bibliography file without blocking the server: its text with fs.promises, then its entries a slice at
// a time with the event loop free between slices, so that requests are answered meanwhile from the entries read so far.

import * as fs from 'node:fs';
import { startReading, type SlicedReading } from './core/index/slicedReading';

/** How far the reading of one file has got, for showing it in the editor. */
export interface ReadingProgress {
  /** How much of the file is read, from 0 to 1. */
  report(fraction: number): void;
  done(): void;
}

/** A file as the workspace holds it while it is read: its text once read, then its slices. */
export interface FileBeingRead {
  text: string;
  reading?: SlicedReading;
  /** Counts the snapshots of the entries read so far that requests are given; absent once the file is read. */
  loading?: { snapshot: number };
}

/**
 * Requests see a new snapshot of the entries each time this much more of the file is read: merging the entries read
 * so far for every slice would cost more than reading the slices.
 */
const SNAPSHOT_STEP = 0.05;

/**
 * Reads the file into `into`: at most `prefixBytes` of it when given (up to the last complete line). Stops early, with
 * false, once `superseded` says a newer copy of the file replaced this one.
 */
export async function readInSlices(
  file: { path: string; source: string },
  into: FileBeingRead,
  options: { prefixBytes?: number; progress?: ReadingProgress; superseded: () => boolean; pauseMs?: number },
): Promise<boolean> {
  const { prefixBytes, progress, superseded, pauseMs = 0 } = options;
  try {
    into.text = prefixBytes === undefined ? await fs.promises.readFile(file.path, 'utf8') : await readPrefixInBackground(file.path, prefixBytes);
    if (superseded()) return false;
    const reading = startReading({ source: file.source, path: file.path, text: into.text });
    into.reading = reading;
    let snapshotAt = 0;
    while (!reading.step()) {
      if (into.loading && reading.fraction - snapshotAt >= SNAPSHOT_STEP) {
        into.loading.snapshot++;
        snapshotAt = reading.fraction;
      }
      progress?.report(reading.fraction);
      await nextTurn(pauseMs);
      if (superseded()) return false;
    }
    return true;
  } finally {
    progress?.done();
  }
}

/** Reads the first `limit` bytes of a file, up to its last complete line, so that a huge file is indexed in part. */
export function readPrefix(file: string, limit: number): string {
  const descriptor = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    return completeLines(buffer, fs.readSync(descriptor, buffer, 0, limit, 0));
  } finally {
    fs.closeSync(descriptor);
  }
}

/** `readPrefix` without blocking the event loop. */
async function readPrefixInBackground(file: string, limit: number): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buffer, 0, limit, 0);
    return completeLines(buffer, bytesRead);
  } finally {
    await handle.close();
  }
}

function completeLines(buffer: Buffer, length: number): string {
  const text = buffer.subarray(0, length).toString('utf8');
  const lastLine = text.lastIndexOf('\n');
  return lastLine < 0 ? text : text.slice(0, lastLine + 1);
}

/**
 * Lets the event loop run everything waiting (requests, timers) before the next slice; with a pause, waits that long
 * too, which tests use to look at a reading in progress however fast the machine reads.
 */
function nextTurn(pauseMs: number): Promise<void> {
  return new Promise((resolve) => (pauseMs > 0 ? setTimeout(resolve, pauseMs) : setImmediate(resolve)));
}

/** How the server paces background reading: when progress is first shown, and any pause between slices. */
export interface BackgroundReadingOptions {
  showProgressAfterMs: number;
  pauseBetweenSlicesMs: number;
}

/** Reads the `backgroundReading` initialization option; anything that is not a number of milliseconds keeps its default. */
export function readBackgroundReading(value: unknown, defaults: BackgroundReadingOptions): BackgroundReadingOptions {
  const given = (value ?? {}) as Record<string, unknown>;
  const milliseconds = (entry: unknown, fallback: number) => (typeof entry === 'number' && Number.isFinite(entry) && entry >= 0 ? Math.min(entry, 60_000) : fallback);
  return {
    showProgressAfterMs: milliseconds(given.showProgressAfterMs, defaults.showProgressAfterMs),
    pauseBetweenSlicesMs: milliseconds(given.pauseBetweenSlicesMs, defaults.pauseBetweenSlicesMs),
  };
}
