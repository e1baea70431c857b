import { describe, expect, it, vi } from 'vitest';
import {
	disclose,
	discloseEach,
	discloseInEvery,
	discloseWithoutMinimum,
	planDimensions,
	planDisclosure,
	planSensitiveDisclosure,
	suppressed,
	type CountedUnit,
	type Disclosed,
	type DisclosurePlan
} from './anonymity';

/** Units from rows of [id, parent id, own people]. */
const units = (rows: ReadonlyArray<readonly [string, string | null, number]>): CountedUnit[] =>
	rows.map(([id, parentId, ownCount]) => ({ id, parentId, ownCount }));

/** A plan as the worked examples in docs/anonymity.md tabulate it. */
function view(plan: DisclosurePlan) {
	return Object.fromEntries(
		[...plan.units.values()].map((u) => [
			u.id,
			u.shown ? { n: u.subtreeCount, pooled: u.pooled } : { hidden: u.reason, pooledInto: u.pooledInto }
		])
	);
}

// docs/anonymity.md, example 1: a small ward is pooled into its department.
const nursing = units([
	['nursing', null, 3],
	['ward-a', 'nursing', 12],
	['ward-b', 'nursing', 9],
	['night-ward', 'nursing', 4]
]);

describe('planDisclosure: the worked examples of docs/anonymity.md (k = 5)', () => {
	it.each([
		{
			example: '1. a ward of 4 is pooled into its department',
			tree: nursing,
			expected: {
				nursing: { n: 28, pooled: ['night-ward'] },
				'ward-a': { n: 12, pooled: [] },
				'ward-b': { n: 9, pooled: [] },
				'night-ward': { hidden: 'below-k', pooledInto: 'nursing' }
			}
		},
		{
			example: '2. a team of 3 makes secondary suppression hide the next smallest sibling',
			tree: units([
				['logistics', null, 0],
				['dispatch', 'logistics', 3],
				['receiving', 'logistics', 6],
				['warehouse', 'logistics', 8]
			]),
			expected: {
				logistics: { n: 17, pooled: ['dispatch', 'receiving'] },
				dispatch: { hidden: 'below-k', pooledInto: 'logistics' },
				receiving: { hidden: 'secondary', pooledInto: 'logistics' },
				warehouse: { n: 8, pooled: [] }
			}
		},
		{
			example: '3. a division with 2 people of its own and all teams big enough',
			tree: units([
				['finance', null, 2],
				['accounting', 'finance', 7],
				['purchasing', 'finance', 9]
			]),
			expected: {
				finance: { n: 18, pooled: ['accounting'] },
				accounting: { hidden: 'secondary', pooledInto: 'finance' },
				purchasing: { n: 9, pooled: [] }
			}
		},
		{
			example: '4. a department with nobody of its own: a remainder of 0 reveals nobody',
			tree: units([
				['it', null, 0],
				['helpdesk', 'it', 6],
				['development', 'it', 7]
			]),
			expected: {
				it: { n: 13, pooled: [] },
				development: { n: 7, pooled: [] },
				helpdesk: { n: 6, pooled: [] }
			}
		},
		{
			example: '5. an organisation below k shows nothing at all',
			tree: units([
				['small', null, 1],
				['small-team', 'small', 3]
			]),
			expected: {
				small: { hidden: 'below-k', pooledInto: null },
				'small-team': { hidden: 'below-k', pooledInto: null }
			}
		}
	])('$example', ({ tree, expected }) => {
		expect(view(planDisclosure(tree, 5))).toEqual(expected);
	});

	it('6. health signals use the same rules on headcount: a team of 4 is pooled', () => {
		const headcount = units([
			['nursing', null, 3],
			['ward-a', 'nursing', 14],
			['ward-b', 'nursing', 11],
			['night-ward', 'nursing', 4]
		]);
		expect(view(planDisclosure(headcount, 5))).toMatchObject({
			nursing: { n: 32, pooled: ['night-ward'] },
			'night-ward': { hidden: 'below-k', pooledInto: 'nursing' }
		});
	});
});

