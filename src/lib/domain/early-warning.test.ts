import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, isMessageKey, translate, type Locale } from '../i18n';
import {
	compareDimension,
	compareEntries,
	dimensionFindings,
	ewmaSd,
	indicatorFindings,
	laneyFactor,
	monthlyRates,
	rankUnits,
	RATE_INDICATOR_IDS,
	RATE_INDICATORS,
	rateFindings,
	rateSignal,
	reasonMessage,
	reasonPoints,
	renderMessage,
	unitVariance,
	type DimensionFinding,
	type DimensionWave,
	type Finding,
	type MonthlyRate,
	type RateFinding,
	type ShownDimension,
	type UnitFindings
} from './early-warning';
import { formatMonth } from './signals/calendar';
import { emptyFigures, type UnitMonthFigures } from './signals/figures';
import { computeIndicators } from './signals/indicators';
import { isoMonth } from './signals/parse';

/** Consecutive months from `from`, one numerator each, over the same (or per-month) denominator. */
function series(
	from: string,
	numerators: readonly number[],
	denominator: number | readonly number[],
	n = 20
) {
	const start = isoMonth(from);
	return numerators.map((numerator, i): MonthlyRate => ({
		month: formatMonth(start + i),
		value: {
			shown: true,
			n,
			numerator,
			denominator: typeof denominator === 'number' ? denominator : denominator[i]!
		}
	}));
}

// A team of about 20: 400 planned days a month, 12 sick days (3 %) in each of the 12 baseline
// months (2024), then the six watched months of 2025 up to June. The organisation: 3 % of 10,000.
const BASELINE = Array<number>(12).fill(12);
const ORG = series('2024-01', Array<number>(18).fill(300), 10_000);
const AS_OF = '2025-06';
const ownHistory = (window: number[]) =>
	rateSignal(series('2024-01', [...BASELINE, ...window], 400), ORG, 'binomial', AS_OF).ownHistory;

/** Standard error of one month around the 3 % baseline: √(0.03 × 0.97 / 400) = 0.0085294. */
const SE = Math.sqrt((0.03 * 0.97) / 400);
/** sd of the EWMA after j months: √(λ / (2 - λ) × (1 - (1 - λ)^2j)) with λ = 0.3. */
const SD = [0.3, 0.366197, 0.3946, 0.407795, 0.414109, 0.417167];

describe('building blocks', () => {
	it.each([
		[1, 0.3],
		[2, 0.366197],
		[3, 0.3946],
		[4, 0.407795],
		[5, 0.414109],
		[6, 0.417167],
		[1000, Math.sqrt(0.3 / 1.7)]
	])('EWMA sd after %i months is %f', (j, sd) => expect(ewmaSd(0.3, j)).toBeCloseTo(sd, 5));

	it.each([
		['no months', [], 1],
		['one month', [3], 1],
		['a flat series (never narrower than chance)', [0, 0, 0, 0], 1],
		['moving ranges of 0.5 (still under 1)', [0, 0.5, 0, 0.5], 1],
		['moving ranges of 2.256', [0, 2.256, 0, 2.256], 2],
		['moving ranges 1, 3, 2', [0, 1, 4, 2], 2 / 1.128]
	])('Laney factor of %s', (_name, zs, expected) => expect(laneyFactor(zs)).toBeCloseTo(expected, 9));

	it.each([
		['binomial 3 %', 0.03, 4800, 'binomial', 0.03 * 0.97],
		['poisson 0.1', 0.1, 20, 'poisson', 0.1],
		['binomial 0: half an event over the baseline', 0, 4800, 'binomial', (0.5 / 4800) * (1 - 0.5 / 4800)],
		['poisson 0: half an event over the baseline', 0, 240, 'poisson', 0.5 / 240],
		['binomial 1: half an event from 1', 1, 100, 'binomial', 0.005 * 0.995]
	] as const)('unit variance, %s', (_name, p, total, model, expected) =>
		expect(unitVariance(p, total, model)).toBeCloseTo(expected, 12)
	);
});

