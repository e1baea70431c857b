import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dim, text } from '../../../../tests/helpers/early-warning';
import { reasonPoints } from './ranking';
import { compareDimension, dimensionFindings, type DimensionWave, type ShownDimension } from './survey';

const SHOWN: ShownDimension = { shown: true, n: 30, mean: 40, sd: 20, shareOrangeRed: 0.2 };

describe('the anonymity gate', () => {
	it('refuses a suppressed value in the types and at run time', () => {
		const dimension = { shown: false, reason: 'below-k' };
		// @ts-expect-error idem for a survey dimension
		const wave: DimensionWave = { wave: 'w1', unit: dimension, organisation: null };
		expect(() => compareDimension(wave.unit!, SHOWN, 'high', 'previous-wave')).toThrow(TypeError);
	});
});

describe('survey dimensions: the effect-size rule', () => {
	it.each([
		{
			name: '21 % → 38 % in small groups: 17 points, but z = 1.2746',
			now: dim(21, 8 / 21),
			before: dim(24, 5 / 24),
			against: 'previous-wave',
			// pooled 13/45; se = √(0.288889 × 0.711111 × (1/21 + 1/24)) = 0.135433
			shareZ: 1.27457,
			worse: null
		},
		{
			name: '13/60 → 23/60: 16.7 points and z = 1.992',
			now: dim(60, 23 / 60),
			before: dim(60, 13 / 60),
			against: 'previous-wave',
			// pooled 0.3; se = √(0.21 × 2/60) = 0.083666
			shareZ: 1.99205,
			worse: 'share'
		},
		{
			name: '21 % → 28 % in large groups: z = 3.64 but only 7 points',
			now: dim(1000, 0.28),
			before: dim(1000, 0.21),
			against: 'previous-wave',
			shareZ: 3.63941,
			worse: null
		},
		{
			name: 'exactly 10 points (28 % → 38 %) counts',
			now: dim(1000, 0.38),
			before: dim(1000, 0.28),
			against: 'previous-wave',
			// pooled 0.33; se = √(0.33 × 0.67 × 0.002) = 0.021029
			shareZ: 4.75544,
			worse: 'share'
		},
		{
			name: '40 % against an organisation at 20 %, n = 40',
			now: dim(40, 0.4),
			before: dim(1000, 0.2),
			against: 'organisation',
			// se = √(0.2 × 0.8 / 40) = 0.063246
			shareZ: 3.16228,
			worse: 'share'
		}
	] as const)('share orange + red: $name', ({ now, before, against, shareZ, worse }) => {
		const change = compareDimension(now, before, 'high', against);
		expect(change.shareZ).toBeCloseTo(shareZ, 4);
		expect(change.worse).toBe(worse);
	});

	it.each([
		['40 → 49, sd 20, n 30: se 5.164, z 1.743', 'high', 40, 49, 30, 9, 1.742842, null],
		['40 → 49, sd 20, n 50: se 4, z 2.25', 'high', 40, 49, 50, 9, 2.25, 'mean'],
		['engagement 49 → 40 (low is the risk)', 'low', 49, 40, 50, 9, 2.25, 'mean'],
		['engagement 40 → 49 is better, not worse', 'low', 40, 49, 50, -9, -2.25, null],
		['7.9 points is under the minimum, whatever n', 'high', 40, 47.9, 5000, 7.9, 19.75, null]
	] as const)('mean: %s', (_name, riskWhen, before, now, n, meanChange, meanZ, worse) => {
		const change = compareDimension(dim(n, 0.2, now), dim(n, 0.2, before), riskWhen, 'previous-wave');
		expect(change.meanChange).toBeCloseTo(meanChange, 9);
		expect(change.meanZ).toBeCloseTo(meanZ, 5);
		expect(change.worse).toBe(worse);
	});

	it('against the organisation: 8 points with se 20 / √25 = 4 is z = 2, flagged', () => {
		const change = compareDimension(dim(25, 0.2, 58), dim(900, 0.2, 50, 20), 'high', 'organisation');
		expect(change.meanZ).toBeCloseTo(2, 9);
		expect(change.worse).toBe('mean');
	});
});

