// A read that a handler or a sweep repeats for the same key (a branch's settings, its
// secretaries) is made once: the cache lives as long as the returned function, one run.
export function memo<K, V>(read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    let v = cache.get(key);
    if (!v) cache.set(key, (v = read(key)));
    return v;
  };
}
