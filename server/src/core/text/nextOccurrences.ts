// The next place one of a few strings occurs, found with indexOf instead of a pass over every line or character: a scan
// that only cares about rare markup jumps from one to the next.

/** The next occurrence of any of a few strings, asked for at positions that mostly increase. */
export class NextOccurrences {
  /** Per string, where it was last looked for and where it was found then (-1: nowhere after). */
  private readonly askedFrom: number[];
  private readonly foundAt: number[];

  constructor(
    private readonly text: string,
    private readonly needles: readonly string[],
  ) {
    this.askedFrom = needles.map(() => Infinity);
    this.foundAt = needles.map(() => -1);
  }

  /** The first offset at or after `position` where one of the strings starts, or -1. */
  from(position: number): number {
    let first = -1;
    for (let k = 0; k < this.needles.length; k++) {
      // An earlier answer still holds if it was asked from no later and found no earlier than this position.
      const known = this.askedFrom[k] <= position && (this.foundAt[k] < 0 || this.foundAt[k] >= position);
      if (!known) {
        this.askedFrom[k] = position;
        this.foundAt[k] = this.text.indexOf(this.needles[k], position);
      }
      const at = this.foundAt[k];
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  }
}
