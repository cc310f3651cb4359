// A thesis written in chapters: 40 chapter files in one workspace folder sharing one bibliography file, opened in the
// language server as an editor opens them. Measures what the writer waits for: the diagnostics of the first chapter
// opened (the bibliography is read then), of all 40, of a keystroke; finding a key's citations across the chapters;
// searching the entries by name; and the server's memory with every chapter open. Needs the bundled server.

import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeFacts } from '../../server/src/core/index/documentFacts';
import { serverPath, startServer, type TestServer } from '../support/lspClient';
import { millisecondsSince, summarise, timeRepeatedAsync, type Timing } from './measure';
import type { Row } from './report';
import type { BibliographyFiles } from './bibliographyFiles';
import { pandocPaper } from './syntheticDocuments';

const CHAPTERS = 40;
/** Citations per chapter: 40 chapters of about 5,000 words with 125 citations each, 5,000 in all. */
const CITATIONS_PER_CHAPTER = 125;
const STARTS = 3;
const REFERENCE_QUERIES = 20;
const SYMBOL_QUERIES = ['mül', 'qerimi', 'urban heat', 'nguyen 2019', 'capek'];
const PAUSE_BEFORE_MEMORY_MS = 2000;

interface Chapter {
  uri: string;
  text: string;
}

function writeWorkspace(folder: string, collection: BibliographyFiles): { root: string; chapters: Chapter[] } {
  const root = path.join(folder, 'thesis-in-chapters');
  mkdirSync(root, { recursive: true });
  copyFileSync(collection.bibtexPath, path.join(root, 'references.bib'));
  const chapters = Array.from({ length: CHAPTERS }, (_, i) => {
    const file = path.join(root, `chapter-${String(i + 1).padStart(2, '0')}.md`);
    const text = pandocPaper(collection.works, CITATIONS_PER_CHAPTER, 'references.bib', 100 + i);
    writeFileSync(file, text);
    return { uri: pathToFileURL(file).href, text };
  });
  return { root, chapters };
}

function open(server: TestServer, chapter: Chapter): Promise<void> {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: chapter.uri, languageId: 'markdown', version: 1, text: chapter.text } });
}

/** The server's resident memory, read from /proc where there is one. */
function residentMegabytes(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kilobytes ? Math.round(Number(kilobytes) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Positions of cited keys in a chapter, spread through it, as LSP positions. */
function keyPositions(chapter: Chapter, count: number): { line: number; character: number }[] {
  const document = TextDocument.create(chapter.uri, 'markdown', 1, chapter.text);
  const keys = computeFacts(chapter.text, 'markdown', 1).keyedCitations.flatMap((citation) => citation.keys);
  return Array.from({ length: Math.min(count, keys.length) }, (_, i) => document.positionAt(keys[Math.floor((i * keys.length) / count)].span.start + 1));
}

export async function workspaceRows(folder: string, collection: BibliographyFiles): Promise<Row[]> {
  if (!existsSync(serverPath)) return [{ what: 'workspace of chapters', size: '', notes: 'dist/server.js is missing: run npm run build' }];
  const { root, chapters } = writeWorkspace(folder, collection);
  const rootUri = pathToFileURL(root).href;
  const size = `${CHAPTERS} chapters, ${collection.entries.toLocaleString('en')} entries`;
  const firstChapter: number[] = [];
  const allChapters: number[] = [];
  let references: Timing | undefined;
  let symbols: Timing | undefined;
  let keystroke: Timing | undefined;
  let memory: number | undefined;
  let locationsFound = 0;
  for (let run = 0; run < STARTS; run++) {
    const server = await startServer(undefined, { rootUri });
    try {
      const opened = process.hrtime.bigint();
      await open(server, chapters[0]);
      await server.diagnostics(chapters[0].uri, () => true, 60_000);
      firstChapter.push(millisecondsSince(opened));
      const rest = process.hrtime.bigint();
      for (const chapter of chapters.slice(1)) await open(server, chapter);
      for (const chapter of chapters.slice(1)) await server.diagnostics(chapter.uri, () => true, 60_000);
      allChapters.push(millisecondsSince(rest));
      // The later figures are taken once, in the last run, with every chapter open.
      if (run < STARTS - 1) continue;
      const positions = keyPositions(chapters[0], REFERENCE_QUERIES);
      let next = 0;
      references = await timeRepeatedAsync(positions.length, async () => {
        const found = (await server.connection.sendRequest('textDocument/references', {
          textDocument: { uri: chapters[0].uri },
          position: positions[next++],
          context: { includeDeclaration: false },
        })) as unknown[] | null;
        locationsFound += found?.length ?? 0;
      });
      let query = 0;
      symbols = await timeRepeatedAsync(SYMBOL_QUERIES.length * 2, async () => {
        await server.connection.sendRequest('workspace/symbol', { query: SYMBOL_QUERIES[query++ % SYMBOL_QUERIES.length] });
      });
      keystroke = await timeKeystrokes(server, chapters[CHAPTERS / 2]);
      // Once the writer pauses, the server builds its citation style engine; the memory is read after that.
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BEFORE_MEMORY_MS));
      memory = residentMegabytes(server.process.pid);
    } finally {
      await server.stop();
    }
  }
  return [
    { what: 'workspace: open first chapter → diagnostics', size, timing: summarise(firstChapter), notes: `${STARTS} starts; reads the bibliography file` },
    { what: 'workspace: open 39 more chapters → all diagnostics', size, timing: summarise(allChapters), notes: `${STARTS} starts; ${CITATIONS_PER_CHAPTER} cited keys per chapter` },
    { what: 'workspace: find references of a key', size: `${references?.runs ?? 0} keys`, timing: references, notes: `across ${CHAPTERS} open chapters; ${(locationsFound / Math.max(1, references?.runs ?? 1)).toFixed(0)} citations per key` },
    { what: 'workspace: symbol search of entries', size: `${symbols?.runs ?? 0} queries`, timing: symbols, notes: 'author, title and year words' },
    { what: 'workspace: keystroke → diagnostics over LSP', size: `${keystroke?.runs ?? 0} edits`, timing: keystroke, notes: 'one chapter of 40 open; includes the server\'s 120 ms pause after typing' },
    { what: 'workspace: server memory, all chapters open', size, value: memory === undefined ? 'n/a' : `${memory} MB`, notes: 'resident set of the server process, after a pause of 2 s' },
  ];
}

/** Types a citation of a key no entry has at the end of a chapter, one keystroke after another, and waits each time
 * for the diagnostics that report it: the new key changes with each edit, so each wait ends at its own version. */
async function timeKeystrokes(server: TestServer, chapter: Chapter): Promise<Timing> {
  const document = TextDocument.create(chapter.uri, 'markdown', 1, chapter.text);
  const end = document.positionAt(chapter.text.length);
  let version = 1;
  let line = end.line;
  return timeRepeatedAsync(8, async () => {
    version++;
    const key = `missing${version}`;
    const text = `\n\nAs [@${key}] shows.`;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: chapter.uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }],
    });
    line += 2;
    await server.diagnostics(chapter.uri, (diagnostics) => diagnostics.some((d) => typeof d.message === 'string' && d.message.includes(`"${key}"`)), 60_000);
  });
}
