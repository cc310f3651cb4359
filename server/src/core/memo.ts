// Values worked out once per object (a bibliography version, an analysis, a document's facts, a name) and kept for as
// long as the map keeps that object. The core derives plain data from inputs it never changes, so a value made for an
// object stays right for as long as the object lives.

/** A Map or a WeakMap. */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value the store holds for the key, made and kept on first use. */
export function heldIn<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}
