import {
	planDisclosure,
	type DisclosurePlan,
	type SuppressionReason,
	type UnitDisclosure
} from '../anonymity';
import type { ReleaseNode, ReleasePlan } from '../releases';

/**
 * The plan of a month of collective signals (docs/anonymity.md, "Health signals"). A month is
 * planned once, when anything of it is first shown: with the k and the unit tree of that moment,
 * on each unit's `people` then. That plan is released and stays: a later upload, correction or undo
 * changes the values inside it, never which units it shows or the tree they roll up along. When a
 * change makes the released plan show a group of 1 to k-1 people, the month shows nothing.
 */

/** What a month's release keeps besides the plan: why each hidden unit was hidden. */
export interface SignalMonthDetail {
	reasons: Record<string, SuppressionReason>;
}

/** The release of a month that has not been released yet: the plan of now. */
export function planSignalMonth(
	tree: readonly ReleaseNode[],
	own: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
	k: number
): { release: ReleasePlan; detail: SignalMonthDetail; plan: DisclosurePlan } {
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
	const shown: string[] = [];
	const reasons: Record<string, SuppressionReason> = {};
	for (const u of plan.units.values()) {
		if (u.shown) shown.push(u.id);
		else reasons[u.id] = u.reason;
	}
	return {
		release: { k, tree: tree.map((u) => ({ id: u.id, parentId: u.parentId })), own: people, shown },
		detail: { reasons },
		plan
	};
}

/**
 * The plan in force of a released month, with the month's people of now (`own`, by unit; units
 * outside the released tree count nowhere). Shown and hidden as released, n from the people of now;
 * every unit hidden with the reason 'changed' when the released plan, on the people of now, would
 * let a group of 1 to k-1 people be worked out. The reasons of hidden units are the release's
 * (`detail.reasons`); a release without them is planned again on its own people to find them.
 */
export function releasedMonthPlan(
	release: ReleasePlan & { detail?: Partial<SignalMonthDetail> | Record<string, unknown> },
	own: ReadonlyMap<string, number> | Readonly<Record<string, number>>
): DisclosurePlan {
	const ownOf = (id: string) => (own instanceof Map ? own.get(id) : (own as Record<string, number>)[id]) ?? 0;
	const { tree } = release;
	const n = tree.length;
	const position = new Map<string, number>();
	tree.forEach((u, i) => position.set(u.id, i));
	const parent = new Int32Array(n).fill(-1);
	const children: number[][] = Array.from({ length: n }, () => []);
	tree.forEach((u, i) => {
		const p = u.parentId === null ? undefined : position.get(u.parentId);
		if (p !== undefined && p !== i) {
			parent[i] = p;
			children[p]!.push(i);
		}
	});
	const subtree = new Float64Array(n);
	tree.forEach((u, i) => (subtree[i] = ownOf(u.id)));

	// Preorder from the roots (units on a cycle have none and stay out), then subtree sums bottom-up.
	const preorder: number[] = [];
	// Depth first with siblings by id, as planDisclosure orders its units (and pooled lists).
	const byId = (a: number, b: number) => (tree[a]!.id < tree[b]!.id ? 1 : tree[a]!.id > tree[b]!.id ? -1 : 0);
	const stack: number[] = [];
	for (let i = 0; i < n; i++) if (parent[i] === -1) stack.push(i);
	stack.sort(byId);
	while (stack.length) {
		const i = stack.pop()!;
		preorder.push(i);
		stack.push(...children[i]!.sort(byId));
	}
	const shown = new Uint8Array(n);
	let unknown = false;
	for (const id of release.shown) {
		const i = position.get(id);
		if (i === undefined) unknown = true;
		else shown[i] = 1;
	}
	// releaseProblem on the people of now, over arrays: each shown unit's group and its remainder
	// (the people below it not covered by a shown unit) must be nobody or at least k.
	const { k } = release;
	const uncovered = Float64Array.from(subtree);
	let changed = unknown;
	for (let j = preorder.length - 1; j >= 0; j--) {
		const i = preorder[j]!;
		if (shown[i] && (subtree[i]! < k || (uncovered[i]! > 0 && uncovered[i]! < k))) changed = true;
		const p = parent[i]!;
		if (p < 0) continue;
		subtree[p] = subtree[p]! + subtree[i]!;
		if (!shown[i]) uncovered[p] = uncovered[p]! + uncovered[i]!;
	}
	const stored = (release.detail as Partial<SignalMonthDetail> | undefined)?.reasons;
	const reasons =
		stored ??
		Object.fromEntries(
			[
				...planDisclosure(
					tree.map((u) => ({ id: u.id, parentId: u.parentId, ownCount: release.own[u.id] ?? 0 })),
					release.k
				).units.values()
			].flatMap((u) => (u.shown ? [] : [[u.id, u.reason] as const]))
		);
	// The nearest shown ancestor of each unit, parents first; pooled: the hidden units of a shown one.
	const nearest = new Int32Array(n).fill(-1);
	const pooled = new Map<number, string[]>();
	for (const i of preorder) {
		const p = parent[i]!;
		nearest[i] = p < 0 ? -1 : shown[p] ? p : nearest[p]!;
		if (!shown[i] && nearest[i]! >= 0) {
			const list = pooled.get(nearest[i]!);
			if (list) list.push(tree[i]!.id);
			else pooled.set(nearest[i]!, [tree[i]!.id]);
		}
	}
	const units = new Map<string, UnitDisclosure>();
	for (const i of preorder) {
		const id = tree[i]!.id;
		const subtreeCount = subtree[i]!;
		if (changed) units.set(id, { id, subtreeCount, shown: false, reason: 'changed', pooledInto: null });
		else if (shown[i]) units.set(id, { id, subtreeCount, shown: true, pooled: pooled.get(i) ?? [] });
		else
			units.set(id, {
				id,
				subtreeCount,
				shown: false,
				reason: reasons[id] ?? 'secondary',
				pooledInto: nearest[i]! >= 0 ? tree[nearest[i]!]!.id : null
			});
	}
	return { k: release.k, units };
}
