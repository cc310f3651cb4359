// Shows the reading of a large bibliography file in the editor as LSP work-done progress, "Citewise: reading
// references.bib" with a percentage. It begins only when the reading takes longer than a moment, so that a file read
// quickly shows nothing, and only when the client said it can show server-initiated progress.

import * as path from 'node:path';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { ReadingProgress } from './readInSlices';

/** By default, a reading that ends sooner than this shows no progress at all. */
export const SHOW_PROGRESS_AFTER_MS = 250;

const silent: ReadingProgress = { report: () => undefined, done: () => undefined };

export function workDoneProgressOfReading(connection: Connection, canShow: () => boolean, showAfterMs: () => number): (file: string) => ReadingProgress {
  return (file) => {
    if (!canShow()) return silent;
    let fraction = 0;
    let shownPercent = -1;
    let ended = false;
    let reporter: WorkDoneProgressServerReporter | undefined;
    const percent = () => Math.min(100, Math.floor(fraction * 100));
    const timer = setTimeout(() => {
      connection.window.createWorkDoneProgress().then(
        (created) => {
          if (ended) return;
          reporter = created;
          shownPercent = percent();
          created.begin(`Citewise: reading ${path.basename(file)}`, shownPercent);
        },
        () => undefined,
      );
    }, showAfterMs());
    return {
      report(read) {
        fraction = read;
        // One report per percent: a file of many slices would otherwise send hundreds of messages.
        if (!reporter || percent() === shownPercent) return;
        shownPercent = percent();
        reporter.report(shownPercent);
      },
      done() {
        ended = true;
        clearTimeout(timer);
        reporter?.done();
      },
    };
  };
}
