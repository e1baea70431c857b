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

/** A standard normal draw (Box-Muller). */
export function normal(random: Random): number {
	const u = 1 - random.next();
	const v = random.next();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** FNV-1a, so each unit has its own random stream whatever the order or number of units. */
export function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}
