// The one table the benchmark prints, and the machine it ran on.

import * as os from 'node:os';
import type { Timing } from './measure';

export interface Row {
  what: string;
  size: string;
  timing?: Timing;
  /** A figure that is not a time (megabytes of memory), shown in place of the median. */
  value?: string;
  /** How many times the baseline named in the notes this is (below 1: faster than the baseline). */
  ratio?: number;
  notes?: string;
}

export function machine(): string {
  const cpus = os.cpus();
  // The load average says whether other work shared the processor, which makes the figures of one run less steady.
  const load = os.loadavg()[0].toFixed(1);
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ` +
    `${os.platform()} ${os.release()}, load average ${load} at the end`;
}

export function milliseconds(value: number): string {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** A Markdown table, so that it reads in a terminal and pastes into the README as it is. */
export function table(rows: Row[]): string {
  const header = ['what', 'size', 'median', 'p95', 'ratio', 'notes'];
  const cells = rows.map((row) => [
    row.what,
    row.size,
    row.value ?? (row.timing ? milliseconds(row.timing.median) : ''),
    row.timing && row.timing.runs > 1 ? milliseconds(row.timing.p95) : '',
    row.ratio === undefined ? '' : `${row.ratio < 10 ? row.ratio.toFixed(2) : row.ratio.toFixed(0)}×`,
    row.notes ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
