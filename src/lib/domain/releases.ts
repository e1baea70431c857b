/**
 * Releases: every disclosure is the release of one plan over one set of data (a closed wave's
 * answers, a month of collective signals). A release is frozen at its first showing; later
 * readers get the same plan, so the figures of one set of data are only ever shown in one form
 * (docs/anonymity.md, "Releases").
 *
 * `releaseProblem` checks a plan before it is released, independently of the planner that made it:
 * the shown figures of one tree form a laminar family (a unit's group contains the groups of its
 * sub-units), and for such a family the only groups that sums and differences can isolate are each
 * shown unit's remainder (the unit minus its nearest shown units below) and the groups of the
 * shown units themselves. Both must be nobody or at least k people.
 */

export interface ReleaseNode {
	id: string;
	parentId: string | null;
}

export interface ReleasePlan {
	k: number;
	tree: readonly ReleaseNode[];
	/** Each unit's own group size: people attached directly to it. */
	own: Readonly<Record<string, number>>;
	/** The units whose figures are shown. */
	shown: readonly string[];
}

export type ReleaseProblem =
	| { kind: 'unknown-unit'; unitId: string }
	| { kind: 'below-k'; unitId: string }
	| { kind: 'remainder'; unitId: string };

/** The first reason the plan would let a group of 1 to k-1 people be worked out, or null. */
export function releaseProblem(plan: ReleasePlan): ReleaseProblem | null {
	const children = new Map<string | null, string[]>();
	const known = new Set(plan.tree.map((n) => n.id));
	for (const node of plan.tree) {
		const parent = node.parentId !== null && known.has(node.parentId) ? node.parentId : null;
		const list = children.get(parent);
		if (list) list.push(node.id);
		else children.set(parent, [node.id]);
	}
	const shown = new Set(plan.shown);
	for (const id of shown) if (!known.has(id)) return { kind: 'unknown-unit', unitId: id };
	const { k } = plan;
	const small = (people: number) => people > 0 && people < k;

	// Post-order: each unit's subtree total, and the people in its subtree not covered by a shown
	// unit strictly below it (for a shown unit: its remainder; for a hidden one: what it passes up).
	let problem: ReleaseProblem | null = null;
	const visit = (id: string): { total: number; uncovered: number } => {
		let total = plan.own[id] ?? 0;
		let uncovered = plan.own[id] ?? 0;
		for (const child of children.get(id) ?? []) {
			const c = visit(child);
			total += c.total;
			uncovered += shown.has(child) ? 0 : c.uncovered;
		}
		if (!problem && shown.has(id)) {
			if (total < k) problem = { kind: 'below-k', unitId: id };
			else if (small(uncovered)) problem = { kind: 'remainder', unitId: id };
		}
		return { total, uncovered: shown.has(id) ? 0 : uncovered };
	};
	for (const root of children.get(null) ?? []) visit(root);
	return problem;
}
