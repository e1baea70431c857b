import { describe, expect, it } from 'vitest';
import { dimensionStats, rollUpSummaries, type UnitSummary } from './wave-results';

const units = [
	{ id: 'org', parentId: null },
	{ id: 'care', parentId: 'org' },
	{ id: 'ward-a', parentId: 'care' },
	{ id: 'ward-b', parentId: 'care' },
	{ id: 'office', parentId: 'org' }
];

/** One dimension; scores given one by one, banded at 50 (orange) and 75 (red), risk when high. */
function summary(unitId: string, scores: number[]): UnitSummary {
	return {
		unitId,
		respondents: scores.length,
		scored: [scores.length],
		scoreSum: [scores.reduce((a, b) => a + b, 0)],
		scoreSumSq: [scores.reduce((a, b) => a + b * b, 0)],
		green: [scores.filter((s) => s < 50).length],
		orange: [scores.filter((s) => s >= 50 && s < 75).length],
		red: [scores.filter((s) => s >= 75).length]
	};
}

describe('rollUpSummaries', () => {
	const totals = rollUpSummaries(
		units,
		[
			summary('ward-a', [10, 20, 80]),
			summary('ward-b', [50, 60]),
			summary('care', [100]),
			summary('office', [])
		],
		1
	);
	it.each([
		['ward-a', 3, 110 / 3],
		['ward-b', 2, 55],
		['care', 6, 320 / 6],
		['office', 0, null],
		['org', 6, 320 / 6]
	] as const)('%s has %i respondents and mean %s', (unit, respondents, mean) => {
		const total = totals.get(unit)!;
		expect(total.respondents).toBe(respondents);
		expect(dimensionStats(total, 0)?.mean ?? null).toBe(mean);
	});
	it('sums the bands and computes shares and the standard deviation', () => {
		const care = dimensionStats(totals.get('care')!, 0)!;
		expect(care).toMatchObject({ scored: 6, green: 2 / 6, orange: 2 / 6, red: 2 / 6 });
		const scores = [10, 20, 80, 50, 60, 100];
		const mean = 320 / 6;
		const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / 6);
		expect(care.sd).toBeCloseTo(sd, 10);
	});
	it('counts a summary of a unit missing from the tree for itself only', () => {
		const t = rollUpSummaries(units, [summary('gone', [40])], 1);
		expect(t.get('gone')!.respondents).toBe(1);
		expect(t.get('org')!.respondents).toBe(0);
	});
});
