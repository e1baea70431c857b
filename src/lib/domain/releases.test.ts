import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDisclosure } from './anonymity';
import { releaseProblem, type ReleasePlan } from './releases';

const tree = [
	{ id: 'org', parentId: null },
	{ id: 'a', parentId: 'org' },
	{ id: 'b', parentId: 'org' },
	{ id: 'a1', parentId: 'a' }
];

describe('releaseProblem', () => {
	it.each<[string, Partial<ReleasePlan>, ReturnType<typeof releaseProblem>]>([
		[
			'all shown, nobody left over',
			{ own: { org: 0, a: 0, b: 6, a1: 7 }, shown: ['org', 'a', 'b', 'a1'] },
			null
		],
		[
			'a shown unit below k',
			{ own: { org: 0, a: 0, b: 6, a1: 4 }, shown: ['a1'] },
			{ kind: 'below-k', unitId: 'a1' }
		],
		[
			'parent minus shown children leaves 2',
			{ own: { org: 2, a: 0, b: 6, a1: 7 }, shown: ['org', 'a', 'b'] },
			{ kind: 'remainder', unitId: 'org' }
		],
		[
			'hidden small unit pooled with enough',
			{ own: { org: 3, a: 2, b: 6, a1: 7 }, shown: ['org', 'b', 'a1'] },
			null
		],
		['unknown unit', { own: { org: 9 }, shown: ['x'] }, { kind: 'unknown-unit', unitId: 'x' }]
	])('%s', (_name, plan, expected) => {
		expect(releaseProblem({ k: 5, tree, own: {}, shown: [], ...plan })).toEqual(expected);
	});

	it('accepts every plan the planner makes, on random trees', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(30), fc.nat(8)), { minLength: 1, maxLength: 40 }),
				fc.integer({ min: 3, max: 8 }),
				(spec, k) => {
					const units = spec.map(([own, parent], i) => ({
						id: `u${i}`,
						parentId: i === 0 ? null : `u${parent % i}`,
						ownCount: own
					}));
					const plan = planDisclosure(units, k);
					const shown = [...plan.units.values()].filter((u) => u.shown).map((u) => u.id);
					const own = Object.fromEntries(units.map((u) => [u.id, u.ownCount]));
					expect(releaseProblem({ k, tree: units, own, shown })).toBeNull();
				}
			)
		);
	});

	it('finds the leak when one hidden unit is shown anyway', () => {
		// Example 2 of docs/anonymity.md: showing Receiving gives Dispatch by subtraction.
		const units = [
			{ id: 'logistics', parentId: null },
			{ id: 'dispatch', parentId: 'logistics' },
			{ id: 'receiving', parentId: 'logistics' },
			{ id: 'warehouse', parentId: 'logistics' }
		];
		const own = { logistics: 0, dispatch: 3, receiving: 6, warehouse: 8 };
		expect(releaseProblem({ k: 5, tree: units, own, shown: ['logistics', 'warehouse'] })).toBeNull();
		expect(
			releaseProblem({ k: 5, tree: units, own, shown: ['logistics', 'warehouse', 'receiving'] })
		).toEqual({
			kind: 'remainder',
			unitId: 'logistics'
		});
	});
});
