/**
 * Results the analytics keep in process memory between requests, least recently used first out.
 * A key must name every input of the value (the analytics modules build them from what they read
 * per request: wave ids and summarised_at, k settings, input versions), so that a changed input
 * means a new key and never a stale value. Values are promises: requests that need the same value
 * at the same time wait for one computation. A failed computation is forgotten.
 */
export class ResultCache<T> {
	/** Every cache made, so that forgetAll reaches them all. */
	static readonly #all = new Set<ResultCache<unknown>>();

	readonly #entries = new Map<string, Promise<T>>();

	constructor(readonly capacity: number) {
		ResultCache.#all.add(this as ResultCache<unknown>);
	}

	/** Forgets what every cache of this process keeps. */
	static forgetAll(): void {
		for (const cache of ResultCache.#all) cache.clear();
	}

	get size(): number {
		return this.#entries.size;
	}

	/** Whether a value (or its computation) is kept under `key`. */
	has(key: string): boolean {
		return this.#entries.has(key);
	}

	/** The value under `key`, computed with `compute` when it is not kept. */
	get(key: string, compute: () => Promise<T>): Promise<T> {
		const kept = this.#entries.get(key);
		if (kept) {
			// Most recently used last.
			this.#entries.delete(key);
			this.#entries.set(key, kept);
			return kept;
		}
		const value = compute();
		this.#entries.set(key, value);
		while (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
		value.catch(() => {
			if (this.#entries.get(key) === value) this.#entries.delete(key);
		});
		return value;
	}

	clear(): void {
		this.#entries.clear();
	}
}

/**
 * Freezes what a kept result shares with every caller, one level deep for each element (a row and
 * its lists of cells, an item and its reasons): a caller that changes a row by mistake gets an
 * error instead of changing the next request's result. (Freezing every cell object too would
 * cost about as much as computing them.)
 */
export function freezeEach<T extends object>(items: readonly T[]): readonly T[] {
	for (const item of items) {
		for (const inner of Object.values(item)) if (Array.isArray(inner)) Object.freeze(inner);
		Object.freeze(item);
	}
	return Object.freeze(items);
}

/** Forgets every result kept in this process (the next request computes afresh). */
export function forgetAnalyticsResults(): void {
	ResultCache.forgetAll();
}