describe('rates against the unit’s own history (EWMA)', () => {
	// y = (rate - 3 %) / SE: 6 % gives 3.517262, 6.25 % gives 3.810367, 10 % gives 8.206946.
	// EWMA: e_j = 0.3 y_j + 0.7 e_(j-1), e_0 = 0; z = e_j / SD[j]; above when z ≥ 2.7 and y ≥ 2.7 SD[j].
	it.each([
		{
			name: 'a doubling from April: two months above the band',
			window: [12, 12, 12, 24, 24, 24],
			// April: e = 1.055179, z = 2.5875, under the band; May e = 1.793804; June e = 2.310842.
			z: [0, 0, 0, 2.5875, 4.3317, 5.5394],
			above: [false, false, false, false, true, true],
			recent: 2,
			consecutive: 2
		},
		{
			name: 'four months at 6.25 %',
			window: [12, 12, 25, 25, 25, 25],
			// e = 1.143110, 1.943287, 2.503411, 2.895498
			z: [0, 0, 2.8969, 4.7653, 6.0453, 6.9409],
			above: [false, false, true, true, true, true],
			recent: 4,
			consecutive: 4
		},
		{
			name: 'one spike of the same height in June',
			window: [12, 12, 12, 12, 12, 25],
			// e = 1.143110, z = 1.143110 / 0.417167
			z: [0, 0, 0, 0, 0, 2.7402],
			above: [false, false, false, false, false, true],
			recent: 1,
			consecutive: 1
		},
		{
			name: 'a spike in May and a normal June: the memory of the EWMA does not count as a month',
			window: [12, 12, 12, 12, 40, 12],
			// May e = 2.462084, z = 5.9455; June e = 1.723459, z = 4.1313 ≥ 2.7 but y = 0 < 2.7 × 0.417167
			z: [0, 0, 0, 0, 5.9455, 4.1313],
			above: [false, false, false, false, true, false],
			recent: 1,
			consecutive: 0
		},
		{
			name: 'a constant series',
			window: [12, 12, 12, 12, 12, 12],
			z: [0, 0, 0, 0, 0, 0],
			above: [false, false, false, false, false, false],
			recent: 0,
			consecutive: 0
		},
		{
			name: 'a fall is never flagged',
			window: [0, 0, 0, 0, 0, 0],
			z: [-3.5173, -4.8985, -5.8562, -6.5542, -7.0661, -7.4394],
			above: [false, false, false, false, false, false],
			recent: 0,
			consecutive: 0
		}
	])('$name', ({ window, z, above, recent, consecutive }) => {
		const result = ownHistory(window);
		expect(result.status).toBe('ok');
		expect(result.dispersion).toBe(1);
		expect(result.months.map((m) => m.month)).toEqual([
			'2025-01',
			'2025-02',
			'2025-03',
			'2025-04',
			'2025-05',
			'2025-06'
		]);
		result.months.forEach((m, i) => expect(m.z).toBeCloseTo(z[i]!, 3));
		expect(result.months.map((m) => m.above)).toEqual(above);
		expect(result.recentAbove).toBe(recent);
		expect(result.consecutive).toBe(consecutive);
		expect(result.flagged).toBe(recent > 0);
	});

	it('gives the band and the smoothed line in rate units', () => {
		const june = ownHistory([12, 12, 12, 24, 24, 24]).months[5]!;
		expect(june.y).toBeCloseTo(0.03 / SE, 9);
		expect(june.ewma).toBeCloseTo(2.310842, 5);
		// Band: 3 % + 2.7 × 0.417167 × SE = 3.9607 %; smoothed: 3 % + 2.310842 × SE = 4.9710 %.
		expect(june.band).toBeCloseTo(0.03 + 2.7 * SD[5]! * SE, 6);
		expect(june.band).toBeCloseTo(0.039607, 6);
		expect(june.smoothed).toBeCloseTo(0.04971, 5);
	});

	it('widens the band by the Laney factor when the baseline varies more than chance', () => {
		// Baseline alternating 2 % and 4 %: z = ±0.01 / SE = ±1.172426, moving ranges 2.344852,
		// Laney factor 2.344852 / 1.128 = 2.078760. The doubling then stays inside the band.
		const alternating = Array.from({ length: 12 }, (_, i) => (i % 2 ? 16 : 8));
		const result = rateSignal(
			series('2024-01', [...alternating, 12, 12, 12, 24, 24, 24], 400),
			ORG,
			'binomial',
			AS_OF
		);
		expect(result.baseline).toBeCloseTo(0.03, 12);
		expect(result.ownHistory.dispersion).toBeCloseTo((2 * 0.01) / SE / 1.128, 9);
		expect(result.ownHistory.dispersion).toBeCloseTo(2.07876, 5);
		expect(result.ownHistory.months[5]!.z).toBeCloseTo(5.5394 / 2.07876, 3);
		expect(result.ownHistory.flagged).toBe(false);
	});

	it('needs six baseline months, and waits across a missing month', () => {
		const short = rateSignal(
			series('2024-08', [12, 12, 12, 12, 12, 24, 24, 24, 24, 24, 24], 400),
			ORG,
			'binomial',
			AS_OF
		);
		expect(short.ownHistory.status).toBe('short-history');
		expect(short.ownHistory.flagged).toBe(false);
		const gap = series('2024-01', [...BASELINE, 12, 12, 25, 25, 25, 25], 400).filter(
			(m) => m.month !== '2025-04'
		);
		const result = rateSignal(gap, ORG, 'binomial', AS_OF).ownHistory;
		// April is missing: the EWMA counts observed months (March j = 3, May j = 4, June j = 5), and
		// the run of months above the band ends at the gap.
		expect(result.months.map((m) => m.month)).toEqual([
			'2025-01',
			'2025-02',
			'2025-03',
			'2025-05',
			'2025-06'
		]);
		expect(result.months.map((m) => m.above)).toEqual([false, false, true, true, true]);
		expect(result.recentAbove).toBe(3);
		expect(result.consecutive).toBe(2);
		expect(rateSignal([], ORG, 'binomial', AS_OF).ownHistory.status).toBe('no-data');
	});
});

