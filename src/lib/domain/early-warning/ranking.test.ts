import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AS_OF, BASELINE, ORG, rate, series, survey, text } from '../../../../tests/helpers/early-warning';
import { compareEntries, firstEntries, rankUnits, type Finding, type UnitFindings } from './ranking';
import { RATE_INDICATOR_IDS, rateFindings, rateSignal, type MonthlyRate } from './rates';

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
			'kort verzuim 6,3% over de laatste 4 maanden, eigen basisniveau 3% (4 maanden op rij boven de band)',
			// The spike's own month (6.25 %) pooled with the three ordinary months before it.
			'kort verzuim 3,8% over de laatste 4 maanden, eigen basisniveau 3% (laatste maand boven de band)'
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

describe('properties', () => {
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

describe('firstEntries', () => {
	const list = Array.from({ length: 30 }, (_, i) => `unit ${i + 1}`);
	it.each<[string, readonly string[], boolean, number, number, string | undefined]>([
		['a long list: the first 25, in their order', list, false, 25, 30, 'unit 25'],
		['asked for all: all', list, true, 30, 30, 'unit 30'],
		['a list of exactly 25: all', list.slice(0, 25), false, 25, 25, 'unit 25'],
		['an empty list', [], false, 0, 0, undefined]
	])('%s', (_, entries, all, shown, total, last) => {
		const result = firstEntries(entries, all);
		expect(result.shown).toHaveLength(shown);
		expect(result.total).toBe(total);
		expect(result.shown.at(-1)).toBe(last);
		expect(result.shown).toEqual(entries.slice(0, shown));
	});
	it('takes another limit', () => {
		expect(firstEntries(list, false, 3)).toEqual({ shown: ['unit 1', 'unit 2', 'unit 3'], total: 30 });
	});
});
