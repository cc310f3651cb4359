// The thread that builds the citation style engine and formats entries with it, so that the server's own thread never
// waits the second the engine takes to build: requests are answered meanwhile, and entries arrive formatted later.
// It runs the same bundle as the server (see main.ts), started with STYLE_ENGINE_ROLE as its worker data.

import { parentPort, type MessagePort } from 'node:worker_threads';
import { EntryFormatter, type FormatResult } from './core/render/format';
import type { ReferenceEntry } from './core/types';

export const STYLE_ENGINE_ROLE = 'citewise-style-engine';

/** What formatting an entry reads: its identity, its text (the plain summary) and its CSL data. */
export type FormattableEntry = Pick<ReferenceEntry, 'id' | 'key' | 'text' | 'csl'>;

export type StyleEngineRequest =
  | { kind: 'register'; name: string; xml: string }
  | { kind: 'warm-up'; id: number; style: string; locale: string }
  | { kind: 'format'; id: number; entry: FormattableEntry; style: string; locale: string };

export interface StyleEngineReply {
  id: number;
  result: FormatResult;
}

/** Answers the server's requests one at a time, in order; a request that fails answers with the plain summary. */
export function runStyleEngine(port: MessagePort | null = parentPort): void {
  if (!port) return;
  const formatter = new EntryFormatter();
  port.on('message', (request: StyleEngineRequest) => {
    if (request.kind === 'register') {
      formatter.registerStyle(request.name, request.xml);
    } else if (request.kind === 'warm-up') {
      formatter.warmUp(request.style, request.locale);
      port.postMessage({ id: request.id, result: { markdown: '' } } satisfies StyleEngineReply);
    } else {
      const entry: ReferenceEntry = { ...request.entry, span: { start: 0, end: 0 }, authors: [], problems: [] };
      port.postMessage({ id: request.id, result: formatter.format(entry, request.style, request.locale) } satisfies StyleEngineReply);
    }
  });
}
