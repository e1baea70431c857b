import { describe, expect, it } from 'vitest';
import { FIGURES } from './formats';
import {
	HEALTH_INDICATORS,
	INDICATOR_REGISTRY,
	INDICATORS,
	periodFactor,
	unitOver,
	WATCHED_INDICATORS,
	type IndicatorId
} from './registry';

describe('the indicator registry', () => {
	it('defines every indicator once, from known figures', () => {
		expect(Object.keys(INDICATOR_REGISTRY).sort()).toEqual([...INDICATORS].sort());
		for (const id of INDICATORS) {
			const { numerator, denominator } = INDICATOR_REGISTRY[id];
			expect([id, numerator.length > 0]).toEqual([id, true]);
			for (const figure of [...numerator, denominator]) expect(FIGURES).toContain(figure);
		}
	});

	it.each([
		['absenceRate', 'ratioOfSums', 100, 'percent', true, false],
		['absenceRateShort', 'ratioOfSums', 100, 'percent', true, true],
		['absenceRateMedium', 'ratioOfSums', 100, 'percent', true, false],
		['absenceRateLong', 'ratioOfSums', 100, 'percent', true, false],
		['frequency', 'annualRate', 1, 'perEmployeePerYear', true, true],
		['frequentAbsenteeism', 'lastMonthRatio', 100, 'percent', true, false],
		['averageSpellDuration', 'ratioOfSums', 1, 'days', true, false],
		['turnoverVoluntary', 'annualRate', 100, 'percentPerYear', false, true],
		['turnoverInvoluntary', 'annualRate', 100, 'percentPerYear', false, false],
		['newLongIncapacityPer100Fte', 'annualRate', 100, 'per100FtePerYear', true, true],
		['accidentsPer100Fte', 'annualRate', 100, 'per100FtePerYear', true, true]
	] as const)('%s: %s x %d in %s, health %s, watched %s', (id, aggregation, scale, unit, health, watched) => {
		expect(INDICATOR_REGISTRY[id]).toMatchObject({ aggregation, scale, unit, health, watched });
		expect(HEALTH_INDICATORS.has(id)).toBe(health);
	});

	it('counts every spell in the frequency: there is no frequency of short spells', () => {
		expect(INDICATOR_REGISTRY.frequency.numerator).toEqual(['spells']);
	});

	it('watches only flows with a model of chance, in the order of the indicators', () => {
		expect(WATCHED_INDICATORS).toEqual([
			'absenceRateShort',
			'frequency',
			'turnoverVoluntary',
			'newLongIncapacityPer100Fte',
			'accidentsPer100Fte'
		]);
		for (const id of WATCHED_INDICATORS as readonly IndicatorId[]) {
			expect([id, INDICATOR_REGISTRY[id].model]).not.toEqual([id, null]);
			expect([id, INDICATOR_REGISTRY[id].aggregation]).not.toEqual([id, 'lastMonthRatio']);
		}
	});

	// A rate over fewer than twelve months is said per month: one leaver in a team of eight in one
	// month is 12.5 % that month, never "150 % a year".
	it.each([
		['absenceRate', 1, 1, 'percent'],
		['absenceRate', 12, 1, 'percent'],
		['frequentAbsenteeism', 3, 1, 'percent'],
		['averageSpellDuration', 6, 1, 'days'],
		['frequency', 1, 1, 'perEmployeePerMonth'],
		['frequency', 11, 1 / 11, 'perEmployeePerMonth'],
		['frequency', 12, 1, 'perEmployeePerYear'],
		['turnoverVoluntary', 1, 1, 'percentPerMonth'],
		['turnoverVoluntary', 6, 1 / 6, 'percentPerMonth'],
		['turnoverVoluntary', 12, 1, 'percentPerYear'],
		['turnoverInvoluntary', 24, 1 / 2, 'percentPerYear'],
		['newLongIncapacityPer100Fte', 3, 1 / 3, 'per100FtePerMonth'],
		['accidentsPer100Fte', 12, 1, 'per100FtePerYear']
	] as const)('%s over %d months: x %d, in %s', (id, months, factor, unit) => {
		expect(periodFactor(INDICATOR_REGISTRY[id].aggregation, months)).toBeCloseTo(factor, 12);
		expect(unitOver(id, months)).toBe(unit);
	});
});