describe('rates against the organisation (p-chart limit from the unit’s denominator)', () => {
	// The unit sits at the organisation's 3.4 % through its baseline (13.6 of 400 days), so its
	// Laney factor is 1. Standard error: √(0.034 × 0.966 / 400) = 0.0090614.
	const ORG34 = series('2024-01', Array<number>(18).fill(340), 10_000);
	const SE34 = Math.sqrt((0.034 * 0.966) / 400);
	const unit = (window: number[]) => series('2024-01', [...Array<number>(12).fill(13.6), ...window], 400);

	it.each([
		['5.9 % is above the limit of 5.8466 %', 23.6, 2.758938, true],
		['5.85 % is just above it', 23.4, 2.703759, true],
		['5.8 % is under it', 23.2, 2.648581, false]
	])('with λ = 1 (a p-chart): %s', (_name, sickDays, z, above) => {
		const result = rateSignal(unit([13.6, 13.6, 13.6, 13.6, 13.6, sickDays]), ORG34, 'binomial', AS_OF, {
			lambda: 1
		}).organisation;
		const june = result.months[5]!;
		// The limit: 3.4 % + 2.7 × 0.0090614 = 5.8466 %.
		expect(june.band).toBeCloseTo(0.034 + 2.7 * SE34, 9);
		expect(june.band).toBeCloseTo(0.058466, 6);
		expect(june.z).toBeCloseTo(z, 5);
		expect(june.above).toBe(above);
	});

	it('counts a run of months at 5.9 % against 3.4 %: four months in a row above the band', () => {
		// y = 0.025 / 0.0090614 = 2.758938 from February; e = 0.827681, 1.407058, 1.812622,
		// 2.096517, 2.295243; z = 2.2602 (under), 3.5658, 4.4449, 5.0627, 5.5020.
		const signal = rateSignal(unit([13.6, 23.6, 23.6, 23.6, 23.6, 23.6]), ORG34, 'binomial', AS_OF);
		const result = signal.organisation;
		result.months
			.slice(1)
			.forEach((m, i) => expect(m.z).toBeCloseTo([2.2602, 3.5658, 4.4449, 5.0627, 5.502][i]!, 3));
		expect(result.months.map((m) => m.above)).toEqual([false, false, true, true, true, true]);
		expect(result.recentAbove).toBe(4);
		expect(result.consecutive).toBe(4);

		const [own, org] = rateFindings('absenceRateShort', signal);
		expect(own!.comparison).toBe('own-history');
		expect(org).toMatchObject({
			kind: 'rate',
			indicator: 'absenceRateShort',
			comparison: 'organisation',
			direction: 'worse',
			month: '2025-06',
			monthsAbove: 4,
			consecutive: 4,
			window: 4,
			persistent: true,
			n: 20
		});
		expect(org!.value).toBeCloseTo(5.9, 9);
		expect(org!.baseline).toBeCloseTo(3.4, 9);
		expect(org!.organisation).toBeCloseTo(3.4, 9);
		expect(org!.ratio).toBeCloseTo(5.9 / 3.4, 9);
		expect(org!.z).toBeCloseTo(5.502, 3);
		expect(text('nl', org!)).toBe('kort verzuim 5,9%, organisatie 3,4% (4 maanden op rij boven de band)');
		expect(text('fr', org!)).toBe(
			'absentéisme de courte durée 5,9 %, organisation 3,4 % (4 mois de suite au-dessus de la bande)'
		);
		expect(text('en', org!)).toBe(
			'short-term absence 5,9%, organisation 3,4% (4 months in a row above the band)'
		);
	});
});

