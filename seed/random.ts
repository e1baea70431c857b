/** A small deterministic PRNG (mulberry32), so the demo is the same on every machine. */
export function createRandom(seed: number) {
	let a = seed >>> 0;
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		/** An integer in [min, max]. */
		int(min: number, max: number): number {
			return min + Math.floor(next() * (max - min + 1));
		},
		pick<T>(items: readonly T[]): T {
			return items[Math.floor(next() * items.length)] as T;
		}
	};
}
export type Random = ReturnType<typeof createRandom>;
