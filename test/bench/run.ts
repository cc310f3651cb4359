// The benchmark suite: builds its inputs in a temporary folder, measures every section side by side in one run, and
// prints one table with the machine it ran on. Benchmarks print figures; nothing here passes or fails.
// Run: npm run bench (which builds the server first), or npm run bench -- [section ...] to run some of indexing,
// documents, formatting, server, workspace, client, memory, loading (the latency rows are documents, server, workspace,
// client).

import { indexingRows } from './indexingBench';
import { formattingRows, keyedRows, readBibliography, thesisRows } from './documentBench';
import { serverRows } from './serverBench';
import { firstHoverRows } from './firstHoverBench';
import { memoryRows } from './memoryBench';
import { loadingRows } from './loadingBench';
import { workspaceRows } from './workspaceBench';
import { firstRequestRows } from './firstRequestBench';
import { clientRows } from './clientBench';
import { temporaryFolder, writeBibliographyFiles, type BibliographyFiles } from './bibliographyFiles';
import { syntheticThesis } from './syntheticDocuments';
import { machine, table, type Row } from './report';

const BIBLIOGRAPHY_SIZES = [1_000, 10_000, 50_000];
const THESIS = { words: 150_000, references: 1_000, citations: 5_000 };

const SECTIONS = ['indexing', 'documents', 'formatting', 'server', 'workspace', 'client', 'memory', 'loading'] as const;
type Section = (typeof SECTIONS)[number];

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const chosen = new Set<Section>(asked.length ? SECTIONS.filter((section) => asked.includes(section)) : SECTIONS);
  const started = Date.now();
  const { folder, remove } = temporaryFolder();
  const rows: Row[] = [];
  try {
    const bibliographies: BibliographyFiles[] = BIBLIOGRAPHY_SIZES.map((size) => writeBibliographyFiles(folder, size));
    const largest = bibliographies[bibliographies.length - 1];
    const thesis = syntheticThesis(THESIS);
    const thesisSize = `${(THESIS.words / 1000).toFixed(0)}k words`;
    if (chosen.has('indexing')) {
      for (const collection of bibliographies) {
        progress(`indexing ${collection.entries} entries`);
        rows.push(...indexingRows(collection));
      }
    }
    if (chosen.has('documents')) {
      progress('thesis');
      rows.push(...thesisRows(thesis, thesisSize));
      progress('paper with keys');
      rows.push(...keyedRows(largest));
      progress('first requests after a large bibliography is read');
      rows.push(...(await firstRequestRows(folder, largest)));
    }
    if (chosen.has('formatting')) {
      progress('formatting');
      rows.push(...formattingRows(readBibliography(largest).entries));
    }
    if (chosen.has('server')) {
      progress('server');
      rows.push(...(await serverRows(folder, thesis)));
      progress('first hover');
      rows.push(...(await firstHoverRows(folder, bibliographies[0].works)));
    }
    if (chosen.has('workspace')) {
      progress('workspace of chapters');
      rows.push(...(await workspaceRows(folder, bibliographies[1])));
    }
    if (chosen.has('client')) {
      progress('client activation');
      rows.push(...(await clientRows()));
    }
    if (chosen.has('memory')) {
      progress('memory');
      rows.push(...memoryRows(largest));
    }
    if (chosen.has('loading')) {
      progress('loading a 40 MB file');
      rows.push(...(await loadingRows(folder)));
    }
  } finally {
    remove();
  }
  console.log(table(rows));
  console.log(`\nMachine: ${machine()}. Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  console.log('Ratios: × floor is time divided by the floor row above it; × Citewise is citation-js time divided by Citewise\'s.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
