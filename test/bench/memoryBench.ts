// Peak memory of a process that has read a large bibliography, measured in a fresh process (see memoryProbe).

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { MemoryReport } from './memoryProbe';
import type { Row } from './report';
import type { BibliographyFiles } from './bibliographyFiles';

export function memoryRows(collection: BibliographyFiles): Row[] {
  const probe = path.join(__dirname, 'memoryProbe.js');
  const output = execFileSync(process.execPath, ['--expose-gc', probe, collection.bibtexPath], { encoding: 'utf8' });
  const report = JSON.parse(output) as MemoryReport;
  return [
    {
      what: 'memory after reading BibTeX',
      size: `${report.entries.toLocaleString('en')} entries`,
      value: `${report.peakRssMB} MB`,
      notes: `peak RSS; ${report.rssAfterMB} MB RSS and ${report.heapUsedMB} MB heap after GC, ${report.rssBeforeMB} MB RSS before reading`,
    },
    {
      what: 'memory after every entry\'s problems were read',
      size: `${report.entries.toLocaleString('en')} entries`,
      value: `${report.rssEveryEntryMB} MB`,
      notes: `RSS, as a bibliography's diagnostics leave it; ${report.heapEveryEntryMB} MB heap after GC`,
    },
  ];
}
