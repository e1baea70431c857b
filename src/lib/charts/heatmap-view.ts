import { COLOURINGS, type Colouring } from './heatmap-scale';

/**
 * The state of the results heatmap as it lives in the URL, so a link shows the same view and a
 * reload keeps it (docs/architecture.md, "The results heatmap"). Parsing never fails: an unknown
 * or malformed value falls back to the default, so a shared link of an older wave still opens.
 *
 * | parameter | values                                        | default                   |
 * | --------- | --------------------------------------------- | ------------------------- |
 * | `sort`    | `tree`, `respondents` or a dimension id       | `tree`                    |
 * | `dir`     | `asc`, `desc`                                 | `desc` (`asc` for `tree`) |
 * | `colour`  | `bands`, `organisation`, `change`             | `bands`                   |
 * | `groups`  | repeated: `barometer`, `work-factor` (shown)  | all groups                |
 * | `open`    | unit ids, comma-separated, opened by the user | none                      |
 * | `shut`    | unit ids, comma-separated, closed by the user | none                      |
 *
 * `wave`, `open` and `shut` are read by the page's load function (`open` and `shut` through
 * parseOpen): opening or closing a unit fetches the rows it shows (treeSlice); any other change of
 * the view fetches nothing.
 */
export const DIMENSION_GROUPS = ['barometer', 'work-factor'] as const;
export type DimensionGroup = (typeof DIMENSION_GROUPS)[number];
export type SortDirection = 'asc' | 'desc';

export interface HeatmapView {
	/** 'tree', 'respondents' or a dimension id. */
	sort: string;
	dir: SortDirection;
	colouring: Colouring;
	groups: DimensionGroup[];
	open: string[];
	shut: string[];
}

export interface ViewOptions {
	dimensionIds: readonly string[];
	/** A previous wave to compare with: without one, 'change' falls back to 'bands'. */
	hasPrevious: boolean;
}

const ID_LIST = /^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/;

function ids(value: string | null): string[] {
	return value && ID_LIST.test(value) ? [...new Set(value.split(','))] : [];
}

export function defaultDirection(sort: string): SortDirection {
	return sort === 'tree' ? 'asc' : 'desc';
}

export function parseView(params: URLSearchParams, options: ViewOptions): HeatmapView {
	const sortParam = params.get('sort');
	const sort =
		sortParam === 'respondents' || (sortParam !== null && options.dimensionIds.includes(sortParam))
			? sortParam
			: 'tree';
	const dirParam = params.get('dir');
	const dir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaultDirection(sort);
	const colourParam = params.get('colour');
	let colouring: Colouring = (COLOURINGS as readonly string[]).includes(colourParam ?? '')
		? (colourParam as Colouring)
		: 'bands';
	if (colouring === 'change' && !options.hasPrevious) colouring = 'bands';
	// The form sends `groups` once empty besides the ticked ones, so "none ticked" is not "absent".
	const groups = params.has('groups')
		? DIMENSION_GROUPS.filter((g) => params.getAll('groups').includes(g))
		: [...DIMENSION_GROUPS];
	return { sort, dir, colouring, groups, ...parseOpen(params) };
}

/**
 * The units the user opened and closed: all of the view the page's load function reads, as it
 * sends only the rows they show (treeSlice).
 */
export function parseOpen(params: URLSearchParams): Pick<HeatmapView, 'open' | 'shut'> {
	return { open: ids(params.get('open')), shut: ids(params.get('shut')) };
}

/**
 * The query of a view, with only what differs from the defaults (and `wave` as given), so links
 * stay short and two ways to the same view give the same URL.
 */
export function viewQuery(view: HeatmapView, wave: string | null): string {
	const query = new URLSearchParams();
	if (wave) query.set('wave', wave);
	if (view.sort !== 'tree') query.set('sort', view.sort);
	if (view.dir !== defaultDirection(view.sort)) query.set('dir', view.dir);
	if (view.colouring !== 'bands') query.set('colour', view.colouring);
	if (view.groups.length !== DIMENSION_GROUPS.length) {
		query.append('groups', '');
		for (const g of view.groups) query.append('groups', g);
	}
	if (view.open.length) query.set('open', view.open.join(','));
	if (view.shut.length) query.set('shut', view.shut.join(','));
	const text = query.toString();
	return text ? `?${text}` : '?';
}

/** The view after a click on a column header: a new column sorts in its default direction, the same one flips. */
export function sortedBy(view: HeatmapView, sort: string): HeatmapView {
	if (view.sort === sort) return { ...view, dir: view.dir === 'asc' ? 'desc' : 'asc' };
	return { ...view, sort, dir: defaultDirection(sort) };
}

// ---- The unit tree: which units are open, which rows show, in which order -------------------------

/** What the tree needs of a row. */
export interface TreeRow {
	unitId: string;
	depth: number;
}

/** The most rows the heatmap shows before the user opens a unit. */
export const DEFAULT_ROW_BUDGET = 150;

/**
 * How many levels are open by default: all when the tree has few rows, otherwise as many levels
 * from the top as fit in `budget` rows, and at least the first (a large organisation opens on its
 * top units and their children). Depths count from the shallowest row, as a manager's subtree
 * does not start at the top.
 */
export function defaultOpenLevels(rows: readonly TreeRow[], budget = DEFAULT_ROW_BUDGET): number {
	if (rows.length === 0) return 0;
	const top = topDepth(rows);
	const perLevel: number[] = [];
	for (const r of rows) perLevel[r.depth - top] = (perLevel[r.depth - top] ?? 0) + 1;
	let shown = perLevel[0] ?? 0;
	let levels = 0;
	while (levels + 1 < perLevel.length && shown + (perLevel[levels + 1] ?? 0) <= budget) {
		levels++;
		shown += perLevel[levels] ?? 0;
	}
	return Math.max(1, levels);
}

