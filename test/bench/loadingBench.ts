// A 40 MB bibliography file as the server reads it: the time until every entry is indexed, and the longest time the
// event loop was blocked meanwhile (the longest gap between ticks of a 1 ms interval timer), which is how long a
// request made during the load could have to wait. Read at once (as the command-line checker does) and read in the
// background a slice at a time (as the server does). Then the server itself over LSP: how long hovers made while it
// reads the file wait for their answers.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { pathToUri, Workspace } from '../../server/src/workspace';
import { serverPath, startServer } from '../support/lspClient';
import { bibtexText, cslJsonText, syntheticWorks } from './syntheticBibliography';
import { millisecondsSince, summarise } from './measure';
import { milliseconds, type Row } from './report';

const TARGET_MEGABYTES = 40;
const RUNS = 3;
/** What the server reads in the background. */
const BACKGROUND_BYTES = 1048576;
/** Long enough for the server's style engine warm-up, which starts 200 ms after it is initialized. */
const STYLE_WARM_UP_MS = 3000;

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
    if (format === 'BibTeX') rows.push(await hoversWhileReading(folder, text, works[0].key));
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

/** Opens a document whose bibliography is the large file and hovers its first key every 20 ms until the file is read. */
async function hoversWhileReading(folder: string, bibtex: string, firstKey: string): Promise<Row> {
  const what = 'server over LSP: hover while the BibTeX file is read';
  if (!existsSync(serverPath)) return { what, size: '', notes: 'dist/server.js is missing: run npm run build' };
  const own = path.join(folder, 'hover');
  mkdirSync(own, { recursive: true });
  writeFileSync(path.join(own, 'library.bib'), bibtex);
  const text = `---\nbibliography: library.bib\n---\n\nAs shown [@${firstKey}] and [@nosuchkey].\n`;
  const uri = pathToUri(path.join(own, 'paper.md'));
  const server = await startServer();
  // The server builds its citation style engine just after it starts, which blocks it for about a second whatever it
  // reads; that is measured with the start-up, so the document is opened after it.
  await new Promise((resolve) => setTimeout(resolve, STYLE_WARM_UP_MS));
  const latencies: number[] = [];
  let answered = 0;
  try {
    const opened = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    let read = false;
    const fullyRead = server.diagnostics(uri, (ds) => ds.some((d) => d.code === 'unknown-key'), 120_000).then(() => (read = true));
    const position = { line: 4, character: text.split('\n')[4].indexOf('@') + 2 };
    while (!read) {
      const asked = process.hrtime.bigint();
      const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      latencies.push(millisecondsSince(asked));
      if (hover) answered++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await fullyRead;
    const indexed = millisecondsSince(opened);
    const timing = summarise(latencies);
    return {
      what,
      size: `${(Buffer.byteLength(bibtex) / 1e6).toFixed(0)} MB`,
      timing,
      notes: `${latencies.length} hovers, ${answered} with the entry, longest wait ${milliseconds(Math.max(...latencies))}; open → unknown-key diagnostic (file read) ${milliseconds(indexed)}`,
    };
  } finally {
    await server.stop();
  }
}