describe('the anonymity gate', () => {
	const figures = (month: string, headcount: number, values: Partial<UnitMonthFigures> = {}) => ({
		...emptyFigures('u', month),
		headcount,
		fte: headcount - 1,
		plannedDays: headcount * 20,
		sickDaysShort: 3,
		spells: 2,
		leaversVoluntary: 1,
		newIncapacity4w: 0,
		workAccidents: 1,
		...values
	});

	it('leaves out months below k for health indicators, and months without figures', () => {
		const records = [
			figures('2025-01', 20),
			figures('2025-02', 4),
			figures('2025-03', 20, { sickDaysShort: null }),
			figures('2025-04', 20, { plannedDays: 0 })
		];
		expect(monthlyRates(records, 'absenceRateShort', 5).map((r) => r.month)).toEqual(['2025-01']);
		// Turnover is not health information: shown whatever the headcount, as in computeIndicators.
		expect(monthlyRates(records, 'turnoverVoluntary', 5).map((r) => r.month)).toEqual([
			'2025-01',
			'2025-02',
			'2025-03',
			'2025-04'
		]);
	});

	it('gives each month the value of computeIndicators for that month', () => {
		const record = figures('2025-01', 20);
		const indicators = computeIndicators([record], { from: '2025-01', to: '2025-01' }, 5);
		for (const id of RATE_INDICATOR_IDS) {
			const [rate] = monthlyRates([record], id, 5);
			const gated = indicators[id];
			expect(gated.shown).toBe(true);
			if (!gated.shown) continue;
			expect((rate!.value.numerator / rate!.value.denominator) * RATE_INDICATORS[id].scale).toBeCloseTo(
				gated.value,
				9
			);
			expect(rate!.value.n).toBe(gated.n);
		}
	});

	it('refuses a suppressed value in the types and at run time', () => {
		const suppressed = { month: '2025-01', value: { shown: false, reason: 'below-k' } };
		// @ts-expect-error a suppressed value has no figures and does not fit
		const typed: MonthlyRate = suppressed;
		expect(() => rateSignal([typed], [], 'binomial', AS_OF)).toThrow(TypeError);
		const dimension = { shown: false, reason: 'below-k' };
		// @ts-expect-error idem for a survey dimension
		const wave: DimensionWave = { wave: 'w1', unit: dimension, organisation: null };
		expect(() => compareDimension(wave.unit!, SHOWN, 'high', 'previous-wave')).toThrow(TypeError);
	});

	it('finds a rise from per-unit-month figures, on shown months only', () => {
		const months = Array.from({ length: 18 }, (_, i) => formatMonth(isoMonth('2024-01') + i));
		const unit = months.map((month, i) =>
			figures(month, 20, { plannedDays: 400, sickDaysShort: i >= 14 ? 25 : 12 })
		);
		const org = months.map((month) => figures(month, 500, { plannedDays: 10_000, sickDaysShort: 300 }));
		const findings = indicatorFindings('absenceRateShort', unit, org, 5, AS_OF);
		expect(findings.map((f) => [f.comparison, f.monthsAbove, f.persistent])).toEqual([
			['own-history', 4, true],
			['organisation', 4, true]
		]);
		// With k = 21 no month of the unit passes the gate: nothing to find.
		expect(indicatorFindings('absenceRateShort', unit, org, 21, AS_OF)).toEqual([]);
	});
});

const SHOWN: ShownDimension = { shown: true, n: 30, mean: 40, sd: 20, shareOrangeRed: 0.2 };
const dim = (n: number, shareOrangeRed: number, mean = 50, sd = 20): ShownDimension => ({
	shown: true,
	n,
	mean,
	sd,
	shareOrangeRed
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
			n: 100
		});
		expect(finding!.value).toBeCloseTo(38, 9);
		expect(finding!.reference).toBeCloseTo(21, 9);
		expect(finding!.change).toBeCloseTo(17, 9);
		expect(finding!.z).toBeCloseTo(2.636, 3);
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

