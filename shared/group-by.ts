/** Small collection helpers the domain modules share. */

/** Appends `value` to the list under `key`, in place: copying the list per insert would be quadratic on big packs. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
