import { describe, expect, it } from 'vitest';
import { smallTeam, TREE, unitNode } from '../../../../tests/helpers/unit-tree';
import { emptyFigures, type UnitMonthFigures } from './figures';
import { computeIndicators, INDICATORS, rollingMonths, rollUpFigures } from './indicators';

const month = (unitId: string, label: string, values: Partial<UnitMonthFigures>): UnitMonthFigures => ({
	...emptyFigures(unitId, label),
	...values
});

// A team of about 20 over the first quarter of 2025, every figure supplied.
const quarter: UnitMonthFigures[] = [
	month('u', '2025-01', {
		headcount: 20,
		fte: 18,
		plannedDays: 400,
		sickDaysShort: 20,
		sickDaysMedium: 10,
		sickDaysLong: 0,
		spells: 4,
		frequentAbsentees: 1,
		leaversVoluntary: 1,
		leaversInvoluntary: 0,
		newIncapacity4w: 1,
		ongoingIncapacity1y: 0,
		workAccidents: 0,
		spellsEnded: 3,
		spellsEndedDays: 12
	}),
	month('u', '2025-02', {
		headcount: 20,
		fte: 18,
		plannedDays: 380,
		sickDaysShort: 10,
		sickDaysMedium: 10,
		sickDaysLong: 0,
		spells: 3,
		frequentAbsentees: 2,
		leaversVoluntary: 0,
		leaversInvoluntary: 1,
		newIncapacity4w: 0,
		ongoingIncapacity1y: 0,
		workAccidents: 1,
		spellsEnded: 2,
		spellsEndedDays: 8
	}),
	month('u', '2025-03', {
		headcount: 18,
		fte: 16,
		plannedDays: 360,
		sickDaysShort: 6,
		sickDaysMedium: 10,
		sickDaysLong: 0,
		spells: 2,
		frequentAbsentees: 2,
		leaversVoluntary: 1,
		leaversInvoluntary: 0,
		newIncapacity4w: 0,
		ongoingIncapacity1y: 0,
		workAccidents: 0,
		spellsEnded: 2,
		spellsEndedDays: 15
	})
];

const values = (result: ReturnType<typeof computeIndicators>) =>
	Object.fromEntries(
		Object.entries(result).map(([id, gated]) => [id, gated.shown ? gated.value : gated.reason])
	);

describe('computeIndicators', () => {
	it('computes the quarter', () => {
		// Planned 1140 days, sick 36 short + 30 medium; 9 spells over an average headcount of 58/3,
		// over 3 months, so per month (a quarter is never turned into a year); average FTE 52/3;
		// the last month has 2 frequent absentees of 18.
		const result = computeIndicators(quarter, { from: '2025-01', to: '2025-03' });
		const expected = {
			absenceRate: (66 / 1140) * 100,
			absenceRateShort: (36 / 1140) * 100,
			absenceRateMedium: (30 / 1140) * 100,
			absenceRateLong: 0,
			frequency: 9 / (58 / 3) / 3,
			frequentAbsenteeism: (2 / 18) * 100,
			averageSpellDuration: 35 / 7,
			turnoverVoluntary: ((2 / (58 / 3)) * 100) / 3,
			turnoverInvoluntary: ((1 / (58 / 3)) * 100) / 3,
			newLongIncapacityPer100Fte: ((1 / (52 / 3)) * 100) / 3,
			accidentsPer100Fte: ((1 / (52 / 3)) * 100) / 3
		};
		for (const id of INDICATORS) {
			const gated = result[id];
			expect([id, gated.shown]).toEqual([id, true]);
			if (gated.shown) {
				expect(gated.value).toBeCloseTo(expected[id], 10);
				expect(gated.n).toBe(18);
			}
		}
	});

	it.each([
		['absenceRate', 5.7895],
		['absenceRateShort', 3.1579],
		['absenceRateMedium', 2.6316],
		['frequency', 0.1552],
		['frequentAbsenteeism', 11.1111],
		['averageSpellDuration', 5],
		['turnoverVoluntary', 3.4483],
		['turnoverInvoluntary', 1.7241],
		['newLongIncapacityPer100Fte', 1.9231],
		['accidentsPer100Fte', 1.9231]
	] as const)('gives %s = %d for the quarter, rounded', (id, expected) => {
		const gated = computeIndicators(quarter, { from: '2025-01', to: '2025-03' })[id];
		expect(gated.shown && Math.round(gated.value * 1e4) / 1e4).toBe(expected);
	});

	it('computes one month, per month', () => {
		const result = computeIndicators(quarter, rollingMonths('2025-02', 1));
		expect(values(result)).toEqual({
			absenceRate: (20 / 380) * 100,
			absenceRateShort: (10 / 380) * 100,
			absenceRateMedium: (10 / 380) * 100,
			absenceRateLong: 0,
			frequency: 3 / 20,
			frequentAbsenteeism: 10,
			averageSpellDuration: 4,
			turnoverVoluntary: 0,
			turnoverInvoluntary: 5,
			newLongIncapacityPer100Fte: 0,
			accidentsPer100Fte: (1 / 18) * 100
		});
	});

	it('annualises from twelve months: the quarter four times over, per year', () => {
		const year = [0, 3, 6, 9].flatMap((shift) =>
			quarter.map((r, i) => ({ ...r, month: `2025-${String(shift + i + 1).padStart(2, '0')}` }))
		);
		const result = computeIndicators(year, rollingMonths('2025-12', 12));
		// Four times the quarter's events over the same average headcount and FTE: per year.
		expect(values(result)).toMatchObject({
			frequency: 36 / (58 / 3),
			turnoverVoluntary: (8 / (58 / 3)) * 100,
			turnoverInvoluntary: (4 / (58 / 3)) * 100,
			accidentsPer100Fte: (4 / (52 / 3)) * 100
		});
	});

	it('computes whatever the headcount: the month plans decide what is shown (gate.ts)', () => {
		const one = quarter.map((r) => ({ ...r, headcount: 1, fte: 1 }));
		const result = computeIndicators(one, { from: '2025-01', to: '2025-03' });
		for (const id of INDICATORS) expect([id, result[id].shown && result[id].n]).toEqual([id, 1]);
	});

	it('has no data for a range with a month missing', () => {
		const result = computeIndicators(quarter, rollingMonths('2025-03', 12));
		for (const id of INDICATORS) expect(result[id]).toEqual({ shown: false, reason: 'no-data' });
	});

	it('has no data for the indicators whose figures a month lacks', () => {
		const partial = quarter.map((r) => (r.month === '2025-02' ? { ...r, plannedDays: null, fte: null } : r));
		const result = computeIndicators(partial, { from: '2025-01', to: '2025-03' });
		expect(values(result)).toMatchObject({
			absenceRate: 'no-data',
			absenceRateShort: 'no-data',
			newLongIncapacityPer100Fte: 'no-data',
			accidentsPer100Fte: 'no-data',
			frequency: 9 / (58 / 3) / 3,
			averageSpellDuration: 5
		});
	});

	it.each([
		['no planned days', { plannedDays: 0 }, 'absenceRate'],
		['no ended spells', { spellsEnded: 0, spellsEndedDays: 0 }, 'averageSpellDuration'],
		['no headcount', { headcount: null }, 'turnoverVoluntary']
	] as const)('has no data with %s', (_name, change, id) => {
		const result = computeIndicators([{ ...quarter[0]!, ...change }], rollingMonths('2025-01', 1));
		expect(result[id]).toEqual({ shown: false, reason: 'no-data' });
	});

	it('refuses two records of one month and a reversed range', () => {
		expect(() => computeIndicators([quarter[0]!, quarter[0]!], rollingMonths('2025-01', 1))).toThrow();
		expect(() => computeIndicators(quarter, { from: '2025-03', to: '2025-01' })).toThrow(RangeError);
	});
});

