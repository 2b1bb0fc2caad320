import { describe, expect, it } from 'vitest';
import { NotifiedCache } from '../../src/lib/notified-cache.js';

/** A cache over a counter store: `reads` counts the trips to the store. */
function setup(options = { maxAgeMs: 60_000, maxEntries: 100 }) {
  const store = new Map<number, string>([
    [1, 'one'],
    [2, 'two'],
    [3, 'three'],
  ]);
  const state = { reads: 0 };
  const cache = new NotifiedCache(async (key: number) => {
    state.reads += 1;
    return store.get(key);
  }, options);
  return { store, state, cache };
}

describe('NotifiedCache', () => {
  it('reads once while notices arrive, and again after a notice for that key', async () => {
    const { store, state, cache } = setup();
    cache.setLive(true);
    expect(await cache.get(1)).toBe('one');
    expect(await cache.get(1)).toBe('one');
    expect(state.reads).toBe(1);
    store.set(1, 'uno');
    cache.forget(1);
    expect(await cache.get(1)).toBe('uno');
    expect(state.reads).toBe(2);
  });

  it('reads every time while the notices may be missed, and forgets all it kept when they stop', async () => {
    const { store, state, cache } = setup();
    expect(await cache.get(1)).toBe('one');
    expect(await cache.get(1)).toBe('one');
    expect(state.reads).toBe(2);
    cache.setLive(true);
    await cache.get(2);
    cache.setLive(false);
    store.set(2, 'dos');
    expect(await cache.get(2)).toBe('dos');
    expect(cache.size).toBe(0);
  });

  it('does not keep a read that a notice overtook (it may hold the value from before the change)', async () => {
    const { store, state, cache } = setup();
    cache.setLive(true);
    const inFlight = cache.get(3);
    store.set(3, 'tres');
    cache.forget(3);
    expect(await inFlight).toBe('three');
    expect(await cache.get(3)).toBe('tres');
    expect(state.reads).toBe(2);
  });

  it('keeps nothing with a zero age, nothing missing, and no more than its bound', async () => {
    const uncached = setup({ maxAgeMs: 0, maxEntries: 100 });
    uncached.cache.setLive(true);
    await uncached.cache.get(1);
    await uncached.cache.get(1);
    expect(uncached.state.reads).toBe(2);

    const bounded = setup({ maxAgeMs: 60_000, maxEntries: 2 });
    bounded.cache.setLive(true);
    expect(await bounded.cache.get(9)).toBeUndefined();
    expect(bounded.cache.size).toBe(0);
    for (const key of [1, 2, 3]) await bounded.cache.get(key);
    expect(bounded.cache.size).toBe(2);
    await bounded.cache.get(1);
    expect(bounded.state.reads).toBe(5);
  });
});
