/**
 * A Map of at most `limit` entries: setting a new key past the limit drops the oldest one. For memoizing what is
 * computed from client input (zone names, SQL texts, references), so no input can grow the process without bound.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