// Findings are branded: the tests build synthetic ones through this cast only.
const rate = (over: Partial<Omit<RateFinding, 'kind'>> = {}): RateFinding =>
	({
		kind: 'rate',
		indicator: 'absenceRateShort',
		comparison: 'own-history',
		direction: 'worse',
		month: AS_OF,
		value: 6,
		baseline: 3,
		organisation: 3.2,
		z: 3,
		ratio: 2,
		monthsAbove: 1,
		window: 4,
		consecutive: 1,
		persistent: false,
		n: 20,
		...over
	}) as RateFinding;
const survey = (over: Partial<Omit<DimensionFinding, 'kind'>> = {}): DimensionFinding =>
	({
		kind: 'dimension',
		dimension: 'exhaustion',
		comparison: 'previous-wave',
		measure: 'share',
		direction: 'worse',
		wave: '2025',
		value: 38,
		reference: 21,
		change: 17,
		z: 2.6,
		consecutiveWaves: 1,
		persistent: false,
		n: 100,
		...over
	}) as DimensionFinding;

describe('the attention list', () => {
	it('ranks four months above the band over one spike of the same height', () => {
		const steady = series('2024-01', [...BASELINE, 12, 12, 25, 25, 25, 25], 400);
		const spike = series('2024-01', [...BASELINE, 12, 12, 12, 12, 12, 25], 400);
		const findings = (s: MonthlyRate[]) =>
			rateFindings('absenceRateShort', rateSignal(s, ORG, 'binomial', AS_OF)).filter(
				(f) => f.comparison === 'own-history'
			);
		const list = rankUnits([
			{ unitId: 'spike', findings: findings(spike) },
			{ unitId: 'steady', findings: findings(steady) }
		]);
		expect(list.map((e) => [e.rank, e.unitId, e.score, e.persistentReasons])).toEqual([
			[1, 'steady', 4, 1],
			[2, 'spike', 1, 0]
		]);
		expect(list.map((e) => text('nl', e.reasons[0]!.finding))).toEqual([
			'kort verzuim 6,3%, eigen basisniveau 3% (4 maanden op rij boven de band)',
			'kort verzuim 6,3%, eigen basisniveau 3% (laatste maand boven de band)'
		]);
	});

	it.each([
		{
			name: 'score first: a survey worsening over two waves (4) before one wave (2)',
			units: [
				{ unitId: 'a', findings: [survey()] },
				{ unitId: 'b', findings: [survey({ consecutiveWaves: 2, persistent: true })] }
			],
			order: ['b', 'a'],
			scores: [4, 2]
		},
		{
			name: 'points add up over reasons: 2 + 1 = 3 before one rate of 2 months',
			units: [
				{ unitId: 'a', findings: [rate({ monthsAbove: 2, consecutive: 2 })] },
				{ unitId: 'b', findings: [survey(), rate({ comparison: 'organisation' })] }
			],
			order: ['b', 'a'],
			scores: [3, 2]
		},
		{
			name: 'equal scores: the persistent reason first (3 of 4 months against 1 month + one wave)',
			units: [
				{ unitId: 'a', findings: [survey(), rate()] },
				{ unitId: 'b', findings: [rate({ monthsAbove: 3, consecutive: 0, persistent: true })] }
			],
			order: ['b', 'a'],
			scores: [3, 3]
		},
		{
			name: 'then the largest z',
			units: [
				{ unitId: 'a', findings: [rate({ z: 3.1 })] },
				{ unitId: 'b', findings: [rate({ z: 4.2 })] }
			],
			order: ['b', 'a'],
			scores: [1, 1]
		},
		{
			name: 'then the unit id; units without findings are left out',
			units: [
				{ unitId: 'b', findings: [rate()] },
				{ unitId: 'c', findings: [] },
				{ unitId: 'a', findings: [rate()] }
			],
			order: ['a', 'b'],
			scores: [1, 1]
		}
	])('$name', ({ units, order, scores }) => {
		const list = rankUnits(units);
		expect(list.map((e) => e.unitId)).toEqual(order);
		expect(list.map((e) => e.score)).toEqual(scores);
		expect(list.map((e) => e.rank)).toEqual(order.map((_, i) => i + 1));
	});

	it('returns every part of the score', () => {
		const [entry] = rankUnits([
			{
				unitId: 'u',
				findings: [
					rate({ monthsAbove: 1 }),
					survey({ consecutiveWaves: 3, persistent: true }),
					rate({ comparison: 'organisation', monthsAbove: 4, consecutive: 4, persistent: true })
				]
			}
		]);
		expect(entry!.reasons.map((r) => [r.finding.kind, r.finding.comparison, r.points])).toEqual([
			// Equal points and both persistent: the larger z first (3 against 2.6).
			['rate', 'organisation', 4],
			['dimension', 'previous-wave', 4],
			['rate', 'own-history', 1]
		]);
		expect(entry!.score).toBe(9);
		expect(entry!.persistentReasons).toBe(2);
	});

	it('refuses a unit twice', () => {
		expect(() =>
			rankUnits([
				{ unitId: 'a', findings: [rate()] },
				{ unitId: 'a', findings: [] }
			])
		).toThrow(/twice/);
	});
});

