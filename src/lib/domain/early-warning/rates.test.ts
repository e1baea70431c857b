import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AS_OF, BASELINE, figures, ORG, series, text } from '../../../../tests/helpers/early-warning';
import { computeIndicators } from '../signals/indicators';
import { WATCHED_INDICATORS } from '../signals/registry';
import { formatMonth } from '../signals/calendar';
import { isoMonth } from '../signals/parse';
import {
	ewmaSd,
	indicatorFindings,
	laneyFactor,
	monthlyRates,
	RATE_INDICATOR_IDS,
	RATE_INDICATORS,
	rateFindings,
	rateSignal,
	rateSignalsAgainst,
	unitVariance,
	type MonthlyRate
} from './rates';

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
	// A doubling from April: April e = 1.055179, z = 2.5875, under the band; May e = 1.793804;
	// June e = 2.310842.
	// Four months at 6.25 %: e = 1.143110, 1.943287, 2.503411, 2.895498.
	// One spike of the same height in June: e = 1.143110, z = 1.143110 / 0.417167.
	// A spike in May and a normal June: May e = 2.462084, z = 5.9455; June e = 1.723459, z = 4.1313 ≥ 2.7
	// but y = 0 < 2.7 × 0.417167.
	type Case = {
		name: string;
		window: number[];
		z: number[];
		above: boolean[];
		recent: number;
		consecutive: number;
	};
	it.each`
		name                                                                                    | window                      | z                                                         | above                                         | recent | consecutive
		${'a doubling from April: two months above the band'}                                   | ${[12, 12, 12, 24, 24, 24]} | ${[0, 0, 0, 2.5875, 4.3317, 5.5394]}                      | ${[false, false, false, false, true, true]}   | ${2}   | ${2}
		${'four months at 6.25 %'}                                                              | ${[12, 12, 25, 25, 25, 25]} | ${[0, 0, 2.8969, 4.7653, 6.0453, 6.9409]}                 | ${[false, false, true, true, true, true]}     | ${4}   | ${4}
		${'one spike of the same height in June'}                                               | ${[12, 12, 12, 12, 12, 25]} | ${[0, 0, 0, 0, 0, 2.7402]}                                | ${[false, false, false, false, false, true]}  | ${1}   | ${1}
		${'a spike in May and a normal June: the memory of the EWMA does not count as a month'} | ${[12, 12, 12, 12, 40, 12]} | ${[0, 0, 0, 0, 5.9455, 4.1313]}                           | ${[false, false, false, false, true, false]}  | ${1}   | ${0}
		${'a constant series'}                                                                  | ${[12, 12, 12, 12, 12, 12]} | ${[0, 0, 0, 0, 0, 0]}                                     | ${[false, false, false, false, false, false]} | ${0}   | ${0}
		${'a fall is never flagged'}                                                            | ${[0, 0, 0, 0, 0, 0]}       | ${[-3.5173, -4.8985, -5.8562, -6.5542, -7.0661, -7.4394]} | ${[false, false, false, false, false, false]} | ${0}   | ${0}
	`('$name', ({ window, z, above, recent, consecutive }: Case) => {
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
			n: 20,
			months: 4,
			value: expect.closeTo(5.9, 9),
			reference: expect.closeTo(3.4, 9),
			ratio: expect.closeTo(5.9 / 3.4, 9),
			z: expect.closeTo(5.502, 3)
		});
		expect(text('nl', org!)).toBe(
			'kort verzuim 5,9% over de laatste 4 maanden, organisatie 3,4% (4 maanden op rij boven de band)'
		);
		expect(text('fr', org!)).toBe(
			'absentéisme de courte durée 5,9 % sur les 4 derniers mois, organisation 3,4 % (4 mois de suite au-dessus de la bande)'
		);
		expect(text('en', org!)).toBe(
			'short-term absence 5,9% over the last 4 months, organisation 3,4% (4 months in a row above the band)'
		);
	});
});

