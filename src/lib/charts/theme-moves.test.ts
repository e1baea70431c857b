import { describe, expect, it } from 'vitest';
import { movesLayout } from './theme-moves';

const move = (dimensionId: string, before: number, now: number) => ({
	dimensionId,
	before,
	now,
	change: now - before
});

describe('movesLayout', () => {
	it.each([
		{ before: 0.2, now: 0.5, direction: 1 },
		{ before: 0.5, now: 0.2, direction: -1 },
		{ before: 0, now: 1, direction: 1 },
		{ before: 1, now: 0, direction: -1 }
	])('draws $before → $now as an arrow pointing the way it moved', ({ before, now, direction }) => {
		const layout = movesLayout({ worsened: [move('a', before, now)], improved: [] }, 500);
		const row = layout.rows[0]!;
		const x = (share: number) => layout.plot.left + share * (layout.plot.right - layout.plot.left);
		expect(row.before).toBeCloseTo(x(before));
		const tip = Number(/^M([\d.]+),/.exec(row.head)![1]);
		expect(tip).toBeCloseTo(x(now));
		// The shaft ends behind the head, on the side it came from.
		expect(Math.sign(tip - row.now)).toBe(direction);
	});

	it('puts one row per theme, worsened first, inside the plot', () => {
		const layout = movesLayout(
			{ worsened: [move('a', 0.1, 0.3), move('b', 0.2, 0.25)], improved: [move('c', 0.6, 0.4)] },
			400
		);
		expect(layout.rows.map((r) => [r.dimensionId, r.kind])).toEqual([
			['a', 'worsened'],
			['b', 'worsened'],
			['c', 'improved']
		]);
		const ys = layout.rows.map((r) => r.y);
		expect([...ys].sort((p, q) => p - q)).toEqual(ys);
		for (const y of ys) expect(y).toBeGreaterThan(layout.plot.top);
		for (const y of ys) expect(y).toBeLessThan(layout.plot.bottom);
		expect(layout.height).toBeGreaterThan(layout.plot.bottom);
		expect(layout.ticks.map((t) => t.value)).toContain(0);
		expect(layout.ticks.map((t) => t.value)).toContain(1);
	});

	it('is empty without moves', () => {
		expect(movesLayout({ worsened: [], improved: [] }).rows).toEqual([]);
	});
});
