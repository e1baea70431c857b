/**
 * A read-only map whose entries are made when they are read, over arrays kept by the subclass: a
 * wave's plans and totals hold thousands of units without an object per unit. Subclasses give the
 * size, the lookups and the entries in order; keys, values, iteration and forEach follow from them.
 */
export abstract class MapView<K, V> implements ReadonlyMap<K, V> {
	abstract readonly size: number;
	abstract has(key: K): boolean;
	abstract get(key: K): V | undefined;
	abstract entries(): MapIterator<[K, V]>;

	*keys(): MapIterator<K> {
		for (const [key] of this.entries()) yield key;
	}

	*values(): MapIterator<V> {
		for (const [, value] of this.entries()) yield value;
	}

	[Symbol.iterator](): MapIterator<[K, V]> {
		return this.entries();
	}

	forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
		for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
	}
}
