import { describe, expect, it } from 'vitest';
import { trendLayout } from './signal-trend';

const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];

describe('trendLayout', () => {
	it.each([
		{ name: 'all shown', values: [1, 2, 3, 4, 5], subpaths: 1, dots: 0 },
		{ name: 'a gap splits the line', values: [1, 2, null, 4, 5], subpaths: 2, dots: 0 },
		{ name: 'an isolated month is a dot', values: [1, null, 3, null, 5], subpaths: 3, dots: 3 },
		{ name: 'nothing shown draws nothing', values: [null, null, null, null, null], subpaths: 0, dots: 0 },
		{
			name: 'a month shown at the edge next to a gap',
			values: [2, null, null, null, null],
			subpaths: 1,
			dots: 1
		}
	])('$name', ({ values, subpaths, dots }) => {
		const layout = trendLayout(months, [{ id: 'a', values }]);
		const line = layout.lines[0]!;
		expect((line.path.match(/M/g) ?? []).length).toBe(subpaths);
		expect(line.dots).toHaveLength(dots);
		expect(line.path).not.toMatch(/NaN/);
	});

	it('puts a suppressed month nowhere: the line has no point at its x', () => {
		const layout = trendLayout(months, [{ id: 'a', values: [1, 2, null, 4, 5] }]);
		const xs = [...layout.lines[0]!.path.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
		const gapX = layout.xTicks.find((t) => t.index === 2)?.x ?? null;
		expect(xs).toHaveLength(4);
		expect(gapX).not.toBeNull();
		expect(xs).not.toContain(gapX);
	});

	it('scales up from zero to cover the largest shown value of every series', () => {
		const layout = trendLayout(months, [
			{ id: 'a', values: [1, 2, 3, 4, 5] },
			{ id: 'b', values: [null, 7.2, null, null, null] }
		]);
		const values = layout.yTicks.map((t) => t.value);
		expect(values[0]).toBe(0);
		expect(Math.max(...values)).toBeGreaterThanOrEqual(7.2);
		// Larger values sit higher: smaller y.
		expect(layout.yTicks.at(-1)!.y).toBeLessThan(layout.yTicks[0]!.y);
	});

	it('labels at most about eight months, always the first', () => {
		const many = Array.from(
			{ length: 24 },
			(_, i) => `20${25 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
		);
		const layout = trendLayout(many, [{ id: 'a', values: many.map(() => 1) }]);
		expect(layout.xTicks.length).toBeLessThanOrEqual(8);
		expect(layout.xTicks[0]!.index).toBe(0);
	});

	it('keeps a fixed top for small multiples, and a point for every shown value', () => {
		const layout = trendLayout(
			['w1', 'w2', 'w3'],
			[{ id: 'a', values: [0.2, null, 0.4] }],
			{ width: 200, height: 100 },
			{
				max: 1,
				margin: { top: 5, right: 5, bottom: 5, left: 30 },
				ticks: 2
			}
		);
		expect(layout.yTicks.map((t) => t.value)).toEqual([0, 0.5, 1]);
		expect(layout.yTicks.at(-1)!.y).toBe(5);
		expect(layout.lines[0]!.points.map((p) => p.index)).toEqual([0, 2]);
		// 0.4 of the way up a plot from 95 to 5.
		expect(layout.lines[0]!.points[1]!.y).toBeCloseTo(95 - 0.4 * 90, 9);
	});
});
