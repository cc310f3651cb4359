// A fact computed the first time it is read, then kept. Some facts count only in some citation styles (author-page
// citations in MLA), and the style is chosen after the facts are found, so they wait until a style asks for them.

export class LazyFact<T> {
  private compute: (() => T) | undefined;
  private result: T | undefined;

  private constructor(compute: (() => T) | undefined, result: T | undefined) {
    this.compute = compute;
    this.result = result;
  }

  static later<T>(compute: () => T): LazyFact<T> {
    return new LazyFact(compute, undefined);
  }

  static known<T>(value: T): LazyFact<T> {
    return new LazyFact<T>(undefined, value);
  }

  /** Whether the value has been computed, so that reading it costs nothing. */
  get isKnown(): boolean {
    return this.compute === undefined;
  }

  get value(): T {
    if (this.compute) {
      this.result = this.compute();
      // The text the computation read is let go once it has run.
      this.compute = undefined;
    }
    return this.result as T;
  }
}

/** Makes `key` of `target` an ordinary-looking, enumerable property that reads the lazy fact, for plain-data readers. */
export function defineLazyProperty<T extends object, K extends keyof T>(target: T, key: K, fact: LazyFact<T[K]>): T {
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get: () => fact.value });
  return target;
}
