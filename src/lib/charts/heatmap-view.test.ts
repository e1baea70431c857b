import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { treeShape } from '../../../tests/helpers/random-trees';
import {
	compareBy,
	defaultOpenLevels,
	forestOf,
	parseView,
	showsOrganisationRow,
	sortedBy,
	toggled,
	treeSlice,
	viewQuery,
	visibleRows,
	type HeatmapView,
	type OpenState
} from './heatmap-view';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const options = { dimensionIds: ['stress', 'workload'], hasPrevious: true };
const DEFAULT: HeatmapView = {
	sort: 'tree',
	dir: 'asc',
	colouring: 'bands',
	groups: ['barometer', 'work-factor'],
	open: [],
	shut: []
};

describe('parseView', () => {
	it.each<[string, Partial<HeatmapView>]>([
		['', {}],
		['sort=stress', { sort: 'stress', dir: 'desc' }],
		['sort=stress&dir=asc', { sort: 'stress', dir: 'asc' }],
		['sort=respondents', { sort: 'respondents', dir: 'desc' }],
		['sort=tree&dir=desc', { dir: 'desc' }],
		['sort=unknown&dir=sideways', {}],
		['colour=organisation', { colouring: 'organisation' }],
		['colour=change', { colouring: 'change' }],
		['colour=rainbow', {}],
		['groups=&groups=work-factor', { groups: ['work-factor'] }],
		['groups=', { groups: [] }],
		['groups=&groups=barometer&groups=nonsense', { groups: ['barometer'] }],
		[`open=${A},${B}&shut=${B}`, { open: [A, B], shut: [B] }],
		[`open=${A},${A}`, { open: [A] }],
		['open=1,2;drop', {}]
	])('?%s', (query, expected) => {
		expect(parseView(new URLSearchParams(query), options)).toEqual({ ...DEFAULT, ...expected });
	});
	it('falls back to bands for change when there is no previous wave', () => {
		expect(
			parseView(new URLSearchParams('colour=change'), { ...options, hasPrevious: false }).colouring
		).toBe('bands');
	});
	it.each([
		'sort=stress',
		'sort=workload&dir=asc&colour=change',
		`groups=&groups=barometer&open=${A}`,
		`colour=organisation&shut=${A},${B}`
	])('writes back what it read: ?%s', (query) => {
		const view = parseView(new URLSearchParams(query), options);
		expect(parseView(new URLSearchParams(viewQuery(view, null).slice(1)), options)).toEqual(view);
	});
	it('keeps the wave and only what differs from the defaults', () => {
		expect(viewQuery(DEFAULT, null)).toBe('?');
		expect(viewQuery(DEFAULT, 'w1')).toBe('?wave=w1');
		expect(viewQuery({ ...DEFAULT, sort: 'stress', dir: 'desc' }, 'w1')).toBe('?wave=w1&sort=stress');
	});
});

describe('sortedBy', () => {
	it.each<[Partial<HeatmapView>, string, Partial<HeatmapView>]>([
		[{}, 'stress', { sort: 'stress', dir: 'desc' }],
		[{ sort: 'stress', dir: 'desc' }, 'stress', { sort: 'stress', dir: 'asc' }],
		[{ sort: 'stress', dir: 'asc' }, 'workload', { sort: 'workload', dir: 'desc' }],
		[{ sort: 'stress', dir: 'desc' }, 'tree', { sort: 'tree', dir: 'asc' }],
		[{}, 'tree', { sort: 'tree', dir: 'desc' }]
	])('from %o, a click on %s gives %o', (from, column, to) => {
		expect(sortedBy({ ...DEFAULT, ...from }, column)).toEqual({ ...DEFAULT, ...to });
	});
});

/** org > (north > (n1, n2), south > (s1)), as flattenTree lists it. */
const TREE = [
	{ unitId: 'org', depth: 0, v: 5 },
	{ unitId: 'north', depth: 1, v: 1 },
	{ unitId: 'n1', depth: 2, v: 9 },
	{ unitId: 'n2', depth: 2, v: null },
	{ unitId: 'south', depth: 1, v: 7 },
	{ unitId: 's1', depth: 2, v: 3 }
];
type R = (typeof TREE)[number];
const ids = (rows: Array<{ row: R }>) => rows.map((r) => r.row.unitId);
const allOpen: OpenState = { levels: 9, top: 0, open: [], shut: [] };

