// Properties computed on first read. A bibliography of tens of thousands of entries is read in full, but only the
// entries a person hovers, completes or cites need their CSL item and summary; building those for every entry up front
// made reading a large file several times slower, mostly in garbage collection.

/** What each lazy property is computed from: the object itself and the input it was installed with. */
export type LazyComputers<T, Input> = { [K in keyof T]?: (target: T, input: Input) => T[K] };

interface LazyState<Input> {
  input: Input;
  /** Values computed or assigned so far, by property name; made when the first is. */
  values: Record<PropertyKey, unknown> | undefined;
}

/**
 * Installs properties that are computed on first read and then kept; assigning one sets it without computing. The
 * properties are own and enumerable, so JSON.stringify, object spread and rest destructuring see their values like
 * plain fields'. Every object shares the same getter and setter functions (the per-object input sits in a hidden
 * slot), so the objects keep one shape and property reads on them stay fast.
 */
export class LazyProperties<T extends object, Input> {
  private readonly slot = Symbol('lazy properties');
  private readonly descriptors: [string, PropertyDescriptor][] = [];

  constructor(computers: LazyComputers<T, Input>) {
    const slot = this.slot;
    const stateOf = (target: T) => (target as unknown as Record<symbol, LazyState<Input>>)[slot];
    for (const name of Object.keys(computers) as (keyof T & string)[]) {
      const compute = computers[name]!;
      this.descriptors.push([name, {
        configurable: true,
        enumerable: true,
        get(this: T) {
          const state = stateOf(this);
          const values = (state.values ??= {});
          if (!Object.hasOwn(values, name)) values[name] = compute(this, state.input);
          return values[name];
        },
        set(this: T, value: unknown) {
          (stateOf(this).values ??= {})[name] = value;
        },
      }]);
    }
  }

  install(target: T, input: Input): void {
    const state: LazyState<Input> = { input, values: undefined };
    Object.defineProperty(target, this.slot, { value: state });
    // One defineProperty per property: defineProperties converts its descriptor map again on every call, which costs
    // twice as much.
    for (const [name, descriptor] of this.descriptors) Object.defineProperty(target, name, descriptor);
  }
}

/**
 * Properties that are all filled in together on the first read or assignment of any of them: reading a large
 * bibliography makes every entry, but only the entries a person hovers, completes or cites need what their fields say.
 * Until then each name is an accessor shared by every object; the first touch removes them (last first, which keeps
 * the object's shape fast) and lets `fill` write the properties that have a value, in its own order. From then on the
 * object is exactly what filling it at once would have made: a name `fill` left out is absent, not undefined. Before
 * that, Object.keys and the `in` operator list every deferred name; reading any of them, spreading the object, rest
 * destructuring and JSON.stringify all fill it first.
 */
export class DeferredProperties<T extends object, Input> {
  private readonly slot = Symbol('deferred properties');
  private readonly descriptors: [string, PropertyDescriptor][] = [];

  constructor(names: readonly (keyof T & string)[], fill: (target: T, input: Input) => void) {
    const slot = this.slot;
    const filled = (target: T): void => {
      const holder = target as unknown as Record<PropertyKey, unknown>;
      if (!Object.hasOwn(holder, slot)) return;
      const input = holder[slot] as Input;
      for (let i = names.length - 1; i >= 0; i--) delete holder[names[i]];
      delete holder[slot];
      fill(target, input);
    };
    for (const name of names) {
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
    // Not enumerable, so that a spread made while the object fills itself does not copy it.
    Object.defineProperty(target, this.slot, { value: input, configurable: true });
    for (const [name, descriptor] of this.descriptors) Object.defineProperty(target, name, descriptor);
  }
}
