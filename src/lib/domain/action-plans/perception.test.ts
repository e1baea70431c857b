import { describe, expect, it } from 'vitest';
import { planDisclosure } from '../anonymity';
import type { UnitNode } from '../units';
import {
	isAskedOf,
	isPerceptionCandidate,
	perceptionFigure,
	previousClose,
	readPerceptionAnswers,
	type CandidateMeasure
} from './perception';

const unit = (id: string, parentId: string | null): UnitNode => ({
	id,
	parentId,
	code: id,
	name: id,
	headcount: 10,
	archived: false
});

// Nursing with wards A and B; Logistics apart.
const units = [
	unit('nursing', null),
	unit('ward-a', 'nursing'),
	unit('ward-b', 'nursing'),
	unit('logistics', null)
];

describe('previousClose', () => {
	it.each<[string, Array<{ closesOn: string; status: 'planned' | 'open' | 'closed' }>, string | null]>([
		['no waves', [], null],
		['only an open wave', [{ closesOn: '2027-03-01', status: 'open' }], null],
		[
			'the closed wave that closed last',
			[
				{ closesOn: '2026-03-01', status: 'closed' },
				{ closesOn: '2026-10-15', status: 'closed' },
				{ closesOn: '2027-03-01', status: 'open' }
			],
			'2026-10-15'
		]
	])('%s', (_, waves, expected) => {
		expect(previousClose(waves)).toBe(expected);
	});
});

describe('isPerceptionCandidate', () => {
	const done: CandidateMeasure = { status: 'done', unitId: 'ward-a', changedOn: '2026-11-20' };
	const context: { since: string | null; waveUnitIds: Set<string>; units: UnitNode[] } = {
		since: '2026-10-15',
		waveUnitIds: new Set(['nursing', 'ward-a', 'ward-b']),
		units
	};
	it.each<[string, Partial<CandidateMeasure>, Partial<typeof context>, boolean]>([
		['a done measure of a unit of the wave, changed since the previous wave', {}, {}, true],
		['changed on the closing day of the previous wave', { changedOn: '2026-10-15' }, {}, true],
		['changed before the previous wave closed', { changedOn: '2026-10-14' }, {}, false],
		['no previous wave: any day', { changedOn: '2020-01-01' }, { since: null }, true],
		['in progress', { status: 'in-progress' }, {}, false],
		['planned', { status: 'planned' }, {}, false],
		['dropped', { status: 'dropped' }, {}, false],
		[
			'the whole organisation, whatever units the wave covers',
			{ unitId: null },
			{ waveUnitIds: new Set(['logistics']) },
			true
		],
		['a unit the wave does not cover', { unitId: 'logistics' }, {}, false],
		[
			'a parent whose sub-unit the wave covers',
			{ unitId: 'nursing' },
			{ waveUnitIds: new Set(['ward-b']) },
			true
		],
		[
			'a sub-unit of a unit the wave covers, but not the sub-unit itself',
			{},
			{ waveUnitIds: new Set(['nursing']) },
			false
		]
	])('%s: %s', (_, measure, ctx, expected) => {
		expect(isPerceptionCandidate({ ...done, ...measure }, { ...context, ...ctx })).toBe(expected);
	});
});

describe('isAskedOf', () => {
	it.each<[string | null, string, boolean]>([
		[null, 'logistics', true],
		['nursing', 'nursing', true],
		['nursing', 'ward-a', true],
		['ward-a', 'ward-a', true],
		['ward-a', 'nursing', false],
		['ward-a', 'ward-b', false],
		['nursing', 'logistics', false],
		['nursing', 'unknown', false]
	])('a measure of %s is asked of %s: %s', (measureUnit, respondentUnit, expected) => {
		expect(isAskedOf(measureUnit, respondentUnit, units)).toBe(expected);
	});
});

describe('readPerceptionAnswers', () => {
	it.each<[string, Record<string, string>, Record<string, number>, string[]]>([
		['blank and missing answers are left out', { p_m1: '', p_m2: '3' }, { m2: 3 }, []],
		['every value of the scale', { p_m1: '1', p_m2: '4' }, { m1: 1, m2: 4 }, []],
		['out of the scale', { p_m1: '5', p_m2: '2' }, { m2: 2 }, ['p_m1']],
		['not a number', { p_m1: 'helped' }, {}, ['p_m1']],
		['a measure not asked is ignored', { p_m3: '9', p_m1: '2' }, { m1: 2 }, []]
	])('%s', (_, fields, answers, problemFields) => {
		const read = readPerceptionAnswers(fields, ['m1', 'm2']);
		expect(read.answers).toEqual(answers);
		expect(Object.keys(read.problems)).toEqual(problemFields);
		for (const field of problemFields) expect(read.problems[field]).toEqual({ key: 'perception.invalid' });
	});
});

describe('perceptionFigure', () => {
	// k = 5. Nursing: 2 own respondents, ward A 8, ward B 3 (pooled into Nursing, 13 in all).
	const plan = planDisclosure(
		[
			{ id: 'nursing', parentId: null, ownCount: 2 },
			{ id: 'ward-a', parentId: 'nursing', ownCount: 8 },
			{ id: 'ward-b', parentId: 'nursing', ownCount: 3 }
		],
		5
	);
	it.each<[string, string, number[], ReturnType<typeof perceptionFigure>]>([
		[
			'a shown unit with at least k answers: shares of the answers',
			'ward-a',
			[1, 1, 2, 4],
			{ shown: true, n: 8, value: { answered: 8, shares: [0.125, 0.125, 0.25, 0.5] } } as never
		],
		[
			'exactly k answers, some respondents left it blank',
			'nursing',
			[0, 0, 0, 5],
			{ shown: true, n: 13, value: { answered: 5, shares: [0, 0, 0, 1] } } as never
		],
		[
			'a shown unit with fewer than k answers',
			'ward-a',
			[1, 0, 2, 1],
			{ shown: false, reason: 'below-k' } as never
		],
		['nobody answered', 'ward-a', [0, 0, 0, 0], { shown: false, reason: 'below-k' } as never],
		[
			'a unit the plan hides: its reason, whatever the answers',
			'ward-b',
			[0, 0, 3, 0],
			{ shown: false, reason: 'below-k' } as never
		],
		['a unit outside the plan', 'logistics', [5, 5, 5, 5], { shown: false, reason: 'no-data' } as never]
	])('%s', (_, unitId, counts, expected) => {
		expect(perceptionFigure(plan, unitId, counts)).toEqual(expected);
	});

	it('keeps the reason of a unit hidden to protect a smaller one', () => {
		// Logistics 17 (no own), Dispatch 3, Receiving 6 (secondary), Warehouse 8 (docs example 2).
		const logistics = planDisclosure(
			[
				{ id: 'logistics', parentId: null, ownCount: 0 },
				{ id: 'dispatch', parentId: 'logistics', ownCount: 3 },
				{ id: 'receiving', parentId: 'logistics', ownCount: 6 },
				{ id: 'warehouse', parentId: 'logistics', ownCount: 8 }
			],
			5
		);
		expect(perceptionFigure(logistics, 'receiving', [0, 1, 2, 3])).toEqual({
			shown: false,
			reason: 'secondary'
		});
		expect(perceptionFigure(logistics, 'logistics', [2, 3, 4, 5]).shown).toBe(true);
	});
});
