// The first hovers over LSP of a paper that cites BibTeX entries by key: one sent with the opening of the paper, one
// sent once the server has been quiet long enough to start building the citation style engine, and one on another
// entry once the engine is built. Needs the bundled server (npm run build).

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';
import { bibtexText, type SyntheticWork } from './syntheticBibliography';
import { pandocPaper } from './syntheticDocuments';
import { millisecondsSince, summarise } from './measure';
import type { Row } from './report';

const STARTS = 6;
/**
 * The server starts building the style engine at a check every 200 ms once it has been quiet for 200 ms, so hovers
 * sent from 200 to 400 ms after the first diagnostics, one delay per start, cover the moment the build starts.
 */
const QUIET_MS = 200;
const QUIET_SPREAD_MS = 200;
/** Long enough for the engine's build, which takes about a second on a loaded machine. */
const BUILT_MS = 4000;

interface Hovered {
  milliseconds: number;
  styled: boolean;
}

async function timedHover(server: TestServer, uri: string, position: Position, started = process.hrtime.bigint()): Promise<Hovered> {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  const milliseconds = millisecondsSince(started);
  const text = hover ? (hover.contents as MarkupContent).value : '';
  // The plain summary has no emphasis; APA sets the journal or the book title in italics.
  return { milliseconds, styled: /^[^\n]*\*[^*\n]+\*/.test(text) };
}

export async function firstHoverRows(folder: string, works: SyntheticWork[]): Promise<Row[]> {
  const paperPath = path.join(folder, 'first-hover', 'paper.md');
  mkdirSync(path.dirname(paperPath));
  writeFileSync(path.join(folder, 'first-hover', 'references.bib'), bibtexText(works));
  const text = pandocPaper(works, 300, 'references.bib');
  writeFileSync(paperPath, text);
  const uri = pathToFileURL(paperPath).href;
  const document = TextDocument.create(uri, 'markdown', 1, text);
  const firstKey = text.indexOf('@', text.indexOf('# Introduction'));
  const position = document.positionAt(firstKey + 2);
  // Another entry's key, so that the hover once the engine is built formats an entry for the first time.
  const keys = [...text.matchAll(/@([\w-]+)/g)].filter((match) => match.index! >= firstKey);
  const otherKey = keys.find((match) => match[1] !== keys[0][1])!;
  const otherPosition = document.positionAt(otherKey.index! + 2);

  const atOpening: Hovered[] = [];
  const atWarmUp: Hovered[] = [];
  const onceBuilt: Hovered[] = [];
  for (let run = 0; run < STARTS; run++) {
    const server = await startServer();
    try {
      const opened = process.hrtime.bigint();
      void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      atOpening.push(await timedHover(server, uri, position, opened));
      await server.diagnostics(uri, () => true, 60_000);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS + (QUIET_SPREAD_MS * run) / (STARTS - 1)));
      atWarmUp.push(await timedHover(server, uri, position));
      await new Promise((resolve) => setTimeout(resolve, BUILT_MS));
      onceBuilt.push(await timedHover(server, uri, otherPosition));
    } finally {
      await server.stop();
    }
  }
  const styled = (hovers: Hovered[]) => `${hovers.filter((hover) => hover.styled).length} of ${hovers.length} formatted in APA`;
  return [
    { what: 'server: open paper → first hover', size: `${works.length.toLocaleString('en')} entries`, timing: summarise(atOpening.map((hover) => hover.milliseconds)), notes: `didOpen and hover sent together; ${styled(atOpening)}` },
    { what: 'server: hover as the style engine is built', size: `${STARTS} starts`, timing: summarise(atWarmUp.map((hover) => hover.milliseconds)), notes: `${QUIET_MS}–${QUIET_MS + QUIET_SPREAD_MS} ms after the first diagnostics; ${styled(atWarmUp)}` },
    { what: 'server: hover on another entry, engine built', size: `${STARTS} starts`, timing: summarise(onceBuilt.map((hover) => hover.milliseconds)), notes: `${BUILT_MS / 1000} s later, first formatting of that entry; ${styled(onceBuilt)}` },
  ];
}
