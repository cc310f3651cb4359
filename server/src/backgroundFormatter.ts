// Formats bibliography entries in a CSL style on the style engine's own thread (styleEngineWorker.ts) and keeps the
// results per entry object and style. Readers on the server's thread never wait for the engine: they read what is
// formatted, ask for the rest, and show an entry's plain summary until it arrives.

import type { Worker } from 'node:worker_threads';
import { htmlToMarkdown, type FormatResult } from './core/render/format';
import type { ReferenceEntry } from './core/types';
import type { StyleEngineReply, StyleEngineRequest } from './styleEngineWorker';

const LOCALE = 'en-US';
/** A thread that stops this often is not started again: entries then keep their plain summary. */
const MAX_STARTS = 3;

/** The entry as the CLI and tests show it, for when it is not formatted in the style (yet). */
export function plainSummary(entry: ReferenceEntry): string {
  return htmlToMarkdown(entry.text);
}

/** A request to the thread before the server numbers it. */
type UnnumberedRequest<T = Extract<StyleEngineRequest, { id: number }>> = T extends unknown ? Omit<T, 'id'> : never;

export class BackgroundFormatter {
  private worker: Worker | undefined;
  private starts = 0;
  private nextId = 1;
  private readonly answers = new Map<number, (result: FormatResult | undefined) => void>();
  private readonly formatted = new WeakMap<ReferenceEntry, Map<string, FormatResult>>();
  private readonly asked = new WeakMap<ReferenceEntry, Map<string, Promise<void>>>();
  /** Styles whose engine the thread has built: formatting in them takes milliseconds. */
  private readonly built = new Set<string>();
  private readonly warming = new Set<string>();
  /** Custom styles, registered again in a thread started anew. */
  private readonly styles: { name: string; xml: string }[] = [];

  constructor(
    private readonly startWorker: () => Worker,
    private readonly log: (message: string) => void,
  ) {}

  /** The entry formatted in the style, if it has been. */
  cached(entry: ReferenceEntry, style: string): FormatResult | undefined {
    return this.formatted.get(entry)?.get(style);
  }

  /** Whether the style's engine is built, so that formatting an entry in it is quick. */
  isReady(style: string): boolean {
    return this.built.has(style);
  }

  /** Has the thread build the style's engine, ahead of the first entry formatted in it. */
  warmUp(style: string): void {
    if (this.built.has(style) || this.warming.has(style)) return;
    this.warming.add(style);
    void this.ask({ kind: 'warm-up', style, locale: LOCALE }).then((result) => {
      this.warming.delete(style);
      if (result) this.built.add(style);
    });
  }

  registerStyle(name: string, xml: string): void {
    this.styles.push({ name, xml });
    this.worker?.postMessage({ kind: 'register', name, xml } satisfies StyleEngineRequest);
  }

  /** Formats the entries not formatted yet; resolves once all have been (or could not be). */
  format(entries: ReferenceEntry[], style: string): Promise<void> {
    return Promise.all(entries.map((entry) => this.formatOne(entry, style))).then(() => undefined);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private formatOne(entry: ReferenceEntry, style: string): Promise<void> {
    if (this.cached(entry, style)) return Promise.resolve();
    let byStyle = this.asked.get(entry);
    if (!byStyle) {
      byStyle = new Map();
      this.asked.set(entry, byStyle);
    }
    const pending = byStyle.get(style);
    if (pending) return pending;
    const request = this.ask({ kind: 'format', entry: { id: entry.id, key: entry.key, text: entry.text, csl: entry.csl }, style, locale: LOCALE }).then((result) => {
      byStyle.delete(style);
      if (!result) return;
      this.built.add(style);
      let formatted = this.formatted.get(entry);
      if (!formatted) {
        formatted = new Map();
        this.formatted.set(entry, formatted);
      }
      formatted.set(style, result);
    });
    byStyle.set(style, request);
    return request;
  }

  /** Sends a request to the thread, started if need be; resolves with its answer, or undefined if it stopped. */
  private ask(request: UnnumberedRequest): Promise<FormatResult | undefined> {
    const worker = this.running();
    if (!worker) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.answers.set(id, resolve);
      worker.postMessage({ ...request, id } as StyleEngineRequest);
    });
  }

  private running(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.starts >= MAX_STARTS) return undefined;
    this.starts++;
    try {
      const worker = this.startWorker();
      worker.unref();
      worker.on('message', (reply: StyleEngineReply) => {
        const answer = this.answers.get(reply.id);
        this.answers.delete(reply.id);
        answer?.(reply.result);
      });
      const stopped = (reason: string) => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.built.clear();
        this.log(`citewise: the style engine stopped (${reason}); entries show their plain summary until it is started again.`);
        for (const answer of this.answers.values()) answer(undefined);
        this.answers.clear();
      };
      worker.on('error', (error) => stopped(error.message));
      worker.on('exit', (code) => stopped(`exit code ${code}`));
      for (const { name, xml } of this.styles) worker.postMessage({ kind: 'register', name, xml } satisfies StyleEngineRequest);
      this.worker = worker;
      return worker;
    } catch (error) {
      this.log(`citewise: the style engine could not be started (${error instanceof Error ? error.message : String(error)}).`);
      return undefined;
    }
  }
}
