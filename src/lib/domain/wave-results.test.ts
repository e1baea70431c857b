import { describe, expect, it } from 'vitest';
import { planDisclosure } from './anonymity';
import {
	cellsOf,
	dimensionStats,
	pooledNames,
	respondentRate,
	rollUpSummaries,
	surveyDimension,
	type UnitSummary,
	type WaveResult
} from './wave-results';

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

describe('the figures of a planned wave', () => {
	// k = 3: ward-a (3 respondents) and ward-b (2) under care (1 of its own); office none. ward-b
	// is below k and is pooled into care; office is pooled into org.
	const summaries = [
		summary('ward-a', [10, 20, 80]),
		summary('ward-b', [50, 60]),
		summary('care', [100]),
		summary('office', [])
	];
	const counted = units.map((u) => ({
		...u,
		ownCount: summaries.find((s) => s.unitId === u.id)?.respondents ?? 0
	}));
	const plan = planDisclosure(counted, 3);
	const result: WaveResult = {
		plans: [plan],
		respondentPlan: plan,
		totals: rollUpSummaries(units, summaries, 1),
		dimensionIds: ['burnout']
	};
	const shown = [...plan.units.values()].filter((u) => u.shown).map((u) => u.id);
	const hidden = [...plan.units.values()].filter((u) => !u.shown).map((u) => u.id);

	it('has shown and hidden units to check', () => {
		expect(shown).toContain('ward-a');
		expect(hidden).toContain('ward-b');
	});
	it.each(units.map((u) => u.id))('gives %s a number only where the plan shows it', (id) => {
		const isShown = shown.includes(id);
		expect(cellsOf(result, id)[0]!.shown).toBe(isShown);
		expect(surveyDimension(result, id, 0) !== null).toBe(isShown);
		expect(respondentRate(result, id, 10).shown).toBe(isShown);
	});
	it('reads the subtree totals: mean, spread and the share in orange or red', () => {
		const stats = dimensionStats(result.totals.get('ward-a')!, 0)!;
		expect(cellsOf(result, 'ward-a')[0]).toMatchObject({
			shown: true,
			n: 3,
			value: { mean: stats.mean, green: 2 / 3, orange: 0, red: 1 / 3 }
		});
		expect(surveyDimension(result, 'ward-a', 0)).toEqual({
			shown: true,
			n: 3,
			mean: stats.mean,
			sd: stats.sd,
			shareOrangeRed: 1 / 3
		});
	});
	it.each([
		[10, 0.3],
		[3, 1],
		// More respondents than staff (a stale headcount) reads as everyone, not over 100 %.
		[2, 1],
		[0, null],
		[undefined, null]
	])('gives ward-a a response rate against a headcount of %s: %s', (headcount, rate) => {
		expect(respondentRate(result, 'ward-a', headcount)).toMatchObject({ shown: true, value: { rate } });
	});
	it('names the units pooled into a shown unit, never the root', () => {
		const names = new Map(units.map((u) => [u.id, `name of ${u.id}`]));
		for (const id of shown) {
			const unit = plan.units.get(id)!;
			const pooled = unit.shown ? unit.pooled.filter((p) => p !== 'org') : [];
			expect(pooledNames(result, id, names, 'org')).toEqual(pooled.map((p) => `name of ${p}`));
		}
		for (const id of hidden) expect(pooledNames(result, id, names, 'org')).toEqual([]);
		expect(pooledNames(result, 'org', names, 'org')).not.toContain('name of org');
	});
});