describe('planDisclosure', () => {
	it('hides the smallest sub-unit that adds people, not one whose people all sit in shown teams', () => {
		// Region has 2 people of its own. Department "east" holds nobody itself: hiding it would only
		// move its one shown team up, so the plan hides "west" instead.
		const tree = units([
			['region', null, 2],
			['east', 'region', 0],
			['east-team', 'east', 6],
			['west', 'region', 7]
		]);
		expect(view(planDisclosure(tree, 5))).toEqual({
			region: { n: 15, pooled: ['west'] },
			east: { n: 6, pooled: [] },
			'east-team': { n: 6, pooled: [] },
			west: { hidden: 'secondary', pooledInto: 'region' }
		});
	});

	it('hides a unit with no people of its own when every candidate is like that, then one below it', () => {
		const tree = units([
			['division', null, 2],
			['dept-a', 'division', 0],
			['team-a1', 'dept-a', 6],
			['team-a2', 'dept-a', 7],
			['dept-b', 'division', 0],
			['team-b1', 'dept-b', 8],
			['team-b2', 'dept-b', 9]
		]);
		expect(view(planDisclosure(tree, 5))).toEqual({
			division: { n: 32, pooled: ['dept-a', 'team-a1'] },
			'dept-a': { hidden: 'secondary', pooledInto: 'division' },
			'team-a1': { hidden: 'secondary', pooledInto: 'division' },
			'team-a2': { n: 7, pooled: [] },
			'dept-b': { n: 17, pooled: [] },
			'team-b1': { n: 8, pooled: [] },
			'team-b2': { n: 9, pooled: [] }
		});
	});

	it('breaks ties between equal sub-units by id', () => {
		const tree = units([
			['p', null, 1],
			['b', 'p', 6],
			['a', 'p', 6]
		]);
		expect(view(planDisclosure(tree, 5))).toMatchObject({ a: { hidden: 'secondary' }, b: { n: 6 } });
	});

	it('applies the rule down a deep tree: hiding below changes what the parent reveals', () => {
		const tree = units([
			['root', null, 0],
			['mid', 'root', 1],
			['leaf-1', 'mid', 5],
			['leaf-2', 'mid', 6],
			['side', 'root', 5]
		]);
		// mid: 1 person of its own, so leaf-1 goes; then root's remainder is 0 (mid and side shown).
		expect(view(planDisclosure(tree, 5))).toEqual({
			root: { n: 17, pooled: [] },
			mid: { n: 12, pooled: ['leaf-1'] },
			'leaf-1': { hidden: 'secondary', pooledInto: 'mid' },
			'leaf-2': { n: 6, pooled: [] },
			side: { n: 5, pooled: [] }
		});
	});

	it('plans several roots as separate trees, and a unit whose parent is unknown as a root', () => {
		const tree = units([
			['one', null, 6],
			['two', 'missing', 2],
			['two-team', 'two', 2]
		]);
		expect(view(planDisclosure(tree, 5))).toEqual({
			one: { n: 6, pooled: [] },
			two: { hidden: 'below-k', pooledInto: null },
			'two-team': { hidden: 'below-k', pooledInto: null }
		});
	});

	it('keeps units given as hidden hidden, with their reason', () => {
		const plan = planDisclosure(nursing, 5, { hidden: new Map([['ward-a', 'no-data']]) });
		expect(view(plan)).toMatchObject({
			nursing: { n: 28, pooled: ['night-ward', 'ward-a'] },
			'ward-a': { hidden: 'no-data', pooledInto: 'nursing' }
		});
	});

	it.each([
		['k below the floor of 3', nursing, 2, /k must be/],
		['a fractional k', nursing, 4.5, /k must be/],
		['a negative count', units([['a', null, -1]]), 5, /whole number/],
		['a fractional count', units([['a', null, 1.5]]), 5, /whole number/],
		[
			'an id twice',
			units([
				['a', null, 1],
				['a', null, 2]
			]),
			5,
			/twice/
		],
		[
			'a cycle',
			units([
				['root', null, 1],
				['a', 'b', 1],
				['b', 'a', 1]
			]),
			5,
			/cycle/
		]
	])('refuses %s', (_, tree, k, message) => {
		expect(() => planDisclosure(tree, k)).toThrow(message);
	});
});

