import { describe, expect, it } from 'vitest';
import { disclose, planDisclosure, type DisclosurePlan } from '../../src/lib/domain/anonymity';
import {
	compareWaves,
	planFilterCells,
	planFilteredDisclosure,
	type CellDisclosure,
	type FilteredUnit
} from './anonymity-filters';

/**
 * The worked examples of docs/anonymity.md for the rules of anonymity-filters.ts: filters on one
 * shown group and on the unit tree, and two waves side by side.
 */

/** A plan as the worked examples in docs/anonymity.md tabulate it. */
function view(plan: DisclosurePlan) {
	return Object.fromEntries(
		[...plan.units.values()].map((u) => [
			u.id,
			u.shown ? { n: u.subtreeCount, pooled: u.pooled } : { hidden: u.reason, pooledInto: u.pooledInto }
		])
	);
}

describe('planFilterCells: the worked examples of docs/anonymity.md (k = 5)', () => {
	type Case = { example: string; group: number; cells: number[]; expected: CellDisclosure[] };
	it.each`
		example                                                                          | group | cells         | expected
		${'8. a team of 23 by age band: the small band takes the next smallest with it'} | ${23} | ${[4, 12, 7]} | ${[{ shown: false, reason: 'below-k' }, { shown: true, n: 12 }, { shown: false, reason: 'remainder' }]}
		${'9. people who gave no age band count in the remainder'}                       | ${20} | ${[8, 9, 0]}  | ${[{ shown: false, reason: 'remainder' }, { shown: true, n: 9 }, { shown: false, reason: 'below-k' }]}
		${'every band big enough and everyone with a band: all shown'}                   | ${17} | ${[5, 12]}    | ${[{ shown: true, n: 5 }, { shown: true, n: 12 }]}
		${'a group below k shows no cell'}                                               | ${4}  | ${[4]}        | ${[{ shown: false, reason: 'below-k' }]}
	`('$example', ({ group, cells, expected }: Case) => {
		expect(planFilterCells(group, cells, 5)).toEqual(expected);
	});

	it('refuses cells that hold more people than the group', () => {
		expect(() => planFilterCells(5, [3, 3], 5)).toThrow(/more people/);
	});
});

