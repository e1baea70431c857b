import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { releaseProblem, type ReleaseNode } from '../releases';
import { planSignalMonth, releasedMonthPlan } from './month-plans';

// Nursing (3 own) with wards A (12), B (9) and a night ward (4); IT with helpdesk (6) and dev (7).
const TREE: ReleaseNode[] = [
	{ id: 'org', parentId: null },
	{ id: 'nursing', parentId: 'org' },
	{ id: 'a', parentId: 'nursing' },
	{ id: 'b', parentId: 'nursing' },
	{ id: 'night', parentId: 'nursing' },
	{ id: 'it', parentId: 'org' },
	{ id: 'help', parentId: 'it' },
	{ id: 'dev', parentId: 'it' }
];
const PEOPLE = { nursing: 3, a: 12, b: 9, night: 4, help: 6, dev: 7 };

const shownOf = (plan: ReturnType<typeof releasedMonthPlan>) =>
	[...plan.units.values()]
		.filter((u) => u.shown)
		.map((u) => u.id)
		.sort();

describe('planSignalMonth', () => {
	it('releases the plan of now: k, the tree, each unit’s own people and the units shown', () => {
		const { release, plan } = planSignalMonth(TREE, PEOPLE, 5);
		expect({ ...release, shown: [...release.shown].sort() }).toEqual({
			k: 5,
			tree: TREE,
			own: PEOPLE,
			shown: ['a', 'b', 'dev', 'help', 'it', 'nursing', 'org']
		});
		expect(plan.units.get('night')).toMatchObject({ shown: false, reason: 'below-k', pooledInto: 'nursing' });
		expect(releaseProblem(release)).toBeNull();
	});
});

describe('releasedMonthPlan', () => {
	const { release } = planSignalMonth(TREE, PEOPLE, 5);

	it('shows what was released, with the people of now as n', () => {
		const plan = releasedMonthPlan(release, { ...PEOPLE, a: 13 });
		expect(shownOf(plan)).toEqual([...release.shown].sort());
		expect(plan.units.get('nursing')).toMatchObject({ shown: true, subtreeCount: 29, pooled: ['night'] });
		expect(plan.units.get('night')).toMatchObject({ shown: false, reason: 'below-k', pooledInto: 'nursing' });
	});

	it('keeps the plan when k changes: the release has its own k', () => {
		// Planned today with k = 7, helpdesk (6) would be hidden; the released month keeps it.
		expect(planSignalMonth(TREE, PEOPLE, 7).plan.units.get('help')).toMatchObject({ shown: false });
		expect(releasedMonthPlan(release, PEOPLE).units.get('help')).toMatchObject({ shown: true });
		expect(releasedMonthPlan(release, PEOPLE).k).toBe(5);
	});

	it('hides the whole month when a change would show a group of fewer than k', () => {
		// A correction moves 8 of ward B's people out of the data: B shown with 1 person.
		const plan = releasedMonthPlan(release, { ...PEOPLE, b: 1 });
		expect(shownOf(plan)).toEqual([]);
		expect([...plan.units.values()].every((u) => !u.shown && u.reason === 'changed')).toBe(true);
	});

	it('hides the month when a unit of no own people gains one person left over', () => {
		// IT had nobody of its own: one leaver booked on IT itself would be IT minus its teams.
		expect(shownOf(releasedMonthPlan(release, { ...PEOPLE, it: 1 }))).toEqual([]);
	});

	it('counts nowhere a unit that is not in the released tree', () => {
		const plan = releasedMonthPlan(release, { ...PEOPLE, newTeam: 2 });
		expect(plan.units.has('newTeam')).toBe(false);
		expect(plan.units.get('org')).toMatchObject({ shown: true, subtreeCount: 41 });
	});
});

/** A random tree under 'org' (each unit's parent comes before it) with random people. */
const trees = fc
	.integer({ min: 1, max: 14 })
	.chain((n) =>
		fc.tuple(
			fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: 0, max: i }))),
			fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n + 1, maxLength: n + 1 }),
			fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n + 1, maxLength: n + 1 }),
			fc.integer({ min: 3, max: 7 })
		)
	);

describe('released month plans, generated', () => {
	it('show the released set or nothing, and what they show passes the release check on the people of now', () => {
		fc.assert(
			fc.property(trees, ([parents, first, later, k]) => {
				const ids = ['org', ...parents.map((_, i) => `u${i + 1}`)];
				const tree: ReleaseNode[] = ids.map((id, i) => ({
					id,
					parentId: i === 0 ? null : ids[parents[i - 1]!]!
				}));
				const own = (values: number[]) => Object.fromEntries(ids.map((id, i) => [id, values[i]!]));
				const { release, detail, plan: now } = planSignalMonth(tree, own(first), k);
				expect(releaseProblem(release)).toBeNull();
				// Unchanged, the released plan is the plan of its first showing; the reasons kept with
				// it give the same plan as planning the release again.
				expect(releasedMonthPlan({ ...release, detail }, own(first))).toEqual(
					releasedMonthPlan(release, own(first))
				);
				for (const [id, unit] of now.units)
					expect(releasedMonthPlan({ ...release, detail }, own(first)).units.get(id)).toEqual(unit);
				const plan = releasedMonthPlan({ ...release, detail }, own(later));
				const shown = shownOf(plan);
				if (shown.length > 0) {
					expect(shown).toEqual([...release.shown].sort());
					expect(releaseProblem({ ...release, own: own(later) })).toBeNull();
				} else
					expect(release.shown.length === 0 || releaseProblem({ ...release, own: own(later) }) !== null).toBe(
						true
					);
			}),
			{ numRuns: 500 }
		);
	});
});
