// A 40 MB bibliography file as the server reads it: the time until every entry is indexed, and the longest time the
// event loop was blocked meanwhile (the longest gap between ticks of a 1 ms interval timer), which is how long a
// request made during the load could have to wait. Read at once (as the command-line checker does) and read in the
// background a slice at a time (as the server does).

import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { pathToUri, Workspace } from '../../server/src/workspace';
import { bibtexText, cslJsonText, syntheticWorks } from './syntheticBibliography';
import { millisecondsSince, summarise } from './measure';
import { milliseconds, type Row } from './report';

const TARGET_MEGABYTES = 40;
const RUNS = 3;
/** What the server reads in the background. */
const BACKGROUND_BYTES = 1048576;

interface Load {
  indexedMs: number;
  longestBlockMs: number;
  entries: number;
}

/** Works enough for the target size in BibTeX, from the size of a sample. */
function worksFor(megabytes: number) {
  const sample = syntheticWorks(1000);
  const perWork = Buffer.byteLength(bibtexText(sample)) / sample.length;
  return syntheticWorks(Math.ceil((megabytes * 1e6) / perWork));
}

/** Loads the file through a fresh workspace and watches the event loop while it does. */
async function load(folder: string, file: string, inBackground: boolean): Promise<Load> {
  let longestBlockMs = 0;
  let lastTick = process.hrtime.bigint();
  const ticker = setInterval(() => {
    const now = process.hrtime.bigint();
    longestBlockMs = Math.max(longestBlockMs, Number(now - lastTick) / 1e6);
    lastTick = now;
  }, 1);
  let finished: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (finished = resolve));
  const reader = new BibliographyReader();
  const workspace = new Workspace({
    roots: () => [folder],
    settingPaths: () => [],
    maxFileBytes: () => 100 * 1048576,
    parse: (texts) => reader.read(texts),
    log: () => undefined,
    onChange: () => finished(),
    watch: false,
    backgroundBytes: inBackground ? BACKGROUND_BYTES : undefined,
  });
  const bibliography = () => workspace.bibliographyFor(pathToUri(path.join(folder, 'essay.md')), [{ path: path.basename(file), span: { start: 0, end: 0 } }]);
  // Let the ticker start before the load does.
  await new Promise((resolve) => setTimeout(resolve, 20));
  lastTick = process.hrtime.bigint();
  const started = process.hrtime.bigint();
  if (inBackground) {
    bibliography();
    await read;
  }
  const entries = bibliography().entries.length;
  const indexedMs = millisecondsSince(started);
  // The last tick may still be owed: a load that never yielded shows up only here.
  longestBlockMs = Math.max(longestBlockMs, Number(process.hrtime.bigint() - lastTick) / 1e6);
  clearInterval(ticker);
  return { indexedMs, longestBlockMs, entries };
}

export async function loadingRows(folder: string): Promise<Row[]> {
  const works = worksFor(TARGET_MEGABYTES);
  const files = [
    { format: 'BibTeX', file: path.join(folder, 'large.bib'), text: bibtexText(works) },
    { format: 'CSL-JSON', file: path.join(folder, 'large.json'), text: cslJsonText(works) },
  ];
  const rows: Row[] = [];
  for (const { format, file, text } of files) {
    writeFileSync(file, text);
    const size = `${(Buffer.byteLength(text) / 1e6).toFixed(0)} MB, ${works.length} entries`;
    for (const inBackground of [false, true]) {
      const loads: Load[] = [];
      for (let run = 0; run < RUNS; run++) loads.push(await load(folder, file, inBackground));
      const how = inBackground ? 'read in background slices' : 'read at once';
      const blocked = summarise(loads.map((l) => l.longestBlockMs));
      rows.push({
        what: `${format} file: ${how} → all entries indexed`,
        size,
        timing: summarise(loads.map((l) => l.indexedMs)),
        notes: `longest event-loop block: median ${milliseconds(blocked.median)}, worst ${milliseconds(blocked.p95)} (${RUNS} runs)`,
      });
    }
  }
  return rows;
}
