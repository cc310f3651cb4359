// Work done ahead while the server is idle, so that the first completion and hover after a large bibliography is read
// find it done: completion's indexes of the open documents' bibliographies, then their entries' problems (which the
// files' diagnostics show), then the line offsets of their files. The work runs in short slices that a request or an
// edit interrupts.

import type { Bibliography } from './core/index/bibliography';
import { prepareCompletion } from './core/features/completionCandidates';
import { entryProblemsRead, readEntryProblems } from './core/features/bibliographyDiagnostics';

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
  /** Every entry's problems of a file that had some unread have now been read: its diagnostics can be shown. */
  problemsRead(): void;
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
    const shouldStop = () => Date.now() >= deadline;
    let done = true;
    try {
      const bibliographies = this.server.bibliographies();
      for (const bibliography of bibliographies) done = done && prepareCompletion(bibliography, shouldStop);
      if (done) done = this.readProblems(bibliographies, shouldStop);
      if (done) for (const bibliography of bibliographies) for (const { source } of bibliography.sources) this.server.countLines(source);
    } catch (error) {
      this.server.logError(`citewise: idle preparation failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    this.timer = done ? undefined : setTimeout(() => this.slice(), 0);
  }

  /** Reads the entries' problems of the files read to the end; true once all are read. */
  private readProblems(bibliographies: Bibliography[], shouldStop: () => boolean): boolean {
    let finished = false;
    let done = true;
    for (const source of bibliographies.flatMap((bibliography) => bibliography.sources)) {
      if (source.loading || entryProblemsRead(source)) continue;
      if (!readEntryProblems(source, shouldStop)) {
        done = false;
        break;
      }
      finished = true;
    }
    if (finished) this.server.problemsRead();
    return done;
  }
}
