// Properties computed on first read. A bibliography of tens of thousands of entries is read in full, but only the
// entries a person hovers, completes or cites need their names, dates, titles, CSL item and summary; building those
// for every entry up front made reading a large file several times slower, mostly in garbage collection.

/**
 * How the properties of an object are computed, from the object and the input it was installed with:
 * - `each`: properties always present, each computed on its first read and then kept. They may ask for `filled()`,
 *   the result of filling the `together` properties.
 * - `together`: properties that may be absent, all written at once by `fill` on the first read or assignment of any of
 *   them (or when an `each` property asks for them). `fill` writes those that have a value and returns what the `each`
 *   properties need from the same work.
 */
export interface LazySpec<T, Input, Filled> {
  each: { [K in keyof T]?: (target: T, input: Input, filled: () => Filled) => T[K] };
  together: readonly (keyof T & string)[];
  fill: (target: T, input: Input) => Filled;
}

interface LazyState<Input, Filled> {
  input: Input;
  /** Values of `each` properties computed or assigned so far, by name; made when the first is. */
  values: Record<PropertyKey, unknown> | undefined;
  filled: { result: Filled } | undefined;
}

/**
 * Installs lazily computed properties. They are own and enumerable, so JSON.stringify, object spread and rest
 * destructuring see their values like plain fields' (a `together` property is filled before its value is copied). Once
 * filled, a `together` property that `fill` left out is absent, not undefined, as if the object had been made whole at
 * once; before that, Object.keys and the `in` operator list every name. Assigning a property sets it without computing
 * it (a `together` one after filling the others). Every object shares the same getter and setter functions (the
 * per-object state sits in a hidden slot) and its accessors are removed last first, so the objects keep a few shared
 * shapes and property reads on them stay fast.
 */
export class LazyProperties<T extends object, Input, Filled = void> {
  private readonly slot = Symbol('lazy properties');
  private readonly descriptors: [string, PropertyDescriptor][] = [];

  constructor({ each, together, fill }: LazySpec<T, Input, Filled>) {
    const slot = this.slot;
    const stateOf = (target: T) => (target as unknown as Record<symbol, LazyState<Input, Filled>>)[slot];
    const filled = (target: T): Filled => {
      const state = stateOf(target);
      if (state.filled) return state.filled.result;
      // Set before filling, so that a property read while filling does not fill again.
      state.filled = { result: undefined as Filled };
      const holder = target as unknown as Record<string, unknown>;
      for (let i = together.length - 1; i >= 0; i--) delete holder[together[i]];
      state.filled.result = fill(target, state.input);
      return state.filled.result;
    };
    for (const name of Object.keys(each) as (keyof T & string)[]) {
      const compute = each[name]!;
      this.descriptors.push([name, {
        configurable: true,
        enumerable: true,
        get(this: T) {
          const state = stateOf(this);
          const values = (state.values ??= {});
          if (!Object.hasOwn(values, name)) values[name] = compute(this, state.input, () => filled(this));
          return values[name];
        },
        set(this: T, value: unknown) {
          (stateOf(this).values ??= {})[name] = value;
        },
      }]);
    }
    for (const name of together) {
      this.descriptors.push([name, {
        configurable: true,
        enumerable: true,
        get(this: T) {
          filled(this);
          return (this as Record<string, unknown>)[name];
        },
        set(this: T, value: unknown) {
          filled(this);
          (this as Record<string, unknown>)[name] = value;
        },
      }]);
    }
  }

  install(target: T, input: Input): void {
    const state: LazyState<Input, Filled> = { input, values: undefined, filled: undefined };
    // Not enumerable, so that no copy of the object takes it along.
    Object.defineProperty(target, this.slot, { value: state });
    // One defineProperty per property: defineProperties converts its descriptor map again on every call, which costs
    // twice as much.
    for (const [name, descriptor] of this.descriptors) Object.defineProperty(target, name, descriptor);
  }
}