describe('planFilteredDisclosure: filters on the unit tree', () => {
	// docs/anonymity.md, example 10: a department whose own staff has 2 people under 30 and a team of
	// six trainees, all under 30. Values: [under 30, 30 and over].
	const training: FilteredUnit[] = [
		{ id: 'training', parentId: null, ownCount: 7, ownCells: [2, 5] },
		{ id: 'trainees', parentId: 'training', ownCount: 6, ownCells: [6, 0] }
	];

	it('10. shows no age band of the department: "under 30" minus the trainees would be 2 people', () => {
		const plan = planFilteredDisclosure(training, 5);
		expect(view(plan.base)).toEqual({
			training: { n: 13, pooled: [] },
			trainees: { n: 6, pooled: [] }
		});
		expect(plan.cells.get('training')).toEqual([
			{ shown: false, reason: 'secondary' },
			{ shown: false, reason: 'remainder' }
		]);
		expect(plan.cells.get('trainees')).toEqual([
			{ shown: true, n: 6 },
			{ shown: false, reason: 'below-k' }
		]);
	});

	it('11. shows a band on a unit only when every shown unit below it shows that band too', () => {
		// Values: [under 30, 30 to 49, 50 and over]. Team south has 3 people aged 50 and over (and 2
		// who gave no band), so that band shows on neither south nor the site.
		const site: FilteredUnit[] = [
			{ id: 'site', parentId: null, ownCount: 0, ownCells: [0, 0, 0] },
			{ id: 'north', parentId: 'site', ownCount: 18, ownCells: [5, 7, 6] },
			{ id: 'south', parentId: 'site', ownCount: 16, ownCells: [5, 6, 3] }
		];
		const plan = planFilteredDisclosure(site, 5);
		expect(plan.cells.get('north')).toEqual([
			{ shown: true, n: 5 },
			{ shown: true, n: 7 },
			{ shown: true, n: 6 }
		]);
		expect(plan.cells.get('south')).toEqual([
			{ shown: true, n: 5 },
			{ shown: true, n: 6 },
			{ shown: false, reason: 'below-k' }
		]);
		// "site, 50 and over" (9) minus "north, 50 and over" (6) would be south's 3.
		expect(plan.cells.get('site')).toEqual([
			{ shown: true, n: 10 },
			{ shown: true, n: 13 },
			{ shown: false, reason: 'secondary' }
		]);
	});

	it('pools a small unit’s people into its shown ancestor’s filtered figures', () => {
		const tree: FilteredUnit[] = [
			{ id: 'dept', parentId: null, ownCount: 6, ownCells: [2, 4] },
			{ id: 'tiny', parentId: 'dept', ownCount: 4, ownCells: [3, 1] },
			{ id: 'team', parentId: 'dept', ownCount: 10, ownCells: [5, 5] }
		];
		const plan = planFilteredDisclosure(tree, 5);
		expect(plan.base.units.get('tiny')).toMatchObject({ shown: false, pooledInto: 'dept' });
		// dept's part is its own 6 and tiny's 4: 5 and 5 people, both enough.
		expect(plan.cells.get('dept')).toEqual([
			{ shown: true, n: 10 },
			{ shown: true, n: 10 }
		]);
		expect(plan.cells.get('tiny')).toEqual([
			{ shown: false, reason: 'below-k' },
			{ shown: false, reason: 'below-k' }
		]);
	});

	it('hides the rest of a part when the people left over would be too few', () => {
		const tree: FilteredUnit[] = [
			{ id: 'dept', parentId: null, ownCount: 8, ownCells: [5, 3] },
			{ id: 'team', parentId: 'dept', ownCount: 10, ownCells: [5, 5] }
		];
		// dept's own 8: 5 and 3. The 3 are hidden, and showing the 5 would reveal them as 8 − 5.
		expect(planFilteredDisclosure(tree, 5).cells.get('dept')).toEqual([
			{ shown: false, reason: 'remainder' },
			{ shown: false, reason: 'secondary' }
		]);
	});

	it('refuses units whose cells do not fit', () => {
		expect(() =>
			planFilteredDisclosure([{ id: 'a', parentId: null, ownCount: 3, ownCells: [2, 2] }], 5)
		).toThrow(/more people/);
		expect(() =>
			planFilteredDisclosure(
				[
					{ id: 'a', parentId: null, ownCount: 3, ownCells: [2] },
					{ id: 'b', parentId: 'a', ownCount: 3, ownCells: [1, 1] }
				],
				5
			)
		).toThrow(/every value/);
	});
});

describe('compareWaves: the worked example of docs/anonymity.md', () => {
	// Figures come only out of the gate: each wave's Warehouse through its own plan.
	const warehouse = (n: number, value: number) =>
		disclose(planDisclosure([{ id: 'warehouse', parentId: null, ownCount: n }], 5), 'warehouse', () => value);
	const spring = { status: 'closed', figure: warehouse(8, 62) } as const;
	const autumn = { status: 'closed', figure: warehouse(9, 58) } as const;

	it('12. shows two closed waves side by side, each with its own n', () => {
		expect(compareWaves(spring, autumn)).toEqual({
			shown: true,
			earlier: { n: 8, value: 62 },
			later: { n: 9, value: 58 }
		});
	});

	it.each([
		['the later wave is still open', spring, { ...autumn, status: 'open' } as const, 'no-data'],
		[
			'the earlier wave was below k',
			{ status: 'closed', figure: warehouse(4, 70) } as const,
			autumn,
			'below-k'
		]
	])('shows no comparison when %s', (_, earlier, later, reason) => {
		expect(compareWaves(earlier, later)).toEqual({ shown: false, reason });
	});
});