/** The depth of the shallowest row (0 for none): a manager's subtree starts below the top. */
function topDepth(rows: readonly TreeRow[]): number {
	return rows.length === 0 ? 0 : rows.reduce((min, r) => Math.min(min, r.depth), Infinity);
}

export interface TreeNode<R extends TreeRow> {
	row: R;
	children: TreeNode<R>[];
}

/** The rows (in tree order, each after its parent with a depth one more) as a forest. */
export function forestOf<R extends TreeRow>(rows: readonly R[]): TreeNode<R>[] {
	const roots: TreeNode<R>[] = [];
	const path: TreeNode<R>[] = [];
	for (const row of rows) {
		const node: TreeNode<R> = { row, children: [] };
		while (path.length && path[path.length - 1]!.row.depth >= row.depth) path.pop();
		(path.length ? path[path.length - 1]!.children : roots).push(node);
		path.push(node);
	}
	return roots;
}

export interface OpenState {
	/** Levels open by default, counted from `top`. */
	levels: number;
	top: number;
	open: readonly string[];
	shut: readonly string[];
}

export function isOpen(state: OpenState, row: TreeRow): boolean {
	if (state.open.includes(row.unitId)) return true;
	if (state.shut.includes(row.unitId)) return false;
	return row.depth - state.top < state.levels;
}

/** The view with one unit opened or closed; the URL names only units that differ from the default. */
export function toggled(view: HeatmapView, state: OpenState, row: TreeRow): HeatmapView {
	const byDefault = row.depth - state.top < state.levels;
	const without = (list: string[]) => list.filter((id) => id !== row.unitId);
	const open = without(view.open);
	const shut = without(view.shut);
	const nowOpen = isOpen(state, row);
	if (nowOpen && byDefault) shut.push(row.unitId);
	if (!nowOpen && !byDefault) open.push(row.unitId);
	return { ...view, open, shut };
}

/** A row as the table shows it: whether it has sub-units and whether they show. */
export interface VisibleRow<R> {
	row: R;
	hasChildren: boolean;
	expanded: boolean;
}

/**
 * The rows to show, in order: depth first through the tree, each unit's sub-units after it and
 * only when it is open, siblings in the order `compare` gives (tree order when it says equal).
 */
export function visibleRows<R extends TreeRow>(
	rows: readonly R[],
	state: OpenState,
	compare: ((a: R, b: R) => number) | null,
	/** Units with sub-units that `rows` may leave out (a treeSlice's `parents`). */
	parents: ReadonlySet<string> | null = null
): VisibleRow<R>[] {
	const shown: VisibleRow<R>[] = [];
	const walk = (nodes: TreeNode<R>[]) => {
		const ordered = compare
			? nodes
					.map((node, index) => ({ node, index }))
					.sort((a, b) => compare(a.node.row, b.node.row) || a.index - b.index)
					.map((x) => x.node)
			: nodes;
		for (const node of ordered) {
			const hasChildren = node.children.length > 0 || (parents?.has(node.row.unitId) ?? false);
			const expanded = hasChildren && isOpen(state, node.row);
			shown.push({ row: node.row, hasChildren, expanded });
			if (expanded) walk(node.children);
		}
	};
	walk(forestOf(rows));
	return shown;
}

/** What the page is sent of the unit tree: the rows the open state shows, and what the whole tree says of them. */
export interface TreeSlice<R> {
	/** The rows shown, in tree order: every unit whose ancestors are all open. */
	rows: R[];
	/** The units among `rows` that have sub-units, shown or not. */
	parents: string[];
	/** The open state's defaults, which depend on the whole tree (defaultOpenLevels). */
	levels: number;
	top: number;
}

/**
 * The rows of the whole tree that the open state shows, in tree order. Sorting reorders only
 * siblings, which are all in or all out, so `visibleRows` gives the same rows from the slice (with
 * its `parents`) as from the whole tree, for any sort: a large organisation's page then carries
 * about DEFAULT_ROW_BUDGET rows instead of every unit, and opening a unit fetches its rows.
 */
export function treeSlice<R extends TreeRow>(
	rows: readonly R[],
	open: readonly string[],
	shut: readonly string[],
	budget = DEFAULT_ROW_BUDGET
): TreeSlice<R> {
	const levels = defaultOpenLevels(rows, budget);
	const top = topDepth(rows);
	const shown = visibleRows(rows, { levels, top, open, shut }, null);
	return {
		rows: shown.map((s) => s.row),
		parents: shown.filter((s) => s.hasChildren).map((s) => s.row.unitId),
		levels,
		top
	};
}

/**
 * Compares by a figure, in the given direction, with rows without a figure (suppressed, nothing to
 * compare with) last either way.
 */
export function compareBy<R>(figure: (row: R) => number | null, dir: SortDirection): (a: R, b: R) => number {
	return (a, b) => {
		const x = figure(a);
		const y = figure(b);
		if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
		return dir === 'asc' ? x - y : y - x;
	};
}

/**
 * Whether the organisation gets a row of its own above the units: not when the view holds exactly
 * one top unit, which is the organisation (its figures are the same).
 */
export function showsOrganisationRow(rows: readonly TreeRow[]): boolean {
	return rows.filter((r) => r.depth === 0).length !== 1;
}
