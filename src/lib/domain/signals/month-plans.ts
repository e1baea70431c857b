import { planDisclosure, type DisclosurePlan, type UnitDisclosure } from '../anonymity';
import { releaseProblem, type ReleaseNode, type ReleasePlan } from '../releases';

/**
 * The plan of a month of collective signals (docs/anonymity.md, "Health signals"). A month is
 * planned once, when anything of it is first shown: with the k and the unit tree of that moment,
 * on each unit's `people` then. That plan is released and stays: a later upload, correction or undo
 * changes the values inside it, never which units it shows or the tree they roll up along. When a
 * change makes the released plan show a group of 1 to k-1 people, the month shows nothing.
 */

/** The release of a month that has not been released yet: the plan of now. */
export function planSignalMonth(
	tree: readonly ReleaseNode[],
	own: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
	k: number
): { release: ReleasePlan; plan: DisclosurePlan } {
	const ownOf = (id: string) => (own instanceof Map ? own.get(id) : (own as Record<string, number>)[id]) ?? 0;
	const plan = planDisclosure(
		tree.map((u) => ({ id: u.id, parentId: u.parentId, ownCount: ownOf(u.id) })),
		k
	);
	const people: Record<string, number> = {};
	for (const u of tree) {
		const n = ownOf(u.id);
		if (n > 0) people[u.id] = n;
	}
	const shown = [...plan.units.values()].filter((u) => u.shown).map((u) => u.id);
	return {
		release: { k, tree: tree.map((u) => ({ id: u.id, parentId: u.parentId })), own: people, shown },
		plan
	};
}

/**
 * The plan in force of a released month, with the month's people of now (`own`, by unit; units
 * outside the released tree count nowhere). Shown and hidden as released, n from the people of now;
 * every unit hidden with the reason 'changed' when the released plan, on the people of now, would
 * let a group of 1 to k-1 people be worked out.
 */
export function releasedMonthPlan(
	release: ReleasePlan,
	own: ReadonlyMap<string, number> | Readonly<Record<string, number>>
): DisclosurePlan {
	const ownOf = (id: string) => (own instanceof Map ? own.get(id) : (own as Record<string, number>)[id]) ?? 0;
	const now: Record<string, number> = {};
	for (const u of release.tree) {
		const n = ownOf(u.id);
		if (n > 0) now[u.id] = n;
	}
	const changed =
		releaseProblem({ k: release.k, tree: release.tree, own: now, shown: release.shown }) !== null;
	// The reasons and pooled units as the release gave them; the planner is deterministic, and
	// `shown` (what was released) decides where it would differ.
	const first = planDisclosure(
		release.tree.map((u) => ({ id: u.id, parentId: u.parentId, ownCount: release.own[u.id] ?? 0 })),
		release.k
	);
	const shown = new Set(release.shown);
	const known = new Set(release.tree.map((u) => u.id));
	const parentOf = new Map(
		release.tree.map((u) => [u.id, u.parentId !== null && known.has(u.parentId) ? u.parentId : null])
	);
	const children = new Map<string, string[]>();
	for (const [id, parent] of parentOf)
		if (parent !== null) {
			const list = children.get(parent);
			if (list) list.push(id);
			else children.set(parent, [id]);
		}
	const subtree = new Map<string, number>();
	const total = (id: string): number => {
		const kept = subtree.get(id);
		if (kept !== undefined) return kept;
		subtree.set(id, 0); // a cycle adds nothing
		let sum = now[id] ?? 0;
		for (const child of children.get(id) ?? []) sum += total(child);
		subtree.set(id, sum);
		return sum;
	};
	const nearestShown = (id: string): string | null => {
		const seen = new Set<string>();
		for (let at = parentOf.get(id) ?? null; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
			if (shown.has(at)) return at;
			seen.add(at);
		}
		return null;
	};
	const units = new Map<string, UnitDisclosure>();
	for (const [id, unit] of first.units) {
		const subtreeCount = total(id);
		if (changed) units.set(id, { id, subtreeCount, shown: false, reason: 'changed', pooledInto: null });
		else if (shown.has(id))
			units.set(id, { id, subtreeCount, shown: true, pooled: unit.shown ? unit.pooled : [] });
		else
			units.set(id, {
				id,
				subtreeCount,
				shown: false,
				reason: unit.shown ? 'secondary' : unit.reason,
				pooledInto: nearestShown(id)
			});
	}
	return { k: release.k, units };
}