describe('forestOf', () => {
	it('rebuilds the tree from depth-first rows', () => {
		const forest = forestOf(TREE);
		expect(forest.map((n) => n.row.unitId)).toEqual(['org']);
		expect(forest[0]!.children.map((n) => n.row.unitId)).toEqual(['north', 'south']);
		expect(forest[0]!.children[0]!.children.map((n) => n.row.unitId)).toEqual(['n1', 'n2']);
	});
	it('takes a manager subtree that starts below the top, with several roots', () => {
		const forest = forestOf(TREE.filter((r) => r.depth === 2));
		expect(forest.map((n) => n.row.unitId)).toEqual(['n1', 'n2', 's1']);
	});
});

describe('visibleRows', () => {
	it.each<[string, ((a: R, b: R) => number) | null, string[]]>([
		['tree order', null, ['org', 'north', 'n1', 'n2', 'south', 's1']],
		[
			'by a figure, high first, siblings only, no figure last',
			compareBy((r: R) => r.v, 'desc'),
			['org', 'south', 's1', 'north', 'n1', 'n2']
		],
		[
			'by a figure, low first, no figure still last',
			compareBy((r: R) => r.v, 'asc'),
			['org', 'north', 'n1', 'n2', 'south', 's1']
		]
	])('%s', (_, compare, order) => {
		expect(ids(visibleRows(TREE, allOpen, compare))).toEqual(order);
	});
	it('hides the sub-units of a closed unit and says which units have some', () => {
		const rows = visibleRows(TREE, { levels: 9, top: 0, open: [], shut: ['north'] }, null);
		expect(ids(rows)).toEqual(['org', 'north', 'south', 's1']);
		expect(rows.map((r) => [r.hasChildren, r.expanded])).toEqual([
			[true, true],
			[true, false],
			[true, true],
			[false, false]
		]);
	});
	it('opens by default only the first levels, and a unit the user opened', () => {
		expect(ids(visibleRows(TREE, { levels: 1, top: 0, open: [], shut: [] }, null))).toEqual([
			'org',
			'north',
			'south'
		]);
		expect(ids(visibleRows(TREE, { levels: 1, top: 0, open: ['south'], shut: [] }, null))).toEqual([
			'org',
			'north',
			'south',
			's1'
		]);
	});
});

describe('toggled', () => {
	const state = (view: HeatmapView): OpenState => ({ levels: 1, top: 0, open: view.open, shut: view.shut });
	it.each<[string, Partial<HeatmapView>, Partial<HeatmapView>]>([
		['north', {}, { open: ['north'] }],
		['north', { open: ['north'] }, {}],
		['org', {}, { shut: ['org'] }],
		['org', { shut: ['org'] }, {}]
	])('%s from %o gives %o: the URL names only what differs from the default', (id, from, to) => {
		const view = { ...DEFAULT, ...from };
		const row = TREE.find((r) => r.unitId === id)!;
		expect(toggled(view, state(view), row)).toEqual({ ...DEFAULT, ...to });
	});
});

describe('defaultOpenLevels', () => {
	const large = [
		{ unitId: 'root', depth: 0 },
		...Array.from({ length: 10 }, (_, i) => ({ unitId: `r${i}`, depth: 1 })),
		...Array.from({ length: 100 }, (_, i) => ({ unitId: `d${i}`, depth: 2 })),
		...Array.from({ length: 2389 }, (_, i) => ({ unitId: `t${i}`, depth: 3 }))
	];
	it.each<[string, Array<{ unitId: string; depth: number }>, number, number]>([
		['a small tree opens fully', TREE, 150, 2],
		['the bench organisation (2,500 units) opens down to its departments', large, 150, 2],
		['a tight budget still opens the first level', large, 5, 1],
		["a manager's subtree counts from its own top", TREE.filter((r) => r.depth >= 1), 150, 1],
		['nothing', [], 150, 0]
	])('%s', (_, rows, budget, levels) => {
		expect(defaultOpenLevels(rows, budget)).toBe(levels);
	});
	it('shows at most the budget of rows of the large organisation', () => {
		const rows = visibleRows(large, { levels: defaultOpenLevels(large), top: 0, open: [], shut: [] }, null);
		expect(rows.length).toBe(111);
	});
});