describe('messages', () => {
	it('uses only keys of the catalogue, in every language', () => {
		const findings: Finding[] = [
			...RATE_INDICATOR_IDS.flatMap((indicator) =>
				(['own-history', 'organisation'] as const).flatMap((comparison) =>
					[
						[1, 1],
						[1, 0],
						[3, 2],
						[3, 1]
					].map(([monthsAbove, consecutive]) => rate({ indicator, comparison, monthsAbove, consecutive }))
				)
			),
			...(['previous-wave', 'organisation'] as const).flatMap((comparison) =>
				(['share', 'mean'] as const).flatMap((measure) =>
					[1, 2].map((consecutiveWaves) => survey({ comparison, measure, consecutiveWaves }))
				)
			)
		];
		const keys = (m: ReturnType<typeof reasonMessage>): string[] => [
			m.key,
			...Object.values(m.params).flatMap((p) => (typeof p === 'object' && 'key' in p ? keys(p) : [])),
			...(m.detail ? keys(m.detail) : [])
		];
		for (const finding of findings) {
			for (const key of keys(reasonMessage(finding))) expect([key, isMessageKey(key)]).toEqual([key, true]);
			for (const locale of ['nl', 'fr', 'en'] as const) expect(text(locale, finding)).not.toMatch(/[{}]/);
		}
	});

	it.each([
		[
			rate({ indicator: 'frequency', value: 2.44, baseline: 1.7 }),
			'verzuimfrequentie 2,4 ziekteperiodes per medewerker per jaar, eigen basisniveau 1,7 ziekteperiodes per medewerker per jaar (laatste maand boven de band)'
		],
		[
			rate({
				indicator: 'turnoverVoluntary',
				comparison: 'organisation',
				value: 30,
				organisation: 11,
				monthsAbove: 3,
				consecutive: 1
			}),
			'vrijwillig verloop 30% per jaar, organisatie 11% per jaar (3 van de laatste 4 maanden boven de band)'
		],
		[
			survey({
				comparison: 'organisation',
				measure: 'mean',
				value: 61.04,
				reference: 50,
				consecutiveWaves: 2
			}),
			'uitputting: gemiddelde score 61 op 100, organisatie 50 (2 metingen op rij ongunstiger dan de organisatie)'
		]
	] as const)('renders %#', (finding, expected) => expect(text('nl', finding)).toBe(expected));
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('properties', () => {
	const months = 18;
	const denominators = fc.array(fc.integer({ min: 20, max: 5000 }), { minLength: months, maxLength: months });
	const shares = fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), {
		minLength: months,
		maxLength: months
	});
	const unitSeries = fc.tuple(denominators, shares).map(([ds, ps]) =>
		series(
			'2024-01',
			ds.map((d, i) => Math.round(d * ps[i]!)),
			ds
		)
	);
	const orgSeries = fc.tuple(fc.integer({ min: 1000, max: 100_000 }), shares).map(([d, ps]) =>
		series(
			'2024-01',
			ps.map((p) => Math.round(d * p)),
			d
		)
	);
	const model = fc.constantFrom('binomial' as const, 'poisson' as const);

	it('never flags a constant series against its own history', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 5000 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				orgSeries,
				model,
				(d, p, org, m) => {
					const x = Math.round(d * p);
					const signal = rateSignal(series('2024-01', Array<number>(months).fill(x), d), org, m, AS_OF);
					expect(signal.ownHistory.status).toBe('ok');
					expect(signal.ownHistory.flagged).toBe(false);
				}
			)
		);
	});

	it('never flags a unit that is the whole organisation against the organisation', () => {
		fc.assert(
			fc.property(unitSeries, model, (unit, m) => {
				expect(rateSignal(unit, unit, m, AS_OF).organisation.flagged).toBe(false);
			})
		);
	});

	it('scaling numerators and denominators together keeps the rates and only adds months above the band', () => {
		fc.assert(
			fc.property(unitSeries, orgSeries, fc.integer({ min: 2, max: 50 }), model, (unit, org, c, m) => {
				const scaled = unit.map(({ month, value }) => ({
					month,
					value: { ...value, numerator: value.numerator * c, denominator: value.denominator * c }
				}));
				const before = rateSignal(unit, org, m, AS_OF);
				const after = rateSignal(scaled, org, m, AS_OF);
				expect(after.baseline!).toBeCloseTo(before.baseline!, 12);
				for (const key of ['ownHistory', 'organisation'] as const) {
					after[key].months.forEach((month, i) => {
						const old = before[key].months[i]!;
						expect(month.rate).toBeCloseTo(old.rate, 12);
						expect(month.reference).toBeCloseTo(old.reference, 12);
						// More evidence for the same rate: |z| can only grow (the band narrows).
						expect(Math.abs(month.z)).toBeGreaterThanOrEqual(Math.abs(old.z) * (1 - 1e-9));
						if (old.above) expect(month.above).toBe(true);
					});
				}
			})
		);
	});

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

	const anyFinding: fc.Arbitrary<Finding> = fc.oneof(
		fc
			.record({
				comparison: fc.constantFrom('own-history' as const, 'organisation' as const),
				indicator: fc.constantFrom(...RATE_INDICATOR_IDS),
				monthsAbove: fc.integer({ min: 1, max: 4 }),
				z: fc.double({ min: 0, max: 10, noNaN: true })
			})
			.map((r) => rate({ ...r, persistent: r.monthsAbove >= 3 })),
		fc
			.record({
				comparison: fc.constantFrom('previous-wave' as const, 'organisation' as const),
				dimension: fc.constantFrom('exhaustion', 'engagement', 'stress'),
				consecutiveWaves: fc.integer({ min: 1, max: 3 }),
				z: fc.double({ min: 0, max: 10, noNaN: true })
			})
			.map((r) => survey({ ...r, persistent: r.consecutiveWaves >= 2 }))
	);
	const anyUnits: fc.Arbitrary<UnitFindings[]> = fc.uniqueArray(
		fc.record({
			unitId: fc.string({ minLength: 1, maxLength: 4 }),
			findings: fc.array(anyFinding, { maxLength: 4 })
		}),
		{ selector: (u) => u.unitId, maxLength: 12 }
	);

	it('ranking is a deterministic total order and every score is the sum of its parts', () => {
		fc.assert(
			fc.property(anyUnits, fc.nat(), (units, seed) => {
				const list = rankUnits(units);
				const shuffled = [...units].sort(() => 0).map((u, i, all) => all[(i + seed) % all.length]!);
				expect(rankUnits(shuffled)).toEqual(list);
				expect(rankUnits([...units].reverse())).toEqual(list);
				for (const entry of list) {
					expect(entry.score).toBe(entry.reasons.reduce((sum, r) => sum + r.points, 0));
					expect(entry.reasons.length).toBeGreaterThan(0);
				}
				for (let i = 0; i < list.length; i++)
					for (let j = 0; j < list.length; j++) {
						const order = Math.sign(compareEntries(list[i]!, list[j]!));
						expect(order).toBe(Math.sign(i - j));
					}
			})
		);
	});
});

/** The sentence of a finding in a language, as a page renders it. */
function text(locale: Locale, finding: Finding): string {
	const names: Record<string, Record<Locale, string>> = {
		exhaustion: { nl: 'uitputting', fr: 'épuisement', en: 'exhaustion' },
		engagement: { nl: 'bevlogenheid', fr: 'engagement', en: 'engagement' },
		stress: { nl: 'stress', fr: 'stress', en: 'stress' }
	};
	return renderMessage(reasonMessage(finding), {
		t: (key, params) => translate(locale, key, params),
		number: (value) => formatNumber(locale, value),
		dimensionName: (id) => names[id]?.[locale] ?? id
	});
}
