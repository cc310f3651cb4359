// When the language server crashes, the client starts it again, but not forever: a server that crashes again and
// again (a file that makes it run out of memory, a broken installation) would otherwise restart in a loop with
// nothing shown. After too many crashes in a short time the client stops and says so. Pure: no VS Code here, so that
// the rule is tested on its own; the extension turns its decisions into the language client's actions.

export interface RestartLimits {
  /** Crashes within `withinMs` that are still followed by a restart. */
  maxRestarts: number;
  withinMs: number;
}

export const defaultRestartLimits: RestartLimits = { maxRestarts: 4, withinMs: 3 * 60_000 };

/** Errors on the connection tolerated before the client gives up on it, as vscode-languageclient does by default. */
const MAX_CONNECTION_ERRORS = 3;

export type CrashDecision = { restart: true } | { restart: false; message: string };

export class RestartPolicy {
  /** When the server crashed, oldest first, within the window. */
  private crashes: number[] = [];

  constructor(
    private readonly limits: RestartLimits = defaultRestartLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The connection to the server closed without the client asking: restart, or give up with a message saying why. */
  crashed(): CrashDecision {
    const at = this.now();
    this.crashes = [...this.crashes.filter((earlier) => at - earlier < this.limits.withinMs), at];
    if (this.crashes.length <= this.limits.maxRestarts) return { restart: true };
    const minutes = Math.round(this.limits.withinMs / 60_000);
    const span = minutes === 1 ? 'the last minute' : `the last ${minutes} minutes`;
    return {
      restart: false,
      message: `Citewise's language server stopped unexpectedly ${this.crashes.length} times in ${span}, so it was not started again. The "Citewise" output shows what went wrong.`,
    };
  }

  /** Whether to keep a connection that reported its `count`th error (reading or writing a message failed). */
  keepAfterError(count: number | undefined): boolean {
    return count !== undefined && count <= MAX_CONNECTION_ERRORS;
  }

  /** The server was started again by hand: earlier crashes no longer count against it. */
  reset(): void {
    this.crashes = [];
  }
}