describe('survey dimensions: findings over waves', () => {
	const exhaustion = { id: 'exhaustion', riskWhen: 'high' as const };
	const wave = (name: string, unit: ShownDimension | null, organisation: ShownDimension | null = null) => ({
		wave: name,
		unit,
		organisation
	});

	it('reports 21 % → 38 % as a worsening against the previous wave', () => {
		// n 100 each: pooled 0.295, se = √(0.295 × 0.705 × 0.02) = 0.064490, z = 2.6360
		const [finding] = dimensionFindings(exhaustion, [
			wave('2024', dim(100, 0.21)),
			wave('2025', dim(100, 0.38))
		]);
		expect(finding).toMatchObject({
			kind: 'dimension',
			dimension: 'exhaustion',
			comparison: 'previous-wave',
			measure: 'share',
			wave: '2025',
			consecutiveWaves: 1,
			persistent: false,
			n: 100,
			value: expect.closeTo(38, 9),
			reference: expect.closeTo(21, 9),
			change: expect.closeTo(17, 9),
			z: expect.closeTo(2.636, 3)
		});
		expect(reasonPoints(finding!)).toBe(2);
		expect(text('nl', finding!)).toBe('uitputting: 38% oranje of rood, was 21%');
		expect(text('en', finding!)).toBe('exhaustion: 38% orange or red, was 21%');
	});

	it('counts repeated worsening over consecutive waves', () => {
		const waves = [
			wave('2023', dim(100, 0.1), dim(2000, 0.1)),
			wave('2024', dim(100, 0.21), dim(2000, 0.12)),
			wave('2025', dim(100, 0.38), dim(2000, 0.15))
		];
		const [previous, organisation] = dimensionFindings(exhaustion, waves);
		// 10 % → 21 %: pooled 0.155, z = 0.11 / √(0.155 × 0.845 × 0.02) = 2.1492; then 21 % → 38 %.
		expect(previous).toMatchObject({ comparison: 'previous-wave', consecutiveWaves: 2, persistent: true });
		expect(reasonPoints(previous!)).toBe(4);
		expect(text('nl', previous!)).toBe(
			'uitputting: 38% oranje of rood, was 21% (2 metingen op rij ongunstiger)'
		);
		// Against the organisation: 2024 21 % vs 12 % is 9 points (not enough), so one wave only.
		expect(organisation).toMatchObject({ comparison: 'organisation', consecutiveWaves: 1, measure: 'share' });
		expect(text('nl', organisation!)).toBe('uitputting: 38% oranje of rood, organisatie 15%');
	});

	it('compares only with a wave in which the unit was shown', () => {
		const waves = [wave('2023', dim(100, 0.1)), wave('2024', null), wave('2025', dim(100, 0.38))];
		expect(dimensionFindings(exhaustion, waves)).toEqual([]);
		expect(dimensionFindings(exhaustion, [wave('2025', null, dim(100, 0.1))])).toEqual([]);
	});

	it('reports a mean when the share did not move enough', () => {
		const engagement = { id: 'engagement', riskWhen: 'low' as const };
		const [finding] = dimensionFindings(engagement, [
			wave('2024', dim(50, 0.2, 61.5)),
			wave('2025', dim(50, 0.22, 52.5))
		]);
		expect(finding).toMatchObject({ measure: 'mean', value: 52.5, reference: 61.5, change: 9 });
		expect(text('nl', finding!)).toBe('bevlogenheid: gemiddelde score 52,5 op 100, was 61,5');
	});
});

describe('properties', () => {
	it('a dimension with low risk is the mirror of one with high risk', () => {
		const shown = fc.record({
			shown: fc.constant(true as const),
			n: fc.integer({ min: 3, max: 500 }),
			mean: fc.double({ min: 0, max: 100, noNaN: true }),
			sd: fc.double({ min: 0, max: 40, noNaN: true }),
			shareOrangeRed: fc.double({ min: 0, max: 1, noNaN: true })
		});
		const anyWave = fc.record({ unit: fc.option(shown), organisation: fc.option(shown) });
		fc.assert(
			fc.property(fc.array(anyWave, { minLength: 1, maxLength: 4 }), (list) => {
				const waves = list.map((w, i) => ({ wave: `w${i}`, ...w }));
				const mirror = (v: ShownDimension | null) => v && { ...v, mean: 100 - v.mean };
				const mirrored = waves.map((w) => ({
					...w,
					unit: mirror(w.unit),
					organisation: mirror(w.organisation)
				}));
				const high = dimensionFindings({ id: 'd', riskWhen: 'high' }, waves);
				const low = dimensionFindings({ id: 'd', riskWhen: 'low' }, mirrored);
				expect(low.map((f) => [f.comparison, f.measure, f.consecutiveWaves])).toEqual(
					high.map((f) => [f.comparison, f.measure, f.consecutiveWaves])
				);
			})
		);
	});
});