describe('a reason never shows the unit on the favourable side of its reference', () => {
	// April at 10 % against the organisation's (and its own) 3.4 %, then May and June without a sick
	// day: the band remembers April, but over the last four months the unit is at 3.35 %, not above.
	it('drops a month above the band once the recent months, pooled, are not above the reference', () => {
		const org = series('2024-01', Array<number>(18).fill(340), 10_000);
		const unit = series('2024-01', [...Array<number>(12).fill(13.6), 13.6, 13.6, 13.6, 40, 0, 0], 400);
		const signal = rateSignal(unit, org, 'binomial', AS_OF);
		for (const comparison of [signal.organisation, signal.ownHistory]) {
			expect(comparison.months.map((m) => m.above)).toEqual([false, false, false, true, false, false]);
			expect(comparison.recent).toMatchObject({ months: 4, rate: expect.closeTo(53.6 / 1600, 12) });
			expect(comparison.recent!.reference).toBeCloseTo(0.034, 12);
		}
		expect(rateFindings('absenceRateShort', signal)).toEqual([]);
		// One sick day more in June and the unit is above again over those months: the reason returns.
		const again = series('2024-01', [...Array<number>(12).fill(13.6), 13.6, 13.6, 13.6, 40, 0, 1], 400);
		expect(rateFindings('absenceRateShort', rateSignal(again, org, 'binomial', AS_OF))).toHaveLength(2);
	});

	it('holds for generated series of every watched indicator: value above reference, per month', () => {
		const month = fc.record({
			numerator: fc.nat({ max: 40 }),
			denominator: fc.integer({ min: 1, max: 800 })
		});
		const months = fc.array(fc.option(month, { freq: 8 }), { minLength: 18, maxLength: 18 });
		fc.assert(
			fc.property(months, months, fc.constantFrom(...RATE_INDICATOR_IDS), (own, organisation, indicator) => {
				const toSeries = (values: typeof own, scale: number) =>
					values.flatMap((v, i) =>
						v && v.numerator <= v.denominator * scale
							? [
									{
										month: formatMonth(isoMonth('2024-01') + i),
										value: {
											shown: true as const,
											n: 20,
											numerator: v.numerator,
											denominator: v.denominator * scale
										}
									}
								]
							: []
					);
				const signal = rateSignal(
					toSeries(own, 1),
					toSeries(organisation, 20),
					RATE_INDICATORS[indicator].model,
					AS_OF
				);
				for (const finding of rateFindings(indicator, signal)) {
					expect(finding.value).toBeGreaterThan(finding.reference);
					expect(finding.months).toBeGreaterThanOrEqual(1);
					expect(finding.months).toBeLessThanOrEqual(finding.window);
					expect(finding.monthsAbove).toBeGreaterThanOrEqual(1);
					// Never a month's figure turned into a yearly one.
					expect(RATE_INDICATORS[indicator].unit).not.toMatch(/PerYear$/);
					for (const locale of ['nl', 'fr', 'en'] as const) expect(text(locale, finding)).not.toMatch(/[{}]/);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the watched rates', () => {
	const WATCHED = [
		['absenceRateShort', ['sickDaysShort'], 'plannedDays', 'binomial', 100, 'percent'],
		['frequency', ['spells'], 'headcount', 'poisson', 1, 'perEmployeePerMonth'],
		['turnoverVoluntary', ['leaversVoluntary'], 'headcount', 'binomial', 100, 'percentPerMonth'],
		['newLongIncapacityPer100Fte', ['newIncapacity4w'], 'fte', 'poisson', 100, 'per100FtePerMonth'],
		['accidentsPer100Fte', ['workAccidents'], 'fte', 'poisson', 100, 'per100FtePerMonth']
	] as const;

	it.each(WATCHED)('%s: %j / %s, %s, x %d in %s', (id, numerator, denominator, model, scale, unit) =>
		expect(RATE_INDICATORS[id]).toEqual({ numerator, denominator, model, scale, unit })
	);

	it('watches those five, from the registry', () => {
		expect(RATE_INDICATOR_IDS).toEqual(WATCHED.map(([id]) => id));
		expect(RATE_INDICATOR_IDS).toEqual(WATCHED_INDICATORS);
		expect(Object.keys(RATE_INDICATORS)).toEqual(RATE_INDICATOR_IDS);
	});
});

// Which months enter at all is the signals gate's decision (signals/gate.ts and its tests): the
// month plans. Here the months given are those the gate let through.
describe('monthly rates from the months the gate let through', () => {
	it('leaves out months without figures or a positive denominator, whatever the headcount', () => {
		const records = [
			figures('2025-01', 20),
			figures('2025-02', 4),
			figures('2025-03', 20, { sickDaysShort: null }),
			figures('2025-04', 20, { plannedDays: 0 }),
			figures('2025-05', 20, { headcount: null })
		];
		expect(monthlyRates(records, 'absenceRateShort').map((r) => r.month)).toEqual(['2025-01', '2025-02']);
		expect(monthlyRates(records, 'turnoverVoluntary').map((r) => r.month)).toEqual([
			'2025-01',
			'2025-02',
			'2025-03',
			'2025-04'
		]);
	});

	it('gives each month the value of computeIndicators for that month', () => {
		const record = figures('2025-01', 20);
		const indicators = computeIndicators([record], { from: '2025-01', to: '2025-01' });
		for (const id of RATE_INDICATOR_IDS) {
			const [rate] = monthlyRates([record], id);
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
	});

	it('finds a rise from per-unit-month figures, on shown months only', () => {
		const months = Array.from({ length: 18 }, (_, i) => formatMonth(isoMonth('2024-01') + i));
		const unit = months.map((month, i) =>
			figures(month, 20, { plannedDays: 400, sickDaysShort: i >= 14 ? 25 : 12 })
		);
		const org = months.map((month) => figures(month, 500, { plannedDays: 10_000, sickDaysShort: 300 }));
		const findings = indicatorFindings('absenceRateShort', unit, org, AS_OF);
		expect(findings.map((f) => [f.comparison, f.monthsAbove, f.persistent])).toEqual([
			['own-history', 4, true],
			['organisation', 4, true]
		]);
		// No month of the unit: nothing to find.
		expect(indicatorFindings('absenceRateShort', [], org, AS_OF)).toEqual([]);
	});
});

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
});

describe('every unit and indicator at once', () => {
	it('gives what rateSignal gives per indicator, for generated figures with gaps and missing values', () => {
		const ids = [
			...new Set(
				RATE_INDICATOR_IDS.flatMap((id) => [
					...RATE_INDICATORS[id].numerator,
					RATE_INDICATORS[id].denominator
				])
			)
		];
		const month = fc.record({
			headcount: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 8 }),
			values: fc.array(fc.option(fc.nat({ max: 900 }), { freq: 6 }), {
				minLength: ids.length,
				maxLength: ids.length
			})
		});
		const months = fc.array(fc.option(month, { freq: 6 }), { minLength: 18, maxLength: 18 });
		const toFigures = (values: Array<{ headcount: number | null; values: Array<number | null> } | null>) =>
			values.flatMap((v, i) =>
				v
					? [
							figures(formatMonth(isoMonth('2024-01') + i), 0, {
								...Object.fromEntries(ids.map((id, f) => [id, v.values[f]!])),
								headcount: v.headcount
							})
						]
					: []
			);
		fc.assert(
			fc.property(months, months, (own, organisation) => {
				const unit = toFigures(own);
				const org = toFigures(organisation);
				const all = rateSignalsAgainst(org, RATE_INDICATOR_IDS, AS_OF)(unit);
				expect(all.map((s) => s.indicator)).toEqual(RATE_INDICATOR_IDS);
				for (const { indicator, signal } of all)
					expect(signal).toEqual(
						rateSignal(
							monthlyRates(unit, indicator),
							monthlyRates(org, indicator),
							RATE_INDICATORS[indicator].model,
							AS_OF
						)
					);
			}),
			{ numRuns: 300 }
		);
	});
});
