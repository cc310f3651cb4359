// Work over many items done a slice at a time, for the server to run while it is idle and stop when a request comes:
// reading 50,000 bibliography entries takes a quarter of a second or more, longer than a request should wait.

/** How many items are worked between two looks at whether to stop: a look at the clock costs more than one item. */
const ITEMS_BETWEEN_LOOKS = 64;

/**
 * Works the items from position `from` up to `count`, in order, until `shouldStop` says so (asked every few items);
 * gives the position reached, `count` when all are done.
 */
export function workInSlices(from: number, count: number, work: (position: number) => void, shouldStop: () => boolean): number {
  let position = from;
  while (position < count) {
    const end = Math.min(count, position + ITEMS_BETWEEN_LOOKS);
    for (; position < end; position++) work(position);
    if (position < count && shouldStop()) return position;
  }
  return position;
}