describe('disclose: the gate between a plan and a figure', () => {
	const plan = planDisclosure(nursing, 5);

	it('gives a shown unit its figure with n', () => {
		expect(disclose(plan, 'ward-a', (n) => ({ mean: 61.5, n }))).toEqual({
			shown: true,
			n: 12,
			value: { mean: 61.5, n: 12 }
		});
	});

	it('gives a hidden unit only its reason: no figure, no n, and nothing is computed', () => {
		const compute = vi.fn(() => 61.5);
		const result = disclose(plan, 'night-ward', compute);
		expect(result).toEqual({ shown: false, reason: 'below-k' });
		expect(Object.keys(result).sort()).toEqual(['reason', 'shown']);
		expect(compute).not.toHaveBeenCalled();
	});

	it.each([
		['a figure that cannot be computed', 'ward-a', () => null],
		['a unit the plan does not know', 'elsewhere', () => 1]
	])('gives no-data for %s', (_, unitId, compute) => {
		expect(disclose(plan, unitId, compute)).toEqual({ shown: false, reason: 'no-data' });
	});

	it('is the only maker of a Disclosed value: a literal of its shape does not type-check', () => {
		// @ts-expect-error a figure that skipped the plan is not a Disclosed value
		const forged: Disclosed<number> = { shown: true, n: 1, value: 99 };
		// @ts-expect-error not even a hidden one
		const hidden: Disclosed<number> = { shown: false, reason: 'below-k' };
		expect([forged.shown, hidden.shown]).toEqual([true, false]);
		expect(suppressed('secondary')).toEqual({ shown: false, reason: 'secondary' });
		expect(discloseWithoutMinimum(2, 0.5)).toEqual({ shown: true, n: 2, value: 0.5 });
	});
});

describe('discloseInEvery: a figure over several plans (a rolling year over its months)', () => {
	const month = (people: number) => planDisclosure([{ id: 'team', parentId: null, ownCount: people }], 5);

	it('shows a unit shown in every plan, with the smallest n', () => {
		expect(discloseInEvery([month(6), month(5)], 'team', (n) => n * 10)).toEqual({
			shown: true,
			n: 5,
			value: 50
		});
	});

	it.each([
		['hidden in one plan', [month(6), month(4)], 'below-k'],
		['a plan is missing', [month(6), undefined], 'no-data'],
		['there are no plans', [], 'no-data']
	] as const)('hides it when %s', (_, plans, reason) => {
		expect(discloseInEvery(plans, 'team', () => 1)).toEqual({ shown: false, reason });
	});
});

describe('discloseEach: one figure per plan for one unit (a heatmap row)', () => {
	const team = (people: number) => planDisclosure([{ id: 'team', parentId: null, ownCount: people }], 5);
	const plans = [team(6), team(4), team(7), team(8)];
	const scores = [60, 70, null, 80];
	const compute = (context: readonly (number | null)[], i: number, n: number) =>
		context[i] === null ? null : { score: context[i]!, n };

	it.each([
		['the unit', 'team'],
		['a unit the plans do not know', 'elsewhere']
	])('gives what disclose gives through each plan, for %s', (_, unitId) => {
		expect(discloseEach(plans, unitId, scores, compute)).toEqual(
			plans.map((plan, i) => disclose(plan, unitId, (n) => compute(scores, i, n)))
		);
	});

	it.each([
		[0, { shown: true, n: 6, value: { score: 60, n: 6 } }],
		[1, { shown: false, reason: 'below-k' }],
		[2, { shown: false, reason: 'no-data' }],
		[3, { shown: true, n: 8, value: { score: 80, n: 8 } }]
	])('figure %i', (i, figure) => {
		expect(discloseEach(plans, 'team', scores, compute)[i]).toEqual(figure);
	});

	it('computes nothing for a hidden unit', () => {
		const spy = vi.fn(() => 1);
		discloseEach([team(4), team(3)], 'team', null, spy);
		expect(spy).not.toHaveBeenCalled();
	});
});

