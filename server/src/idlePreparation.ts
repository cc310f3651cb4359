// Work done ahead while the server is idle, so that the first completion and hover after a large bibliography is read
// find it done: completion's indexes of the open documents' bibliographies, then the line offsets of their files. The
// work runs in short slices that a request or an edit interrupts.

import type { Bibliography } from './core/index/bibliography';
import { prepareCompletion } from './core/features/completionCandidates';

/** How long one slice may hold the server up; being short, a slice needs less quiet before it than the style engine's
 * half-second build. */
const SLICE_MS = 10;
const QUIET_MS = 50;

export interface IdleServer {
  /** Whether documents wait to be checked. */
  busy(): boolean;
  /** When a document was last opened or changed, or a request answered. */
  lastActivity(): number;
  /** The bibliographies of the open documents. */
  bibliographies(): Bibliography[];
  /** Counts the line offsets of a bibliography file, which the first hover on one of its entries would otherwise do
   * (90 ms at 50,000 entries). */
  countLines(source: string): void;
  logError(message: string): void;
}

export class IdlePreparation {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly server: IdleServer) {}

  /** Starts preparing once all is quiet, unless it is under way already. */
  schedule(): void {
    if (!this.timer) this.timer = setTimeout(() => this.slice(), QUIET_MS);
  }

  private slice(): void {
    if (this.server.busy() || Date.now() - this.server.lastActivity() < QUIET_MS) {
      this.timer = setTimeout(() => this.slice(), QUIET_MS);
      return;
    }
    const deadline = Date.now() + SLICE_MS;
    let done = true;
    try {
      const bibliographies = this.server.bibliographies();
      for (const bibliography of bibliographies) done = done && prepareCompletion(bibliography, () => Date.now() >= deadline);
      if (done) for (const bibliography of bibliographies) for (const { source } of bibliography.sources) this.server.countLines(source);
    } catch (error) {
      this.server.logError(`citewise: preparing completion failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    this.timer = done ? undefined : setTimeout(() => this.slice(), 0);
  }
}
