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
  return {
    entries: bibliography.entries.length,
    rssBeforeMB: megabytes(rssBefore),
    rssAfterMB: megabytes(usage.rss),
    // maxRSS is in kilobytes.
    peakRssMB: megabytes(process.resourceUsage().maxRSS * 1024),
    heapUsedMB: megabytes(usage.heapUsed),
  };
}

if (require.main === module) process.stdout.write(JSON.stringify(probe(process.argv[2])));