describe('sensitive dimensions: the worked example of docs/anonymity.md (k = 5, sensitive 10)', () => {
	it('7. unwanted behaviour shows ward A and the department; ward B is sensitive', () => {
		const ordinary = planDisclosure(nursing, 5);
		expect(view(planSensitiveDisclosure(nursing, ordinary, 10))).toEqual({
			nursing: { n: 28, pooled: ['night-ward', 'ward-b'] },
			'ward-a': { n: 12, pooled: [] },
			'ward-b': { hidden: 'sensitive', pooledInto: 'nursing' },
			'night-ward': { hidden: 'below-k', pooledInto: 'nursing' }
		});
	});

	it('labels secondary suppression at the sensitive minimum as sensitive too', () => {
		const tree = units([
			['unit', null, 0],
			['x', 'unit', 4],
			['y', 'unit', 11],
			['z', 'unit', 12]
		]);
		const plan = planSensitiveDisclosure(tree, planDisclosure(tree, 3), 10);
		// x (4) is below 10; the remainder 4 makes y (11) go as well.
		expect(view(plan)).toMatchObject({
			x: { hidden: 'sensitive' },
			y: { hidden: 'sensitive' },
			z: { n: 12 }
		});
	});

	it('gives each dimension its plan, computing a shared one once', () => {
		const counts = vi.fn(() => nursing);
		const plans = planDimensions(['exhaustion', 'engagement', 'unwantedBehaviour'], counts, {
			k: 5,
			sensitiveK: 10,
			sensitive: new Set(['unwantedBehaviour'])
		});
		expect(plans.get('exhaustion')).toBe(plans.get('engagement'));
		expect(plans.get('exhaustion')!.units.get('ward-b')!.shown).toBe(true);
		expect(plans.get('unwantedBehaviour')!.units.get('ward-b')).toMatchObject({
			shown: false,
			reason: 'sensitive'
		});
		expect(plans.get('unwantedBehaviour')!.k).toBe(10);
	});

	it('plans a dimension with its own counts when they differ', () => {
		const fewer = nursing.map((u) => (u.id === 'ward-a' ? { ...u, ownCount: 4 } : u));
		const plans = planDimensions(['exhaustion', 'coping'], (d) => (d === 'coping' ? fewer : nursing), {
			k: 5,
			sensitiveK: 10,
			sensitive: new Set()
		});
		expect(plans.get('exhaustion')!.units.get('ward-a')!.shown).toBe(true);
		expect(plans.get('coping')!.units.get('ward-a')).toMatchObject({ shown: false, reason: 'below-k' });
	});
});

describe('planDisclosure speed', () => {
	it('plans 2,500 units in well under the 5 ms budget per request', () => {
		// Ten regions, a hundred departments, teams of 1 to 40 respondents: the large organisation.
		let seed = 7;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		const tree: CountedUnit[] = [{ id: 'org', parentId: null, ownCount: 0 }];
		for (let r = 0; r < 10; r++) tree.push({ id: `r${r}`, parentId: 'org', ownCount: 0 });
		for (let d = 0; d < 100; d++) tree.push({ id: `d${d}`, parentId: `r${d % 10}`, ownCount: 1 });
		for (let t = 0; tree.length < 2500; t++)
			tree.push({ id: `t${t}`, parentId: `d${t % 100}`, ownCount: 1 + Math.floor(random() * 40) });
		for (let i = 0; i < 20; i++) planDisclosure(tree, 5);
		const times = Array.from({ length: 31 }, () => {
			const start = performance.now();
			planDisclosure(tree, 5);
			return performance.now() - start;
		}).sort((a, b) => a - b);
		// The budget is 5 ms; the margin keeps a busy test machine from failing the run.
		expect(times[15]).toBeLessThan(25);
	});
});