describe('treeSlice', () => {
	const shownOf = (rows: ReturnType<typeof visibleRows>) =>
		rows.map((r) => `${r.row.unitId}${r.hasChildren ? (r.expanded ? '-' : '+') : ''}`);

	it.each<[string, string[], string[], string[], string[]]>([
		['all open', [], [], ['org', 'north', 'n1', 'n2', 'south', 's1'], ['org', 'north', 'south']],
		['north closed', [], ['north'], ['org', 'north', 'south', 's1'], ['org', 'north', 'south']],
		['the top closed', [], ['org'], ['org'], ['org']]
	])(
		'%s: sends the rows shown, in tree order, and which of them have sub-units',
		(_, open, shut, rows, parents) => {
			const slice = treeSlice(TREE, open, shut);
			expect(slice.rows.map((r) => r.unitId)).toEqual(rows);
			expect(slice.parents).toEqual(parents);
			expect([slice.levels, slice.top]).toEqual([2, 0]);
		}
	);

	it('sends the large organisation its 111 default rows, and a unit opened adds only its own', () => {
		const large = [
			{ unitId: 'root', depth: 0 },
			...Array.from({ length: 10 }, (_, i) => [
				{ unitId: `r${i}`, depth: 1 },
				...Array.from({ length: 10 }, (_, j) => [
					{ unitId: `d${i}-${j}`, depth: 2 },
					...Array.from({ length: 24 }, (_, k) => ({ unitId: `t${i}-${j}-${k}`, depth: 3 }))
				]).flat()
			]).flat()
		];
		expect(treeSlice(large, [], []).rows.length).toBe(111);
		expect(treeSlice(large, ['d3-4'], []).rows.length).toBe(135);
		expect(treeSlice(large, ['d3-4'], ['r3']).rows.length).toBe(101);
	});

	/** Random forests in tree order (each unit after its parent, depth one more), with a figure each. */
	const forests = fc
		.tuple(
			treeShape(40),
			fc.array(fc.option(fc.integer({ min: 0, max: 9 })), { minLength: 40, maxLength: 40 })
		)
		.map(([parents, figures]) => {
			const children = parents.map(() => [] as number[]);
			parents.forEach((p, i) => p >= 0 && children[p]!.push(i));
			const rows: Array<{ unitId: string; depth: number; v: number | null }> = [];
			const walk = (i: number, depth: number) => {
				rows.push({
					unitId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
					depth,
					v: figures[i]!
				});
				for (const c of children[i]!) walk(c, depth + 1);
			};
			parents.forEach((p, i) => p < 0 && walk(i, 0));
			return rows;
		});

	it('shows from the slice exactly what the whole tree shows, for any open state, sort and budget', () => {
		fc.assert(
			fc.property(
				forests,
				fc.array(fc.nat(60)),
				fc.array(fc.nat(60)),
				fc.constantFrom(null, 'asc' as const, 'desc' as const),
				fc.integer({ min: 1, max: 40 }),
				fc.integer({ min: 0, max: 3 }),
				(rows, opened, shut, dir, budget, from) => {
					// A manager's subtree can start below the top: drop the first levels now and then.
					const view = rows.filter((r) => r.depth >= from);
					const pick = (at: number[]) => [
						...new Set(at.filter((i) => i < view.length).map((i) => view[i]!.unitId))
					];
					const [open, closed] = [pick(opened), pick(shut)];
					const compare = dir ? compareBy((r: (typeof view)[number]) => r.v, dir) : null;
					const slice = treeSlice(view, open, closed, budget);
					const state = { levels: defaultOpenLevels(view, budget), top: slice.top, open, shut: closed };
					expect(slice.levels).toBe(state.levels);
					const whole = visibleRows(view, state, compare);
					const sent = visibleRows(slice.rows, state, compare, new Set(slice.parents));
					expect(shownOf(sent)).toEqual(shownOf(whole));
					expect(slice.rows.length).toBe(whole.length);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('showsOrganisationRow', () => {
	it.each([
		[[{ unitId: 'a', depth: 0 }], false],
		[
			[
				{ unitId: 'a', depth: 0 },
				{ unitId: 'b', depth: 0 }
			],
			true
		],
		[[{ unitId: 'a', depth: 2 }], true]
	])('%o: %s', (rows, expected) => {
		expect(showsOrganisationRow(rows)).toBe(expected);
	});
});
