// The first completion and the first hover after a large bibliography is read, over LSP as an editor asks for them:
// reading an entry's names, dates and titles is left until first use, so the first request after a load would pay for
// every entry unless the server has built what completion reads while it was idle. Measured at once after the load and
// after a pause such as a person takes before typing. Needs the bundled server.

import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeFacts } from '../../server/src/core/index/documentFacts';
import { serverPath, startServer, type TestServer } from '../support/lspClient';
import { millisecondsSince, summarise } from './measure';
import type { Row } from './report';
import type { BibliographyFiles } from './bibliographyFiles';
import { pandocPaper } from './syntheticDocuments';

const STARTS = 3;
const PAUSE_MS = 2000;
const POLL_MS = 50;

interface Paper {
  uri: string;
  text: string;
  /** A cited key with one character typed, and a position on another cited key. */
  completionAt: { line: number; character: number };
  hoverAt: { line: number; character: number };
}

function writePaper(folder: string, collection: BibliographyFiles): Paper {
  const root = path.join(folder, 'paper-first-requests');
  mkdirSync(root, { recursive: true });
  copyFileSync(collection.bibtexPath, path.join(root, 'references.bib'));
  const text = pandocPaper(collection.works, 300, 'references.bib', 7);
  const file = path.join(root, 'paper.md');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const document = TextDocument.create(uri, 'markdown', 1, text);
  const keys = computeFacts(text, 'markdown', 1).keyedCitations.flatMap((citation) => citation.keys);
  return { uri, text, completionAt: document.positionAt(keys[10].span.start + 1), hoverAt: document.positionAt(keys[20].span.start + 1) };
}

/** Waits until the document sees every entry of the bibliography, and the count no longer changes. */
async function untilRead(server: TestServer, uri: string, entries: number): Promise<void> {
  let previous = -1;
  for (;;) {
    const summary = (await server.connection.sendRequest('citewise/documentSummary', { uri })) as { references: number } | null;
    const references = summary?.references ?? 0;
    if (references >= entries && references === previous) return;
    previous = references;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function timeRequest(server: TestServer, method: string, params: unknown): Promise<{ milliseconds: number; answer: unknown }> {
  const started = process.hrtime.bigint();
  const answer = await server.connection.sendRequest(method, params);
  return { milliseconds: millisecondsSince(started), answer };
}

/** How many items a completion answer lists, and whether it says that more may come. */
function listed(answer: unknown): string {
  const list = answer as { items?: unknown[]; isIncomplete?: boolean } | null;
  return `${list?.items?.length ?? 0} items${list?.isIncomplete ? ', incomplete' : ''}`;
}

export async function firstRequestRows(folder: string, collection: BibliographyFiles): Promise<Row[]> {
  if (!existsSync(serverPath)) return [{ what: 'first requests after load', size: '', notes: 'dist/server.js is missing: run npm run build' }];
  const paper = writePaper(folder, collection);
  const rootUri = pathToFileURL(path.join(folder, 'paper-first-requests')).href;
  const size = `${collection.entries.toLocaleString('en')} entries`;
  const samples = { completionAtOnce: [] as number[], hoverAtOnce: [] as number[], completionAfterPause: [] as number[], hoverAfterPause: [] as number[] };
  const answers = { atOnce: new Set<string>(), afterPause: new Set<string>() };
  for (const paused of [false, true]) {
    for (let run = 0; run < STARTS; run++) {
      const server = await startServer(undefined, { rootUri });
      try {
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: paper.uri, languageId: 'markdown', version: 1, text: paper.text } });
        await untilRead(server, paper.uri, collection.entries);
        if (paused) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        const completion = await timeRequest(server, 'textDocument/completion', { textDocument: { uri: paper.uri }, position: paper.completionAt });
        const hover = await timeRequest(server, 'textDocument/hover', { textDocument: { uri: paper.uri }, position: paper.hoverAt });
        (paused ? samples.completionAfterPause : samples.completionAtOnce).push(completion.milliseconds);
        (paused ? samples.hoverAfterPause : samples.hoverAtOnce).push(hover.milliseconds);
        (paused ? answers.afterPause : answers.atOnce).add(listed(completion.answer));
      } finally {
        await server.stop();
      }
    }
  }
  const pause = `after a pause of ${PAUSE_MS / 1000} s`;
  return [
    { what: 'first key completion after load, at once', size, timing: summarise(samples.completionAtOnce), notes: `${STARTS} starts; one character of a key typed, as soon as every entry is read; ${[...answers.atOnce].join(' or ')}` },
    { what: 'first hover after load, at once', size, timing: summarise(samples.hoverAtOnce), notes: `${STARTS} starts; right after that completion; may build the style engine` },
    { what: 'first key completion after load', size, timing: summarise(samples.completionAfterPause), notes: `${STARTS} starts; ${pause}, in which the idle server builds completion's indexes; ${[...answers.afterPause].join(' or ')}` },
    { what: 'first hover after load', size, timing: summarise(samples.hoverAfterPause), notes: `${STARTS} starts; ${pause}, right after that completion` },
  ];
}
