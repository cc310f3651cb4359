// Run as its own process by the benchmark: reads one bibliography file the way the server does and prints its
// resident memory before and after, and the peak, as JSON. A fresh process keeps the figures free of the benchmark's
// own data.

import { readFileSync } from 'node:fs';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { mergeBibliography } from '../../server/src/core/index/bibliography';

export interface MemoryReport {
  entries: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  peakRssMB: number;
  heapUsedMB: number;
  /** After every entry's problems were read, as a bibliography's diagnostics do. */
  rssEveryEntryMB: number;
  heapEveryEntryMB: number;
}

function megabytes(bytes: number): number {
  return Math.round(bytes / 1e6);
}

function probe(file: string): MemoryReport {
  const rssBefore = process.memoryUsage().rss;
  const text = readFileSync(file, 'utf8');
  const bibliography = mergeBibliography(new BibliographyReader().read([{ source: `file://${file}`, path: file, text, version: '1' }]));
  global.gc?.();
  const usage = process.memoryUsage();
  // maxRSS is in kilobytes.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  for (const entry of bibliography.entries) void entry.problems;
  global.gc?.();
  const everyEntry = process.memoryUsage();
  return {
    entries: bibliography.entries.length,
    rssBeforeMB: megabytes(rssBefore),
    rssAfterMB: megabytes(usage.rss),
    peakRssMB: megabytes(peakRss),
    heapUsedMB: megabytes(usage.heapUsed),
    rssEveryEntryMB: megabytes(everyEntry.rss),
    heapEveryEntryMB: megabytes(everyEntry.heapUsed),
  };
}

if (require.main === module) process.stdout.write(JSON.stringify(probe(process.argv[2])));
