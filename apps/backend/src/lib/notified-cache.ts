/**
 * A read-through cache of values that change rarely and announce each change (a PostgreSQL NOTIFY naming
 * the key, sent by a trigger, so every writer announces): a value is served from memory while the notices
 * are known to arrive, and read again once its key is announced, once it is `maxAgeMs` old, or always
 * while the notices may be missed (the listening connection is down).
 *
 * A read that was in flight when a notice arrived is returned to its caller but not kept: it may hold the
 * value from before the change. Bounded: past `maxEntries` the oldest entry makes room.
 */
export class NotifiedCache<Key, Value> {
  private readonly entries = new Map<Key, { value: Value; readAt: number }>();
  /** Moves on every notice and on every change of `live`: a read started before it is not kept. */
  private generation = 0;
  private live = false;

  constructor(
    private readonly read: (key: Key) => Promise<Value | undefined>,
    private readonly options: { maxAgeMs: number; maxEntries: number },
  ) {}

  async get(key: Key): Promise<Value | undefined> {
    const now = Date.now();
    const entry = this.live ? this.entries.get(key) : undefined;
    if (entry && now - entry.readAt < this.options.maxAgeMs) return entry.value;
    const generation = this.generation;
    const value = await this.read(key);
    if (value !== undefined && this.live && generation === this.generation && this.options.maxAgeMs > 0) {
      this.entries.delete(key);
      if (this.entries.size >= this.options.maxEntries)
        this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, readAt: now });
    }
    return value;
  }

  /** The value of `key` changed (a notice, or a write of this process's own). */
  forget(key: Key): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  /** Every value may have changed (a notice that names no key this cache is indexed by). */
  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Whether notices are being received; either way, what was kept may have missed one. */
  setLive(live: boolean): void {
    this.generation += 1;
    this.entries.clear();
    this.live = live;
  }

  get size(): number {
    return this.entries.size;
  }
}