describe('rollingMonths', () => {
	it.each([
		['2025-06', 12, '2024-07'],
		['2025-01', 1, '2025-01'],
		['2025-02', 3, '2024-12']
	])('%s over %i months starts in %s', (to, count, from) =>
		expect(rollingMonths(to, count)).toEqual({ from, to })
	);
});

describe('rollUpFigures', () => {
	const byUnit = (records: UnitMonthFigures[]) =>
		Object.fromEntries(
			records.map((r) => [`${r.unitId} ${r.month}`, [r.headcount, r.plannedDays, r.sickDaysShort, r.spells]])
		);

	it('sums each unit over its subtree, month by month', () => {
		const totals = rollUpFigures(TREE, [
			smallTeam('A1', 3),
			smallTeam('A2', 4),
			smallTeam('B', 10),
			smallTeam('A1', 2, '2025-02')
		]);
		expect(byUnit(totals)).toEqual({
			'A1 2025-01': [3, 60, 3, null],
			'A 2025-01': [7, 140, 7, null],
			'R 2025-01': [17, 340, 17, null],
			'A2 2025-01': [4, 80, 4, null],
			'B 2025-01': [10, 200, 10, null],
			'A1 2025-02': [2, 40, 2, null],
			'A 2025-02': [2, 40, 2, null],
			'R 2025-02': [2, 40, 2, null]
		});
	});

	it('makes a total unknown when one part lacks the figure', () => {
		const totals = rollUpFigures(TREE, [
			smallTeam('A1', 3),
			{ ...smallTeam('A2', 4), plannedDays: null },
			smallTeam('B', 10)
		]);
		expect(byUnit(totals)['A 2025-01']).toEqual([7, null, 7, null]);
		expect(byUnit(totals)['R 2025-01']).toEqual([17, null, 17, null]);
		expect(byUnit(totals)['B 2025-01']).toEqual([10, 200, 10, null]);
	});

	it('does not change its input', () => {
		const records = [smallTeam('A1', 3), smallTeam('A2', 4)];
		const copy = structuredClone(records);
		rollUpFigures(TREE, records);
		expect(records).toEqual(copy);
	});

	it('counts a unit outside the tree for itself and stops on a cycle', () => {
		const cyclic = [unitNode('X', 'Y'), unitNode('Y', 'X')];
		expect(byUnit(rollUpFigures(cyclic, [smallTeam('X', 5), smallTeam('Q', 6)]))).toEqual({
			'X 2025-01': [5, 100, 5, null],
			'Y 2025-01': [5, 100, 5, null],
			'Q 2025-01': [6, 120, 6, null]
		});
	});
});
